import CSQLite

/// Bulk-load binding (the demo generator): one value at a time, texts bound without a copy, no array per row.
extension Statement {
    func bindInt(_ i: Int32, _ v: Int64) throws {
        let rc = sqlite3_bind_int64(handle, i, v)
        if rc != SQLITE_OK { throw connection.error(rc, connection.lastMessage) }
    }

    func bindDouble(_ i: Int32, _ v: Double) throws {
        let rc = sqlite3_bind_double(handle, i, v)
        if rc != SQLITE_OK { throw connection.error(rc, connection.lastMessage) }
    }

    func bindNull(_ i: Int32) throws {
        let rc = sqlite3_bind_null(handle, i)
        if rc != SQLITE_OK { throw connection.error(rc, connection.lastMessage) }
    }

    /// SQLITE_STATIC: SQLite reads the bytes where they are, so they must stay unchanged until `stepDone` returned.
    func bindTextInPlace(_ i: Int32, _ bytes: UnsafeRawPointer, _ count: Int) throws {
        let rc = sqlite3_bind_text(handle, i, bytes.assumingMemoryBound(to: CChar.self), Int32(count), nil)
        if rc != SQLITE_OK { throw connection.error(rc, connection.lastMessage) }
    }

    /// Runs a statement that returns no rows and makes it ready for the next one. Bindings are left in place:
    /// the next row binds every parameter again.
    func stepDone() throws {
        let rc = sqlite3_step(handle)
        sqlite3_reset(handle)
        if rc != SQLITE_DONE && rc != SQLITE_ROW { throw connection.error(rc, connection.lastMessage) }
    }
}
