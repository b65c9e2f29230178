import CSQLite
import Foundation

/// An error from SQLite or from the store's own checks, with a message an operator can read.
public struct StoreError: Error, CustomStringConvertible, Equatable {
    /// `vanished`: the file was deleted, moved or replaced under us; `damaged`: SQLite reported corruption;
    /// `notAStore`: an empty or foreign file; `diskFull`: no space left (docs/STORE-SAFETY.md).
    public enum Kind: Sendable, Equatable {
        case sqlite(Int32), newerSchema, notFound, conflict, invalid, readOnly, busy, vanished, damaged, notAStore, diskFull
    }
    public let kind: Kind
    public let message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}

/// One SQLite connection. Not shared between threads: each thread or process opens its own
/// (SQLite serialises writers through the WAL; readers never block).
public final class Connection {
    let handle: OpaquePointer
    public let path: String
    public let readOnly: Bool
    private var statementCache: [String: Statement] = [:]
    /// Watches that the open file is still the one at `path` (nil until the handle exists).
    private var fileGuard: StoreFileGuard?
    /// Set once SQLite reports corruption on this connection: money-moving actions refuse from then on.
    public internal(set) var damage: String?

    /// Opens (creating when allowed) the store file and sets the pragmas every busops connection relies on.
    /// `uri`: `path` may be a `file:` URI, and so may the files this connection attaches (the demo load's in-memory
    /// side database).
    /// `filePath`: the file `path` names when `path` is a `file:` URI (the read-only fallback's `immutable=1`), so the
    /// connection can still notice that file vanishing.
    public init(path: String, readOnly: Bool = false, create: Bool = true, uri: Bool = false, filePath: String? = nil) throws {
        _ = Connection.configured
        let plainFile = filePath ?? (Connection.isPlainFile(path) ? path : nil)
        if !readOnly && create, let file = plainFile { try Connection.createPrivately(file) }
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0)
        if readOnly { flags |= SQLITE_OPEN_READONLY } else {
            flags |= SQLITE_OPEN_READWRITE
            if create { flags |= SQLITE_OPEN_CREATE }
        }
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let msg = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw Connection.describe(rc, "cannot open store \(path): \(msg)", path: plainFile)
        }
        handle = db
        self.path = path
        self.readOnly = readOnly
        fileGuard = StoreFileGuard(path: plainFile, handle: db)
        sqlite3_commit_hook(db, storeCommitHook, Unmanaged.passUnretained(self).toOpaque())
        // Another process (serve, dispatch, a second console) may hold the write lock briefly.
        sqlite3_busy_timeout(db, 5000)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            // A new file only: larger pages make the order and ticket B-trees shallower (the page size is fixed
            // once the first table exists, so this is a no-op for existing stores).
            if try scalarInt("PRAGMA page_count") == 0 { try execute("PRAGMA page_size = 16384") }
            try execute("PRAGMA journal_mode = WAL")
            // FULL: in WAL mode every commit syncs the WAL before COMMIT returns, so an approval or a "sent" mark the
            // operator saw as done survives a power cut (NORMAL syncs only at checkpoints). Cost: docs/STORE-SAFETY.md.
            try execute("PRAGMA synchronous = FULL")
        }
    }

    /// Why this connection must not act on its file any more (deleted, moved, replaced), or nil.
    public func fileProblem() -> String? { fileGuard?.problem(handle: handle) }

    /// Process-wide SQLite settings, applied once before the first connection (a lazy static runs exactly once).
    static let configured: Bool = {
        csqlite_disable_memstatus()
        return true
    }()

    deinit {
        statementCache.removeAll()
        sqlite3_commit_hook(handle, nil, nil)
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws {
        var err: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &err)
        if rc != SQLITE_OK {
            let msg = err.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(err)
            throw error(rc, msg)
        }
    }

    /// A prepared statement, cached by its text so hot queries are parsed once.
    public func prepare(_ sql: String) throws -> Statement {
        if let cached = statementCache[sql] { cached.reset(); return cached }
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw error(rc, "\(lastMessage) in: \(sql.prefix(120))") }
        let statement = Statement(stmt, connection: self)
        statementCache[sql] = statement
        return statement
    }

    var lastMessage: String { String(cString: sqlite3_errmsg(handle)) }

    func error(_ rc: Int32, _ message: String) -> StoreError {
        // A vanished file explains any failure (the commit hook's refusal arrives as a constraint error).
        if let gone = fileProblem() { return StoreError(.vanished, gone) }
        let e = Connection.describe(rc, message, path: fileGuard?.path)
        if e.kind == .damaged && damage == nil { damage = e.message }
        return e
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Changes whenever another connection commits; cheap enough to poll many times a second.
    public func dataVersion() throws -> Int64 {
        try scalarInt("PRAGMA data_version") ?? 0
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it commits, or none of it does.
    /// IMMEDIATE takes the write lock up front so two writers never deadlock on upgrade.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if readOnly { throw StoreError(.readOnly, "the store is open read-only; nothing was changed") }
        if let gone = fileProblem() { throw StoreError(.vanished, gone) }
        try execute("BEGIN IMMEDIATE")
        do {
            // Again under the write lock, right before the first write: the file may have gone while we waited.
            if let gone = fileProblem() { throw StoreError(.vanished, gone) }
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A read snapshot: every query inside sees the same committed state.
    public func read<T>(_ body: () throws -> T) throws -> T {
        // Inside a caller's transaction the snapshot already holds.
        if sqlite3_get_autocommit(handle) == 0 { return try body() }
        try execute("BEGIN")
        defer { try? execute("COMMIT") }
        return try body()
    }

    public func scalarInt(_ sql: String, _ args: SQLValue...) throws -> Int64? {
        let s = try prepare(sql)
        try s.bind(args)
        // Reset at once: a statement left mid-result keeps its read snapshot open.
        defer { s.reset() }
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.int64(0)
    }

    public func scalarText(_ sql: String, _ args: SQLValue...) throws -> String? {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        guard try s.step() else { return nil }
        return s.isNull(0) ? nil : s.text(0)
    }

    /// Runs a statement that returns no rows, with arguments.
    public func run(_ sql: String, _ args: SQLValue...) throws {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        _ = try s.step()
    }

    public func run(_ sql: String, args: [SQLValue]) throws {
        let s = try prepare(sql)
        try s.bind(args)
        defer { s.reset() }
        _ = try s.step()
    }
}
