import CSQLite

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case int(Int64), text(String), real(Double), null
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public static func of(_ v: Int) -> SQLValue { .int(Int64(v)) }
    public static func of(_ v: Int?) -> SQLValue { v.map { .int(Int64($0)) } ?? .null }
    public static func of(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }
    public static func of(_ v: Double?) -> SQLValue { v.map { .real($0) } ?? .null }
    public static func of(_ v: Bool) -> SQLValue { .int(v ? 1 : 0) }
}

/// A prepared statement. Reused through the connection's cache; `bind` resets it first.
public final class Statement {
    let handle: OpaquePointer
    unowned let connection: Connection

    init(_ handle: OpaquePointer, connection: Connection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    public func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    public func bind(_ values: [SQLValue]) throws {
        reset()
        for (i, v) in values.enumerated() {
            let idx = Int32(i + 1)
            let rc: Int32
            switch v {
            case .int(let n): rc = sqlite3_bind_int64(handle, idx, n)
            case .real(let d): rc = sqlite3_bind_double(handle, idx, d)
            case .null: rc = sqlite3_bind_null(handle, idx)
            case .text(let s):
                // withCString reads a native string in place; passing `s` directly would copy it into a temporary array.
                rc = s.withCString { sqlite3_bind_text(handle, idx, $0, -1, csqlite_transient()) }
            }
            if rc != SQLITE_OK { throw connection.error(rc, connection.lastMessage) }
        }
    }

    /// Advances to the next row; false when done.
    public func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let err = connection.error(rc, connection.lastMessage)
        sqlite3_reset(handle)
        throw err
    }

    public func int64(_ col: Int32) -> Int64 { sqlite3_column_int64(handle, col) }
    public func int(_ col: Int32) -> Int { Int(sqlite3_column_int64(handle, col)) }
    public func double(_ col: Int32) -> Double { sqlite3_column_double(handle, col) }
    public func isNull(_ col: Int32) -> Bool { sqlite3_column_type(handle, col) == SQLITE_NULL }
    public func text(_ col: Int32) -> String {
        guard let p = sqlite3_column_text(handle, col) else { return "" }
        return String(cString: p)
    }
    public func optionalText(_ col: Int32) -> String? { isNull(col) ? nil : text(col) }
    public func optionalInt(_ col: Int32) -> Int? { isNull(col) ? nil : int(col) }
    public func optionalDouble(_ col: Int32) -> Double? { isNull(col) ? nil : double(col) }

    /// Collects every row through `map`.
    public func all<T>(_ map: (Statement) throws -> T) throws -> [T] {
        defer { reset() }
        var rows: [T] = []
        while try step() { rows.append(try map(self)) }
        return rows
    }
}

extension Statement {
    public func columnName(_ col: Int32) -> String { String(cString: sqlite3_column_name(handle, col)) }
    public func value(_ col: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, col) {
        case SQLITE_INTEGER: return .int(int64(col))
        case SQLITE_FLOAT: return .real(double(col))
        case SQLITE_NULL: return .null
        default: return .text(text(col))
        }
    }
    var columnCount: Int { Int(sqlite3_column_count(handle)) }
}

func sqlite3ColumnCount(_ s: Statement) -> Int { s.columnCount }
