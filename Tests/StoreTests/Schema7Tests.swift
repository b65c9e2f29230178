import XCTest
@testable import Store

/// Takes migration 7 (the dashboard's aggregates) back out of a store, so a test can make a version-6 store.
enum Schema7Undo {
    static let sql = """
    DROP TRIGGER dash_orders_insert; DROP TRIGGER dash_orders_paid;
    DROP TRIGGER dash_refunds_insert; DROP TRIGGER dash_refunds_update; DROP TRIGGER dash_refunds_delete;
    DROP TRIGGER dash_callbacks_attempt;
    DROP TRIGGER dash_departures_insert; DROP TRIGGER dash_departures_update; DROP TRIGGER dash_departures_delete;
    DROP TABLE dash_hours; DROP TABLE dash_callbacks; DROP TABLE dash_pending; DROP TABLE dash_departures; DROP TABLE qimen_minutes;
    DELETE FROM counters WHERE name = 'refunds_pending_fen';
    DELETE FROM schema_migrations WHERE version = 7;
    """
}

/// Migration 7 on a version-6 store fills the aggregates exactly as the demo load's recount does.
final class Schema7Tests: XCTestCase {
    func testVersionSixStoreMigratesToTheSameAggregates() throws {
        let t = TempStore()
        var before: [String: [String]] = [:]
        let tables = ["dash_hours", "dash_callbacks", "dash_pending", "dash_departures"]
        do {
            let store = try DemoGenerator.create(path: t.path, options: .init(orders: 800, seed: 6, now: fixedNow), force: false)
            for table in tables { before[table] = try dump(store.db, table) }
            XCTAssertFalse(before["dash_hours"]!.isEmpty)
            try store.db.execute(Schema12Undo.sql)
            try store.db.execute(Schema11Undo.sql)
            try store.db.execute(Schema10Undo.sql)
            try store.db.execute(OutboxByMethodUndo.sql)
            try store.db.execute(Schema8Undo.sql)
            try store.db.execute(Schema7Undo.sql)
            XCTAssertEqual(try Migrator.currentVersion(store.db), 6)
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        for table in tables { XCTAssertEqual(try dump(store.db, table), before[table], table) }
        XCTAssertEqual(try store.db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending_fen'"),
                       try store.db.scalarInt("SELECT sum(paid_fen) FROM refunds WHERE status = 'pending'"))
    }

    func dump(_ db: Connection, _ table: String) throws -> [String] {
        let s = try db.prepare("SELECT * FROM \(table) ORDER BY 1, 2")
        try s.bind([])
        let n = Int32(sqlite3ColumnCount(s))
        return try s.all { r in (0..<n).map { r.text($0) }.joined(separator: "|") }
    }
}
