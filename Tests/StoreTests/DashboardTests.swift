import XCTest
@testable import Store

/// Every Dashboard figure (issue 13) equals the matching SQL over the base tables: after a demo load (the aggregates
/// recounted) and after live changes (the aggregates kept by migration 6's triggers).
final class DashboardTests: XCTestCase {
    func testFiguresEqualSQLAfterLoadAndAfterChanges() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 3000, seed: 11, now: fixedNow), force: false)
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
        let d = try store.dashboard(now: now)
        let day = ChinaTime.startOfDay(now)
        func int(_ sql: String, _ args: SQLValue...) throws -> Int {
            let s = try store.db.prepare(sql)
            try s.bind(args)
            return try s.all { $0.int(0) }.first ?? 0
        }
        for h in 0..<24 {
            let a = day + h * 3600, w = a - 7 * 86400
            XCTAssertEqual(d.today[h].orders, try int("SELECT count(*) FROM orders WHERE created_at >= ? AND created_at < ?", .of(a), .of(a + 3600)), "\(when) orders \(h)h", file: file, line: line)
            XCTAssertEqual(d.today[h].tickets, try int("SELECT coalesce(sum(ticket_count), 0) FROM orders WHERE created_at >= ? AND created_at < ?", .of(a), .of(a + 3600)), "\(when) tickets \(h)h", file: file, line: line)
            XCTAssertEqual(d.lastWeek[h].orders, try int("SELECT count(*) FROM orders WHERE created_at >= ? AND created_at < ?", .of(w), .of(w + 3600)), "\(when) last week \(h)h", file: file, line: line)
            for (k, date) in [(0, ChinaTime.date(day)), (1, ChinaTime.date(day + 86400))] {
                let seats = k == 0 ? d.departuresToday[h] : d.departuresTomorrow[h]
                let from = ChinaTime.parseDate(date)! + h * 3600
                let sql = "SELECT coalesce(sum(%@), 0) FROM schedules WHERE from_date = ? AND departs_at >= ? AND departs_at < ?"
                XCTAssertEqual(seats.total, try int(sql.replacingOccurrences(of: "%@", with: "seats_total"), .text(date), .of(from), .of(from + 3600)), "\(when) seats \(date) \(h)h", file: file, line: line)
                XCTAssertEqual(seats.sold, try int(sql.replacingOccurrences(of: "%@", with: "seats_sold"), .text(date), .of(from), .of(from + 3600)), file: file, line: line)
                XCTAssertEqual(seats.held, try int(sql.replacingOccurrences(of: "%@", with: "seats_held"), .text(date), .of(from), .of(from + 3600)), file: file, line: line)
            }
            let hs = int, hr = day / 3600 + h
            XCTAssertEqual(d.calls[h].sent, try hs("SELECT count(*) FROM outbox WHERE attempts > 0 AND state = 'sent' AND updated_at / 3600 = ?", .of(hr)), "\(when) sent \(h)h", file: file, line: line)
            XCTAssertEqual(d.calls[h].dead, try hs("SELECT count(*) FROM outbox WHERE attempts > 0 AND state = 'failed' AND updated_at / 3600 = ?", .of(hr)), file: file, line: line)
            XCTAssertEqual(d.calls[h].retried, try hs("SELECT coalesce(sum(attempts - (state IN ('sent', 'failed'))), 0) FROM outbox WHERE attempts > 0 AND updated_at / 3600 = ?", .of(hr)), "\(when) retried \(h)h", file: file, line: line)
        }
        let end = day + 86400
        XCTAssertEqual(d.soldFen, try int("SELECT coalesce(sum(total_fen), 0) FROM orders WHERE paid_at >= ? AND paid_at < ?", .of(day), .of(end)), "\(when) sold", file: file, line: line)
        XCTAssertEqual(d.refundedFen, try int("SELECT coalesce(sum(amount_fen), 0) FROM refunds WHERE status IN ('approved', 'done') AND decided_at >= ? AND decided_at < ?", .of(day), .of(end)), "\(when) refunded", file: file, line: line)
        XCTAssertEqual(d.feesFen, try int("SELECT coalesce(sum(fee_fen), 0) FROM refunds WHERE status IN ('approved', 'done') AND decided_at >= ? AND decided_at < ?", .of(day), .of(end)), "\(when) fees", file: file, line: line)
        // The settlement and the dashboard agree on today's money.
        let report = try store.dayReport(day: ChinaTime.date(day))
        XCTAssertEqual([d.soldFen, d.refundedFen, d.feesFen], [report.total.takenFen, report.total.refundedFen, report.total.feesFen], file: file, line: line)
        let m = now / 60
        for (i, (from, to)) in [(15, 0), (60, 15), (240, 60), (Int(Int32.max), 240)].enumerated() {
            let sql = "SELECT %@ FROM refunds WHERE status = 'pending' AND requested_at / 60 > ? AND requested_at / 60 <= ?"
            let lo = m - from, hi = i == 3 ? m - to : m - to
            XCTAssertEqual(d.pending[i].refunds, try int(sql.replacingOccurrences(of: "%@", with: "count(*)"), .of(lo), .of(hi)) + (i == 3 ? try int("SELECT count(*) FROM refunds WHERE status = 'pending' AND requested_at / 60 > ?", .of(m)) : 0), "\(when) pending \(i)", file: file, line: line)
            XCTAssertEqual(d.pending[i].paidFen, try int(sql.replacingOccurrences(of: "%@", with: "coalesce(sum(paid_fen), 0)"), .of(lo), .of(hi)) + (i == 3 ? try int("SELECT coalesce(sum(paid_fen), 0) FROM refunds WHERE status = 'pending' AND requested_at / 60 > ?", .of(m)) : 0), file: file, line: line)
        }
    }
}
