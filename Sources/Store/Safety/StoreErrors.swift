import CSQLite
import Glibc

/// What SQLite's result codes mean for an operator, in words that say what happened (issue 15): a read-only
/// filesystem is not a permissions problem, a full disk is not "disk I/O error", corruption means a backup.
extension Connection {
    static func describe(_ rc: Int32, _ message: String, path: String?) -> StoreError {
        switch rc & 0xff {
        case SQLITE_BUSY, SQLITE_LOCKED: return StoreError(.busy, "store is busy: \(message)")
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM:
            if let path, filesystemIsReadOnly(path) {
                return StoreError(.readOnly, "the store's filesystem is read-only (\(directory(of: path))); nothing was changed — "
                    + "open it with --read-only to view it (SQLite: \(message))")
            }
            if rc & 0xff == SQLITE_CANTOPEN { return StoreError(.sqlite(rc), message) }
            return StoreError(.readOnly, "store is read-only: \(message)")
        case SQLITE_FULL:
            return StoreError(.diskFull, "disk full: the store's filesystem has no space left; nothing was changed — free space and try again"
                + " (SQLite: \(message))")
        case SQLITE_CORRUPT, SQLITE_NOTADB:
            return StoreError(.damaged, "store damaged: restore from a backup (SQLite: \(message))")
        case SQLITE_CONSTRAINT: return StoreError(.conflict, message)
        default: return StoreError(.sqlite(rc), message)
        }
    }

    /// Whether the filesystem holding `path` (or its directory, for a file not made yet) is mounted read-only.
    static func filesystemIsReadOnly(_ path: String) -> Bool {
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 || statvfs(directory(of: path), &fs) == 0 else { return false }
        return fs.f_flag & UInt(ST_RDONLY) != 0
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// A real file name, not `:memory:`, a temporary database or a `file:` URI.
    static func isPlainFile(_ path: String) -> Bool {
        !path.isEmpty && path != ":memory:" && !path.hasPrefix("file:")
    }

    /// A new store file is made here, empty and 0600, before SQLite opens it: SQLite gives the `-wal` and `-shm` it
    /// creates the store file's mode, so personal data is never readable by others (docs/STORE-SAFETY.md
    /// "Store files"). An existing file keeps the mode its owner chose.
    static func createPrivately(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd); return }
        if errno == EEXIST { return }
        if errno == EROFS {
            throw StoreError(.readOnly, "the store's filesystem is read-only (\(directory(of: path))); cannot create \(path)")
        }
        if errno == ENOSPC { throw StoreError(.diskFull, "disk full: cannot create \(path)") }
        // Anything else (no such directory, permissions): SQLite's own open says it in its words.
    }
}
