import XCTest
@testable import Store

final class MigrationTests: XCTestCase {
    func testNewStoreIsAtLatestVersionWithWALAndForeignKeys() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        XCTAssertEqual(try store.db.scalarText("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try store.db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM schema_migrations"), Int64(Migrator.latestVersion))
    }

    func testReopeningDoesNotReapplyMigrations() throws {
        let t = TempStore()
        _ = try Store(path: t.path)
        let again = try Store(path: t.path)
        XCTAssertEqual(try again.db.scalarInt("SELECT count(*) FROM schema_migrations"), Int64(Migrator.latestVersion))
    }

    func testStoreFromNewerVersionIsRefusedAndLeftUntouched() throws {
        let t = TempStore()
        do {
            let store = try Store(path: t.path)
            try store.db.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, 0)", .of(Migrator.latestVersion + 1))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: t.path))
        XCTAssertThrowsError(try Store(path: t.path)) { error in
            let e = error as? StoreError
            XCTAssertEqual(e?.kind, .newerSchema)
            XCTAssertTrue(e?.message.contains("newer") ?? false, e?.message ?? "")
            XCTAssertTrue(e?.message.contains("not changed") ?? false)
        }
        XCTAssertThrowsError(try Store(path: t.path, readOnly: true))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: t.path)), before)
    }

    func testReadOnlyStoreRefusesWrites() throws {
        let t = TempStore()
        _ = try Store(path: t.path)
        let ro = try Store(path: t.path, readOnly: true)
        XCTAssertThrowsError(try ro.db.transaction { try ro.db.run("INSERT INTO meta (key, value) VALUES ('x', 'y')") }) {
            XCTAssertEqual(($0 as? StoreError)?.kind, .readOnly)
        }
    }

    func testMissingStoreIsNotCreatedWhenCreateIsFalse() {
        let t = TempStore()
        XCTAssertThrowsError(try Store(path: t.path, create: false))
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path))
    }

    func testSchemaRejectsInvalidStatusCodesAndBadMoney() throws {
        let t = TempStore()
        let store = try t.demo(orders: 30, seed: 3, now: fixedNow)
        XCTAssertThrowsError(try store.db.run("UPDATE orders SET status = 7 WHERE id = 1"))
        XCTAssertThrowsError(try store.db.run("UPDATE tickets SET status = 0 WHERE id = 1"))
        XCTAssertThrowsError(try store.db.run("UPDATE orders SET total_fen = -1 WHERE id = 1"))
        XCTAssertThrowsError(try store.db.run("UPDATE schedules SET seats_sold = seats_total + 1 WHERE rowid = 1"))
    }
}

extension MigrationTests {
    /// A store left at version 1 by an older busops is brought to the latest version, keeping its rows.
    func testVersionOneStoreIsMigratedForward() throws {
        let t = TempStore()
        do {
            let db = try Connection(path: t.path)
            try db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)")
            try db.execute(Schema1.sql)
            try db.execute("INSERT INTO schema_migrations VALUES (1, 0)")
            try db.execute("INSERT INTO meta (key, value) VALUES ('kept', 'yes')")
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        XCTAssertEqual(try store.db.scalarText("SELECT value FROM meta WHERE key = 'kept'"), "yes")
        // Later versions' columns exist on the migrated tables (a count of a column is never nil, so ask the schema).
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM pragma_table_info('refunds') WHERE name = 'departs_at'"), 1,
                       "refunds.departs_at added by a later migration")
    }

    /// Refunds carry their order's departure (the Refunds queue walks an index on it); triggers keep it exact.
    func testRefundsFollowTheirOrdersDeparture() throws {
        let t = TempStore()
        let store = try t.demo(orders: 300, seed: 2, now: fixedNow)
        let stale = "SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.departs_at IS NOT o.departs_at"
        XCTAssertGreaterThan(try store.db.scalarInt("SELECT count(*) FROM refunds") ?? 0, 0)
        XCTAssertEqual(try store.db.scalarInt(stale), 0)
        try store.db.execute("UPDATE orders SET departs_at = departs_at + 3600 WHERE id IN (SELECT order_id FROM refunds LIMIT 5)")
        XCTAssertEqual(try store.db.scalarInt(stale), 0)
        let queue = try store.pendingRefunds(now: fixedNow, limit: 1000).rows.map(\.departsAt)
        XCTAssertEqual(queue, queue.sorted(), "most urgent first")
    }
}
