import Store

/// One-value reads the tests use to check what an action left behind (raw SQL on purpose: the check must
/// not go through the code it checks).
extension Store {
    /// The first row's first column as an integer, 0 when there is no row.
    public func firstInt(_ sql: String, _ args: [SQLValue] = []) throws -> Int {
        let s = try db.prepare(sql)
        try s.bind(args)
        return try s.all { $0.int(0) }.first ?? 0
    }

    /// The first row's first column as text, nil when there is no row or it is NULL.
    public func firstText(_ sql: String, _ args: [SQLValue] = []) throws -> String? {
        let s = try db.prepare(sql)
        try s.bind(args)
        return try s.all { $0.isNull(0) ? nil : $0.text(0) }.first ?? nil
    }
}
