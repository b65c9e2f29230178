import XCTest
@testable import Store

/// The Seats header's day totals (`schedule_days`, migration 4) always equal a sum over the day's schedules: after a
/// bulk demo load (whose schedules arrive without triggers) and through every kind of schedule write afterwards.
final class ScheduleDaysTests: XCTestCase {
    func kept(_ store: Store) throws -> [SeatsDaySummary] { try days(store).map { try store.seatsSummary(day: $0) } }

    func summed(_ store: Store) throws -> [SeatsDaySummary] {
        try days(store).map { day in
            let s = try store.db.prepare("""
                SELECT count(*), coalesce(sum(seats_total), 0), coalesce(sum(seats_total - seats_sold - seats_held), 0),
                  coalesce(sum(on_sale = 0), 0),
                  coalesce(sum(CASE WHEN on_sale = 0 THEN seats_total - seats_sold - seats_held ELSE 0 END), 0)
                FROM schedules WHERE from_date = ?
                """)
            try s.bind([.text(ChinaTime.date(day))])
            defer { s.reset() }
            _ = try s.step()
            return SeatsDaySummary(schedules: s.int(0), seatsTotal: s.int(1), seatsLeft: s.int(2), stopped: s.int(3), stoppedLeft: s.int(4))
        }
    }

    /// Every day with schedules, and one without (its totals are zero).
    func days(_ store: Store) throws -> [Int] {
        let s = try store.db.prepare("SELECT DISTINCT from_date FROM schedules ORDER BY 1")
        try s.bind([])
        let dates = try s.all { $0.text(0) }
        return dates.compactMap(ChinaTime.parseDate) + [ChinaTime.startOfDay(fixedNow) + 400 * 86400]
    }

    func testDayTotalsFollowEveryWrite() throws {
        let t = TempStore()
        let store = try t.demo(orders: 500, seed: 5, now: fixedNow)
        XCTAssertGreaterThan(try days(store).count, 2)
        XCTAssertEqual(try kept(store), try summed(store), "after the demo load")

        let ids = try store.db.prepare("SELECT schedule_id FROM schedules ORDER BY departs_at LIMIT 3")
        try ids.bind([])
        let three = try ids.all { $0.text(0) }
        try store.stopSchedule(three[0], reasonCode: 1, reason: "台风")
        try store.moveSchedule(three[1], to: fixedNow + 9 * 86400)
        try store.db.execute("UPDATE schedules SET seats_held = seats_held + 2, seats_sold = seats_sold + 1 WHERE schedule_id = '\(three[2])'")
        try store.db.execute("UPDATE schedules SET seats_total = seats_total + 5 WHERE schedule_id = '\(three[2])'")
        try store.db.execute("""
            INSERT INTO schedules (schedule_id, line_id, from_city_code, to_city_code, from_date, departs_at, seats_total, price_fen)
            SELECT 'S-DAYS', line_id, from_city_code, to_city_code, from_date, departs_at, 30, price_fen FROM schedules LIMIT 1
            """)
        try store.db.execute("DELETE FROM schedules WHERE schedule_id = 'S-DAYS'")
        try store.db.execute("""
            INSERT INTO schedules (schedule_id, line_id, from_city_code, to_city_code, from_date, departs_at, seats_total, price_fen, on_sale)
            SELECT 'S-NEWDAY', line_id, from_city_code, to_city_code, '2030-01-01', departs_at, 40, price_fen, 0 FROM schedules LIMIT 1
            """)
        XCTAssertEqual(try kept(store), try summed(store), "after a stop, a move, seat changes, inserts and a delete")
        let newDay = try store.seatsSummary(day: try XCTUnwrap(ChinaTime.parseDate("2030-01-01")))
        XCTAssertEqual(newDay, SeatsDaySummary(schedules: 1, seatsTotal: 40, seatsLeft: 40, stopped: 1, stoppedLeft: 40))
        XCTAssertEqual(newDay.leftOnSale, 0, "a stopped schedule's seats are not left on sale")
    }
}
