import XCTest
@testable import Store

/// Takes migrations 6 and 5 back out (after Schema7Undo) of a store (SQLite drops columns since 3.35), so a test can make a version-4 store.
enum Schema5Undo {
    static let sql = """
    DROP INDEX orders_awaiting_by_paid; DROP INDEX orders_awaiting_by_departure; DELETE FROM schema_migrations WHERE version = 6;
    DROP INDEX schedules_by_route; DROP INDEX schedules_stopped;
    DROP INDEX order_notes_by_order; DROP TABLE order_notes;
    DROP TRIGGER route_days_insert; DROP TRIGGER route_days_update; DROP TRIGGER route_days_delete; DROP TABLE route_days;
    ALTER TABLE cities DROP COLUMN full_name;
    ALTER TABLE orders DROP COLUMN goods_id; ALTER TABLE orders DROP COLUMN contact_cert_type; ALTER TABLE orders DROP COLUMN contact_cert_no;
    ALTER TABLE tickets DROP COLUMN passenger_type;
    ALTER TABLE refunds DROP COLUMN fee_cap_fen;
    DELETE FROM schema_migrations WHERE version = 5;
    """
}

/// Migration 5 on a version-4 store: official city names filled in, the new columns empty or defaulted, every row kept.
final class Schema5Tests: XCTestCase {
    func testVersionFourStoreMigratesInPlace() throws {
        let t = TempStore()
        var counts: [String: Int64] = [:]
        do {
            let store = try DemoGenerator.create(path: t.path, options: .init(orders: 300, seed: 5, now: fixedNow), force: false)
            try store.db.execute(Schema12Undo.sql)
            try store.db.execute(Schema11Undo.sql)
            try store.db.execute(Schema10Undo.sql)
            try store.db.execute(OutboxByMethodUndo.sql)
            try store.db.execute(Schema8Undo.sql)
            try store.db.execute(Schema7Undo.sql)
            try store.db.execute(Schema5Undo.sql)
            for table in ["orders", "tickets", "refunds", "cities"] { counts[table] = try store.db.scalarInt("SELECT count(*) FROM \(table)") }
            XCTAssertEqual(try Migrator.currentVersion(store.db), 4)
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        for (table, n) in counts { XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM \(table)"), n, table) }
        XCTAssertEqual(try store.db.scalarText("SELECT full_name FROM cities WHERE code = '310100'"), "上海市")
        XCTAssertEqual(try store.db.scalarText("SELECT full_name FROM cities WHERE code = '810100'"), "香港特别行政区")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM tickets WHERE passenger_type != 0"), 0)
        XCTAssertEqual(try store.db.scalarText("PRAGMA integrity_check"), "ok")
        XCTAssertEqual(try store.cityCodes(matching: "上海"), ["310100"])
        XCTAssertEqual(try store.cityCodes(matching: "香港"), ["810100"])
    }

    /// The route days follow every schedule insert, move and delete (the city lists read only them).
    func testRouteDaysFollowTheSchedules() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 200, seed: 6, now: fixedNow), force: false)
        let derived = "SELECT from_city_code, to_city_code, from_date, count(*) FROM schedules GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
        let kept = "SELECT from_city_code, to_city_code, from_date, schedules FROM route_days ORDER BY 1, 2, 3"
        func rows(_ sql: String) throws -> [String] {
            let s = try store.db.prepare(sql)
            try s.bind([])
            return try s.all { "\($0.text(0)) \($0.text(1)) \($0.text(2)) \($0.int(3))" }
        }
        XCTAssertEqual(try rows(kept), try rows(derived), "after the demo load")
        let id = try XCTUnwrap(store.db.scalarText("SELECT schedule_id FROM schedules ORDER BY departs_at DESC LIMIT 1"))
        try store.db.run("UPDATE schedules SET from_date = '2030-01-01', to_city_code = '440300' WHERE schedule_id = ?", .text(id))
        XCTAssertEqual(try rows(kept), try rows(derived), "after a move")
        try store.db.execute("DELETE FROM transfer_points; DELETE FROM refund_rules; DELETE FROM segment_prices; DELETE FROM schedule_stops;")
        try store.db.run("DELETE FROM seat_holds")
        try store.db.run("DELETE FROM schedules WHERE schedule_id = ? OR schedule_id NOT IN (SELECT schedule_id FROM orders)", .text(id))
        XCTAssertEqual(try rows(kept), try rows(derived), "after deletes")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM route_days WHERE schedules <= 0"), 0)
    }

    func testShortCityNames() {
        XCTAssertEqual(CityName.short("上海市"), "上海")
        XCTAssertEqual(CityName.short("香港特别行政区"), "香港")
        XCTAssertEqual(CityName.short("杭州"), "杭州")
        XCTAssertEqual(CityName.short("市"), "市")
    }
}
