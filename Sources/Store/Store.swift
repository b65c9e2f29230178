import Foundation

/// The busops store: one SQLite file in WAL mode shared by the console, `serve` and `dispatch`.
/// Each process (and each thread) opens its own `Store`; the file is the shared state.
public final class Store {
    public let db: Connection
    public var path: String { db.path }
    public var isReadOnly: Bool { db.readOnly }

    /// Opens an existing store or creates a new one, migrating it to the latest schema.
    /// `readOnly` never writes, not even a migration.
    /// An existing file must be a busops store (`StoreFileCheck`): an empty or foreign file is refused untouched.
    public init(path: String, readOnly: Bool = false, create: Bool = true) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if !create && !exists {
            throw StoreError(.notFound, "no store at \(path)")
        }
        if exists { try StoreFileCheck.refuseEmpty(path) }
        do { db = try readOnly ? ReadOnlyOpen.connection(path: path) : Connection(path: path, readOnly: false, create: create) }
        catch let e as StoreError where e.kind == .damaged && exists { throw StoreFileCheck.notSQLite(path) }
        try StoreFileCheck.identify(db, path: path, fresh: !exists)
        if readOnly { try Migrator.check(db) } else {
            try Migrator.migrate(db)
            try StoreFileCheck.stamp(db)
        }
        // Litestream replicates this store: it alone checkpoints (CheckpointOwner, docs/REPLICATION.md).
        if !readOnly, (try? CheckpointOwner.resolve(storePath: path)) == .litestream { try deferCheckpoints() }
    }

    /// Why this store must not be acted on (its file was deleted, moved or replaced), or nil. One `stat`: the
    /// console asks every poll, serve and dispatch every second (docs/STORE-SAFETY.md).
    public func fileProblem() -> String? { db.fileProblem() }

    /// Whether the demo generator made this store (the console marks the screen DEMO).
    public func isDemo() throws -> Bool {
        try db.scalarText("SELECT value FROM meta WHERE key = 'demo'") == "1"
    }

    /// Changes when another connection commits; poll it to stay live without re-querying.
    public func dataVersion() throws -> Int64 { try db.dataVersion() }

    /// True when the store's filesystem is mounted read-only (the console says so instead of "not writable").
    public static func filesystemIsReadOnly(path: String) -> Bool { Connection.filesystemIsReadOnly(path) }

    /// True when the file can be written by this process (the console falls back to read-only otherwise).
    public static func isWritable(path: String) -> Bool {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { return fm.isWritableFile(atPath: path) }
        return fm.isWritableFile(atPath: (path as NSString).deletingLastPathComponent)
    }
}
