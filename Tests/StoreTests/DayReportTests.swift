import XCTest
@testable import Store

/// The daily settlement (issue 13) against independent SQL over a demo store: every figure of every route and of
/// the total, and the two reconciliation lists on rows broken on purpose.
final class DayReportTests: XCTestCase {
    static let day = ChinaTime.date(fixedNow)

    func testEveryFigureEqualsIndependentSQL() throws {
        let t = TempStore()
        let store = try t.demo(orders: 3000, seed: 7, now: fixedNow)
        for day in [Self.day, ChinaTime.date(fixedNow - 86400)] { try check(store, day: day) }

        // Live changes through another connection (migration 8's triggers keep `day_routes`): new orders, payments,
        // refunds approved today, one approved refund refused again, one moved to yesterday's decision.
        let other = try Store(path: t.path)
        let later = fixedNow + 1800
        _ = try DemoTicker.tick(store: other, newOrders: 40, now: later, seed: 9)
        try other.db.run("UPDATE orders SET paid_at = ?, total_fen = total_fen + 100 WHERE id IN (SELECT id FROM orders WHERE paid_at IS NULL ORDER BY id LIMIT 3)", .of(later))
        try other.db.run("""
            UPDATE refunds SET status = 'approved', decided_at = ?, fee_fen = paid_fen / 10, amount_fen = paid_fen - paid_fen / 10,
              version = version + 1 WHERE id IN (SELECT id FROM refunds WHERE status = 'pending' ORDER BY id LIMIT 6)
            """, .of(later))
        try other.db.run("UPDATE refunds SET status = 'rejected' WHERE id = (SELECT id FROM refunds WHERE status = 'approved' AND decided_at >= ? ORDER BY id LIMIT 1)",
                         .of(ChinaTime.parseDate(Self.day)!))
        try other.db.run("UPDATE refunds SET decided_at = decided_at - 86400, scene = 'force' WHERE id = (SELECT id FROM refunds WHERE status = 'done' AND decided_at >= ? ORDER BY id DESC LIMIT 1)",
                         .of(ChinaTime.parseDate(Self.day)!))
        for day in [Self.day, ChinaTime.date(fixedNow - 86400)] { try check(store, day: day) }
    }

    func check(_ store: Store, day: String, file: StaticString = #filePath, line: UInt = #line) throws {
        do {
            let report = try store.dayReport(day: day)
            let start = ChinaTime.parseDate(day)!, end = start + 86400
            XCTAssertGreaterThan(report.total.orders, 0, "the demo sells on \(day)")
            XCTAssertGreaterThan(report.total.refundCount, 0, "the demo refunds on \(day)")
            // The route label is the cities' names; the independent query names routes its own way.
            let routes = try rows(store, """
                SELECT fc.name || '→' || tc.name, count(*), sum(o.ticket_count), sum(o.total_fen)
                FROM orders o, schedules s, cities fc, cities tc
                WHERE s.schedule_id = o.schedule_id AND fc.code = s.from_city_code AND tc.code = s.to_city_code
                  AND o.paid_at BETWEEN \(start) AND \(end - 1) GROUP BY 1
                """)
            for r in routes {
                let line = try XCTUnwrap(report.routes.first { $0.route == r[0] }, "route \(r[0])")
                XCTAssertEqual([String(line.orders), String(line.tickets), String(line.takenFen)], Array(r[1...]), r[0])
            }
            // Each kind by its own WHERE, not the report's CASE.
            let kinds: [DayRefundKind: String] = [
                .force: "r.scene = 'force'", .offline: "r.scene != 'force' AND r.source = 'offline'",
                .moneyOnly: "r.scene != 'force' AND r.source = 'money_only'",
                .online: "r.scene != 'force' AND r.source IN ('online', 'merchant')"]
            var fees = 0, refunded = 0
            for (kind, cond) in kinds {
                let byRoute = try rows(store, """
                    SELECT fc.name || '→' || tc.name, count(*), sum(r.amount_fen), sum(r.fee_fen)
                    FROM refunds r, orders o, schedules s, cities fc, cities tc
                    WHERE o.id = r.order_id AND s.schedule_id = o.schedule_id AND fc.code = s.from_city_code AND tc.code = s.to_city_code
                      AND r.status IN ('approved', 'done') AND r.decided_at BETWEEN \(start) AND \(end - 1) AND \(cond) GROUP BY 1
                    """)
                for r in byRoute {
                    let line = try XCTUnwrap(report.routes.first { $0.route == r[0] }, "route \(r[0])")
                    XCTAssertEqual(line.refund(kind), RefundTally(count: Int(r[1])!, amountFen: Int(r[2])!), "\(day) \(r[0]) \(kind)")
                    fees += Int(r[3])!; refunded += Int(r[2])!
                }
                let total = byRoute.reduce(0) { $0 + Int($1[1])! }
                XCTAssertEqual(report.total.refund(kind).count, total, "\(day) \(kind) total")
            }
            XCTAssertEqual(report.total.feesFen, fees)
            let listed = try rows(store, """
                SELECT DISTINCT fc.name || '→' || tc.name, 0, 0, 0 FROM schedules s, cities fc, cities tc
                WHERE fc.code = s.from_city_code AND tc.code = s.to_city_code AND s.schedule_id IN (
                  SELECT schedule_id FROM orders WHERE paid_at BETWEEN \(start) AND \(end - 1) UNION
                  SELECT o.schedule_id FROM refunds r JOIN orders o ON o.id = r.order_id
                  WHERE r.status IN ('approved', 'done') AND r.decided_at BETWEEN \(start) AND \(end - 1))
                """)
            XCTAssertEqual(report.routes.map(\.route), listed.map { $0[0] }.sorted(), "\(day): the routes with money that day", file: file, line: line)
            let taken = Int(try store.db.scalarInt("SELECT coalesce(sum(total_fen), 0) FROM orders WHERE paid_at BETWEEN ? AND ?", .of(start), .of(end - 1))!)
            XCTAssertEqual(report.total.takenFen, taken)
            XCTAssertEqual(report.total.netFen, taken - refunded)
            XCTAssertEqual(report.routes.reduce(0) { $0 + $1.netFen }, report.total.netFen)
            // Unacknowledged: every money-moving callback created that day not sent (the demo's are all well formed).
            let unsent = try store.db.scalarInt("""
                SELECT count(*) FROM outbox WHERE created_at BETWEEN ? AND ? AND state != 'sent' AND method != 'taobao.bus.item.notify'
                """, .of(start), .of(end - 1))
            XCTAssertEqual(report.unacknowledged.count, Int(unsent!))
        }
    }

