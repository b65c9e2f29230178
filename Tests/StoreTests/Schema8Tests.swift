import XCTest
@testable import Store

/// Takes migration 8 (`schedule_days.stopped_left`) back out of a store, so a test can make a version-7 store.
enum Schema8Undo {
    static let sql = """
    DROP TRIGGER schedule_days_insert; DROP TRIGGER schedule_days_update; DROP TRIGGER schedule_days_delete;
    CREATE TRIGGER schedule_days_insert AFTER INSERT ON schedules BEGIN
      \(Schema4.addDay("NEW", sign: "+"))
    END;
    CREATE TRIGGER schedule_days_update AFTER UPDATE OF from_date, seats_total, seats_sold, seats_held, on_sale ON schedules BEGIN
      \(Schema4.addDay("OLD", sign: "-"))
      \(Schema4.addDay("NEW", sign: "+"))
    END;
    CREATE TRIGGER schedule_days_delete AFTER DELETE ON schedules BEGIN
      \(Schema4.addDay("OLD", sign: "-"))
    END;
    ALTER TABLE schedule_days DROP COLUMN stopped_left;
    DELETE FROM schema_migrations WHERE version = 8;
    """
}

/// Migration 8 on a version-7 store counts the stopped schedules' unsold seats, and the triggers keep them after.
final class Schema8Tests: XCTestCase {
    func testVersionSevenStoreMigratesAndKeepsStoppedSeats() throws {
        let t = TempStore()
        var stopped = ""
        do {
            let store = try DemoGenerator.create(path: t.path, options: .init(orders: 300, seed: 8, now: fixedNow), force: false)
            stopped = try XCTUnwrap(store.db.scalarText("SELECT schedule_id FROM schedules WHERE on_sale = 1 ORDER BY departs_at LIMIT 1"))
            try store.db.execute(Schema12Undo.sql)
            try store.db.execute(Schema11Undo.sql)
            try store.db.execute(Schema10Undo.sql)
            try store.db.execute(OutboxByMethodUndo.sql)
            try store.db.execute(Schema8Undo.sql)
            XCTAssertEqual(try Migrator.currentVersion(store.db), 7)
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        try store.stopSchedule(stopped, reasonCode: 1, reason: "台风")
        let left = "sum(CASE WHEN on_sale = 0 THEN seats_total - seats_sold - seats_held ELSE 0 END)"
        XCTAssertEqual(try store.db.scalarInt("SELECT sum(stopped_left) FROM schedule_days"),
                       try store.db.scalarInt("SELECT \(left) FROM schedules"))
        XCTAssertGreaterThan(try store.db.scalarInt("SELECT sum(stopped_left) FROM schedule_days") ?? 0, 0)
    }
}

/// `seatsSummary(day:now:)`: today counts the schedules departed by now from the index; a past day has departed
/// whole; a later day none. Always equal to a sum over the schedules.
final class SeatsSummaryNowTests: XCTestCase {
    func testDepartedCountsMatchTheSchedules() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 300, seed: 9, now: fixedNow), force: false)
        let today = ChinaTime.startOfDay(fixedNow)
        let noon = today + 12 * 3600
        let day = try store.seatsSummary(day: today, now: noon)
        XCTAssertEqual(day.departed, Int(try store.db.scalarInt("SELECT count(*) FROM schedules WHERE from_date = '\(ChinaTime.date(today))' AND departs_at <= \(noon)") ?? -1))
        XCTAssertEqual(day.departedLeft, Int(try store.db.scalarInt("""
            SELECT coalesce(sum(seats_total - seats_sold - seats_held), 0) FROM schedules
            WHERE from_date = '\(ChinaTime.date(today))' AND departs_at <= \(noon) AND on_sale = 1
            """) ?? -1))
        let past = try store.seatsSummary(day: today, now: today + 2 * 86400)
        XCTAssertEqual(past.departed, past.schedules)
        XCTAssertEqual(past.leftOnSale, 0, "nothing of a day gone is on sale")
        let before = try store.seatsSummary(day: today, now: today - 60)
        XCTAssertEqual(before.departed, 0)
        XCTAssertEqual(before.leftOnSale, before.seatsLeft - before.stoppedLeft)
    }
}
