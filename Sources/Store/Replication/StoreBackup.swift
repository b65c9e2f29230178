import CSQLite
import Foundation

/// Online copies of a store (SQLite's backup API) and the checks a copy passes before it may replace one.
/// Kept in Store because only Store speaks to SQLite (docs/ARCHITECTURE.md).
public enum StoreBackup {
    /// Copies the store at `source` into a new file `destination` while other processes keep reading and
    /// writing it: the copy is one consistent snapshot (SQLite's online backup, in steps; a step that meets a
    /// writer waits for it). The copy is written beside `destination` and renamed into place when complete,
    /// so a crash never leaves a half copy under the final name. Answers the pages copied.
    @discardableResult
    public static func copy(from source: String, to destination: String, stepPages: Int32 = 1024) throws -> Int {
        guard FileManager.default.fileExists(atPath: source) else { throw StoreError(.notFound, "no store at \(source)") }
        let partial = destination + ".partial-\(getpid())"
        removeStore(at: partial)
        let src = try Connection(path: source, readOnly: true, create: false)
        let pages: Int
        do {
            let dst = try Connection(path: partial, readOnly: false, create: true)
            // Rollback mode while copying: a WAL destination refuses a source of another page size.
            try dst.execute("PRAGMA journal_mode = DELETE")
            pages = try copyPages(from: src, to: dst, stepPages: stepPages)
            // The copy stands alone: a single file in rollback mode until someone opens it read-write again.
            try dst.execute("PRAGMA journal_mode = DELETE")
        } catch {
            removeStore(at: partial)
            throw error
        }
        guard rename(partial, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            removeStore(at: partial)
            throw StoreError(.invalid, "cannot move the copy to \(destination): \(reason)")
        }
        return pages
    }

    /// Copies every page of `src` into `dst` (both open). Used by `copy` and by the replica console's mirror.
    static func copyPages(from src: Connection, to dst: Connection, stepPages: Int32) throws -> Int {
        guard let backup = sqlite3_backup_init(dst.handle, "main", src.handle, "main") else {
            throw StoreError(.sqlite(sqlite3_errcode(dst.handle)), "cannot start the backup: \(dst.lastMessage)")
        }
        var rc: Int32 = SQLITE_OK
        repeat {
            rc = sqlite3_backup_step(backup, stepPages)
            // A writer holds the source or another connection the destination: wait a moment and go on.
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { usleep(5_000) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let pages = Int(sqlite3_backup_pagecount(backup))
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finish == SQLITE_OK else {
            throw StoreError(.sqlite(rc), "backup failed: \(dst.lastMessage)")
        }
        return pages
    }

    /// What a candidate copy is: integrity, schema version and size. Nothing is written to it.
    public struct Check: Sendable, Equatable {
        public let integrity: String
        public let schemaVersion: Int
        public let orders: Int
        public var ok: Bool { problem == nil }
        /// Why the file may not stand in for a store, in words; nil when it may.
        public var problem: String? {
            if integrity != "ok" { return "it failed the integrity check (\(integrity.prefix(200)))" }
            if schemaVersion < 1 { return "it is not a busops store (no schema version)" }
            if schemaVersion > Migrator.latestVersion {
                return "it has schema version \(schemaVersion), newer than this busops understands (\(Migrator.latestVersion))"
            }
            return nil
        }
    }

    /// `PRAGMA quick_check` and the schema version: cheap enough for `busops status` on a live store.
    public static func quickCheck(_ path: String) throws -> Check {
        let db = try Connection(path: path, readOnly: true, create: false)
        let lines = try db.prepare("PRAGMA quick_check(5)").all { $0.text(0) }
        return Check(integrity: lines.joined(separator: "; "), schemaVersion: try Migrator.currentVersion(db), orders: 0)
    }

    /// Runs `PRAGMA integrity_check` and reads the schema version of the file at `path`, read-only.
    public static func check(_ path: String) throws -> Check {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError(.notFound, "no file at \(path)") }
        let db = try Connection(path: path, readOnly: true, create: false)
        let lines: [String]
        do {
            lines = try db.prepare("PRAGMA integrity_check(20)").all { $0.text(0) }
        } catch let e as StoreError {
            // Not a database at all (SQLITE_NOTADB) or damaged past reading: the check answers that.
            return Check(integrity: e.message, schemaVersion: 0, orders: 0)
        }
        let version = (try? Migrator.currentVersion(db)) ?? 0
        let orders = Int((try? db.scalarInt("SELECT count(*) FROM orders")) ?? 0)
        return Check(integrity: lines.joined(separator: "; "), schemaVersion: version, orders: orders)
    }

    /// Removes a store file and its WAL sidecars.
    public static func removeStore(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}