    func testReconciliationNamesBrokenRows() throws {
        let t = TempStore()
        let store = try t.demo(orders: 400, seed: 2, now: fixedNow)
        let start = ChinaTime.parseDate(Self.day)!
        let before = try store.dayReport(day: Self.day)
        XCTAssertEqual(before.mismatches, [], "the demo's orders agree with their tickets")
        // An issued order marked refunded while its tickets still travel, changed today.
        let issued = try XCTUnwrap(store.db.scalarInt("SELECT o.id FROM orders o WHERE o.status = 3 AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status != 2) LIMIT 1"))
        try store.db.run("UPDATE orders SET status = 11, updated_at = ? WHERE id = ?", .of(start + 3600), .int(issued))
        // A sent callback whose answer was a refusal, created today.
        let sent = try XCTUnwrap(store.db.scalarInt("SELECT id FROM outbox WHERE state = 'sent' AND method LIKE '%refund%' LIMIT 1"))
        try store.db.run("UPDATE outbox SET created_at = ?, last_response = ? WHERE id = ?", .of(start + 60),
                         .text("{\"bus_agent_refund_confirm_response\": {\"is_success\": false, \"result_code\": \"ALREADY\"}}"), .int(sent))
        let after = try store.dayReport(day: Self.day)
        let agent = try store.db.scalarText("SELECT agent_order_id FROM orders WHERE id = ?", .int(issued))
        XCTAssertEqual(after.mismatches.map(\.agentOrderId), [agent!])
        XCTAssertEqual(after.mismatches.first?.why, "tickets still travel: order should be 3")
        XCTAssertEqual(Set(after.unacknowledged.map(\.callbackId)).subtracting(before.unacknowledged.map(\.callbackId)), [sent])
    }

    func testRefusesANonDate() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        XCTAssertThrowsError(try store.dayReport(day: "2026-13-01"))
        let empty = try store.dayReport(day: "2026-11-21")
        XCTAssertEqual(empty.total.netFen, 0)
        XCTAssertEqual(empty.routes, [])
    }

    private func rows(_ store: Store, _ sql: String) throws -> [[String]] {
        let s = try store.db.prepare(sql)
        try s.bind([])
        return try s.all { st in (0..<4).map { st.text(Int32($0)) } }
    }
}
