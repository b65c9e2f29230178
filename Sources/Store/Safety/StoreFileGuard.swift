import CSQLite
import Foundation

/// Notices that the file a connection has open is no longer the file at its path: deleted, moved, or
/// replaced. SQLite keeps reading and writing the open (now nameless) file without complaint in WAL mode, so
/// an operator's approval would be committed to a file nobody will ever open again (issue 15). Two opinions,
/// either enough: our own device+inode taken at open against `stat(path)` now, and SQLite's
/// `SQLITE_FCNTL_HAS_MOVED`, which compares the inode it actually holds open with the path.
/// Once noticed it stays noticed: the connection never acts on that file again (docs/STORE-SAFETY.md).
final class StoreFileGuard {
    /// The plain file path (nil for in-memory and URI-named side databases, which have nothing to vanish).
    let path: String?
    let identity: FileIdentity?
    private let lock = NSLock()
    private var gone: String?

    init(path: String?, handle: OpaquePointer) {
        self.path = path
        self.identity = path.flatMap(FileIdentity.of(path:))
    }

    /// Why the file is not the store any more, or nil while it still is. Cheap: one `stat` and one file control.
    func problem(handle: OpaquePointer) -> String? {
        if let gone = lock.withLock({ gone }) { return gone }
        guard let path, let identity else { return nil }
        var moved: Int32 = 0
        _ = sqlite3_file_control(handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved)
        let now = FileIdentity.of(path: path)
        let reason: String
        if now == nil { reason = "deleted or moved away" }
        else if now != identity || moved != 0 { reason = "replaced by another file" }
        else { return nil }
        let text = "store gone: \(path) was \(reason) while busops had it open; busops stopped using it and wrote nothing more to it"
            + " — restart busops on the right store"
        lock.withLock { gone = text }
        return text
    }
}

/// SQLite calls this before every commit, autocommit statements included, on the committing thread: a non-zero
/// answer turns the commit into a rollback. It is the last gate before bytes become durable, so nothing reaches an
/// unlinked store even from a writer that forgot to check (docs/STORE-SAFETY.md).
let storeCommitHook: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { context in
    guard let context else { return 0 }
    let connection = Unmanaged<Connection>.fromOpaque(context).takeUnretainedValue()
    return connection.fileProblem() == nil ? 0 : 1
}
