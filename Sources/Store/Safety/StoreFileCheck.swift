import Foundation

/// Before busops writes anything to a file it checks the file is a busops store (issue 15: an empty file given as
/// `--db` used to become a fresh store, and anything else was "migrated" into). A refused file is left untouched:
/// nothing is written before these checks pass (docs/STORE-SAFETY.md "What busops opens").
public enum StoreFileCheck {
    /// `PRAGMA application_id` of every busops store: "BUSO". Set when a store is created (and on the first writable
    /// open of a store made before it existed); `file(1)` and other tools can tell a busops store by it.
    public static let applicationId: Int64 = 0x4255_534F

    /// Refuses an existing file that cannot be a store, before SQLite touches it: an empty file would otherwise be
    /// taken for a new database. Uses `stat` only: opening and closing our own descriptor on a file SQLite has open
    /// in this process would drop SQLite's POSIX locks on it.
    static func refuseEmpty(_ path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw StoreError(.notAStore, "\(path) is a directory, not a busops store") }
        if st.st_size == 0 {
            throw StoreError(.notAStore, "\(path) is an empty file (0 bytes), not a busops store; it was left untouched "
                + "— name the right store with --db, or remove the empty file to let busops create one")
        }
    }

    /// The file is an SQLite database (SQLite says `SQLITE_NOTADB` on its first read otherwise) carrying busops's
    /// application id, or an older busops store without it (it has busops's `schema_migrations`). `fresh`: busops
    /// itself has just created the file (it may hold nothing yet).
    static func identify(_ db: Connection, path: String, fresh: Bool) throws {
        let id: Int64
        do { id = try db.scalarInt("PRAGMA application_id") ?? 0 } catch let e as StoreError where e.kind == .damaged {
            throw notSQLite(path)
        }
        if id == applicationId { return }
        if id != 0 {
            throw StoreError(.notAStore, String(format: "%@ is an SQLite database of another application (application id 0x%08llX), "
                + "not a busops store; it was left untouched", path, id))
        }
        if try Migrator.currentVersion(db) > 0 { return }      // a busops store from before the application id
        if fresh, try db.scalarInt("SELECT count(*) FROM sqlite_master") == 0 { return }
        throw StoreError(.notAStore, "\(path) is an SQLite database without busops's tables (no schema_migrations), not a busops store; "
            + "it was left untouched")
    }

    /// SQLite's `SQLITE_NOTADB` on the very first read: the header is not SQLite's.
    static func notSQLite(_ path: String) -> StoreError {
        StoreError(.notAStore, "\(path) is not an SQLite database, so not a busops store; it was left untouched")
    }

    /// Marks a writable store as busops's (new stores, and older ones on their first writable open).
    static func stamp(_ db: Connection) throws {
        guard try db.scalarInt("PRAGMA application_id") != applicationId else { return }
        try db.transaction { try db.execute("PRAGMA application_id = \(applicationId)") }
    }
}
