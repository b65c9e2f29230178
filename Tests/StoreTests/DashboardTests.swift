import XCTest
@testable import Store

/// Every Dashboard figure (issue 13) equals the matching SQL over the base tables: after a demo load (the aggregates
/// recounted) and after live changes (the aggregates kept by migration 6's triggers).
final class DashboardTests: XCTestCase {
    func testFiguresEqualSQLAfterLoadAndAfterChanges() throws {
        let t = TempStore()
        let store = try t.demo(orders: 3000, seed: 11, now: fixedNow)
        try check(store, now: fixedNow, "after the load")
        XCTAssertGreaterThan(try store.dashboard(now: fixedNow).today.reduce(0) { $0 + $1.orders }, 0, "the demo sells today")

        // Live changes through the paths serve, dispatch and operators take (each fires migration 6's triggers).
        // Another connection writes, as serve and dispatch do: the console's connection must see their commits.
        let other = try Store(path: t.path)
        let later = fixedNow + 1800
        _ = try DemoTicker.tick(store: other, newOrders: 40, now: later, seed: 3)
        try other.db.run("""
            UPDATE refunds SET status = 'approved', decided_at = ?, fee_fen = 0, amount_fen = paid_fen, version = version + 1
            WHERE id IN (SELECT id FROM refunds WHERE status = 'pending' ORDER BY id LIMIT 5)
            """, .of(later))
        try other.db.run("""
            UPDATE outbox SET attempts = attempts + 1, state = CASE WHEN id % 3 = 0 THEN 'failed' WHEN id % 3 = 1 THEN 'sent' ELSE 'pending' END,
              updated_at = ? WHERE id IN (SELECT id FROM outbox WHERE attempts = 0 ORDER BY id LIMIT 9)
            """, .of(later))
        try other.db.run("UPDATE schedules SET seats_sold = seats_sold + 1 WHERE schedule_id = (SELECT schedule_id FROM schedules WHERE from_date = ? AND seats_total - seats_sold - seats_held > 0 LIMIT 1)",
                         .text(ChinaTime.date(later)))
        try other.addQimenTraffic([QimenMinuteCount(minute: later / 60, interface: "seat.query", requests: 5, errors: 1),
                                   QimenMinuteCount(minute: later / 60 - 3, interface: "seat.query", requests: 2, errors: 0)])
        try other.addQimenTraffic([QimenMinuteCount(minute: later / 60, interface: "seat.query", requests: 1, errors: 1)])
        try check(store, now: later, "after live changes")
        let traffic = try store.dashboard(now: later).traffic
        XCTAssertEqual(traffic.map(\.interface), ["seat.query"])
        XCTAssertEqual(traffic.first?.requests, 8)
        XCTAssertEqual(traffic.first?.errors, 2)
        XCTAssertEqual(traffic.first?.perMinute.last, 6)
        XCTAssertEqual(traffic.first?.perMinute[56], 2)
    }

    func check(_ store: Store, now: Int, _ when: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try DashboardSQL.check(store, now: now, when, file: file, line: line)
    }
}
