import Foundation

/// `busops --read-only` on a store whose directory cannot be written (a read-only filesystem, a backup mounted
/// read-only). A WAL store's readers need its `-shm`; where it does not exist and cannot be created, SQLite refuses
/// the open. On a read-only filesystem nobody can commit, so the file cannot change while we look, which is exactly
/// what SQLite's `immutable=1` assumes: it then reads the file without `-shm` or locks (docs/STORE-SAFETY.md
/// "Read-only filesystems"). A `-wal` still holding commits cannot be read that way: refused, saying why.
enum ReadOnlyOpen {
    static func connection(path: String) throws -> Connection {
        do {
            let db = try Connection(path: path, readOnly: true)
            do { _ = try db.scalarInt("SELECT count(*) FROM sqlite_master") }    // the first read opens the WAL index
            catch let e as StoreError where e.kind == .damaged { throw StoreFileCheck.notSQLite(path) }
            return db
        } catch let e as StoreError where fallbackApplies(e, path: path) {
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            if wal > 0 {
                throw StoreError(.readOnly, "the store's directory cannot be written and its -wal holds commits not yet in \(path); "
                    + "copy the store with its -wal to a writable place to view it (SQLite: \(e.message))")
            }
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            return try Connection(path: "file:\(encoded)?immutable=1", readOnly: true, uri: true, filePath: path)
        }
    }

    /// SQLite could not open or create what a WAL reader needs, and the directory is not writable.
    static func fallbackApplies(_ e: StoreError, path: String) -> Bool {
        switch e.kind {
        case .readOnly, .sqlite: break
        default: return false
        }
        let dir = Connection.directory(of: path)
        return Connection.filesystemIsReadOnly(path) || access(dir, W_OK) != 0
    }
}
