import Foundation
import Views
import XCTest

/// Issue 12, "Money", through the real console at 80x24 and 120x40: pairs of refund kinds on one order never
/// refund more than was paid. A money-only refund, then a station (offline) refund of the whole order is refused
/// with the amount still refundable, whole on screen, and nothing written; an offline refund of what is left, then
/// another money-only refund is refused at 0.00. On the way: the form edits like a shell line (Home/End, ←/→,
/// Ctrl-A/E/U/K/W), the confirmation shows every number whole and masks the names, Esc or q on it returns to the
/// form with what was typed, `y` confirms, the detail's refund line keeps its amount, and Ctrl-C in the detail quits.
final class CockpitMoneyTmuxTests: TmuxStoreTestCase {
    func testRefundKindsNeverExceedWhatWasPaidAt80x24() throws { try refundPairs(width: 80, height: 24) }
    func testRefundKindsNeverExceedWhatWasPaidAt120x40() throws { try refundPairs(width: 120, height: 40) }

    /// Money in fen as the console shows it (yuan with two decimals).
    func yuan(_ fen: Int) -> String { String(format: "%d.%02d", fen / 100, fen % 100) }

    /// The counted refunds of an order (what Fliggy is told went back), in fen, and how many rows it has.
    func refunded(_ order: String) -> (fen: Int, rows: Int) {
        let r = SQLiteCLI.query(db, """
            SELECT coalesce(sum(CASE WHEN r.status IN ('approved', 'done', 'failed') THEN r.amount_fen END), 0), count(r.id)
            FROM orders o LEFT JOIN refunds r ON r.order_id = o.id WHERE o.agent_order_id = '\(order)'
            """).first?.split(separator: "|").compactMap { Int($0) } ?? []
        return (r.first ?? -1, r.last ?? -1)
    }

    /// The money form's Amount field as shown.
    func amount(_ screen: String) -> String {
        guard let line = screen.split(separator: "\n").first(where: { $0.contains("Amount (yuan)") }),
              let m = line.firstMatch(of: /Amount \(yuan\) (\S*)/) else { return "?" }
        return String(m.1)
    }

    func refundPairs(width: Int, height: Int) throws {
        let row = try XCTUnwrap(SQLiteCLI.query(db, """
            SELECT o.agent_order_id, o.total_fen FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id
            WHERE o.status = 3 AND s.on_sale = 1 AND o.departs_at > strftime('%s', 'now') + 86400 AND o.total_fen > 2000
              AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) ORDER BY o.id LIMIT 1
            """).first?.split(separator: "|"), "an issued order with nothing refunded")
        let order = String(row[0]), total = try XCTUnwrap(Int(row[1]))
        let t = try startConsole("--no-dispatch", width: width, height: height)
        t.send(":"); t.type("order \(order)"); t.send("Enter")
        expect(t, "订单 Order \(order)", ":order opens it")

        // M: the amount typed as a shell line is edited (Home, Ctrl-E, Ctrl-U), then previewed.
        t.send("M"); expect(t, "Money-only refund for order \(order)", "M from the order detail")
        t.type("1.00"); t.send("Home"); t.type("1")
        expect(t, "11.00", "Home, then typing, inserts at the start")
        for (keys, value, why) in [(["C-a", "Right", "C-k"], "1", "Ctrl-A, →, Ctrl-K cuts to the end"),
                                   (["End", "Left"], "1", "End and ← move without changing it"),
                                   (["C-e"], "10.5", "Ctrl-E, then typing, appends"),
                                   (["C-w"], "", "Ctrl-W cuts the word before the cursor")] {
            keys.forEach { t.send($0) }
            if value == "10.5" { t.type("0.5") }
            let r = t.waitFor { self.amount($0) == value }
            XCTAssertTrue(r.ok, "\(why): amount “\(amount(r.screen))”, expected “\(value)”")
        }
        t.send("C-u"); t.type("10.00"); t.send("Tab"); t.type("车辆晚点补偿"); t.send("Enter")
        let confirm = expect(t, "[ Confirm ]", "the confirmation")
        XCTAssertTrue(confirm.contains("refund 10.00 yuan (paid \(yuan(total)), already refunded 0.00)"), "every number whole:\n\(confirm)")
        let names = SQLiteCLI.query(db, "SELECT t.name FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.agent_order_id = '\(order)'")
        for name in names where name.count > 1 {
            XCTAssertFalse(confirm.contains(name), "\(name) masked in the dialog:\n\(confirm)")
            XCTAssertTrue(confirm.contains(Masking.name(name)), "\(name) masked, not dropped:\n\(confirm)")
        }
        t.send("Escape")
        let form = t.waitFor { self.amount($0) == "10.00" && $0.contains("Tab next field") }
        XCTAssertTrue(form.ok, "Esc on the confirmation returns to its form, with what was typed:\n\(form.screen)")
        walk(t, [("Enter", "[ Confirm ]", "the confirmation again"), ("q", "Tab next field", "q on it goes back to the form too")])
        XCTAssertEqual(refunded(order).rows, 0, "nothing written yet")
        t.send("Enter"); expect(t, "[ Confirm ]", "the confirmation again")
        t.send("y"); expect(t, "10.00 yuan queued", "y confirms")
        XCTAssertEqual(refunded(order).fen, 1000)
        t.send("G")
        expect(t, "退款 10.00", "the detail's refund line keeps its amount")
        t.send("g")

        // M → O: the whole order at the station is refused with what is left, nothing written.
        t.send("O"); expect(t, "Record offline refund for order \(order)", "O from the order detail")
        t.send("BTab"); t.send("C-u"); t.type(yuan(total)); t.send("Enter")
        let refused = expect(t, "refundable \(yuan(total - 1000)) yuan", "refused, the amount left whole on screen")
        XCTAssertTrue(refused.contains("Record offline refund"), "the form stays open to change the amount:\n\(refused)")
        XCTAssertEqual(refunded(order).rows, 1, "nothing written")
        // O of what is left is taken; then M → refused at 0.00.
        t.send("C-u"); t.type(yuan(total - 1000)); t.send("Enter")
        expect(t, "[ Confirm ]", "the offline refund's confirmation")
        t.send("y")
        XCTAssertTrue(t.waitFor { _ in self.refunded(order).fen == total }.ok, "the offline refund of what was left: \(refunded(order))")
        t.send("M"); t.type("0.01"); t.send("Tab"); t.type("再补偿"); t.send("Enter")
        expect(t, "refundable 0.00 yuan", "nothing is left to refund")
        XCTAssertEqual(refunded(order).fen, total, "never more than was paid")
        t.send("Escape")
        t.send("C-c")
        XCTAssertEqual(t.exitStatus(), 0, "Ctrl-C from the detail (a view) quits")
    }

    func testApproveAndStopAfterAMoneyRefundAt80x24() throws { try approveAndStopAfterMoney(width: 80, height: 24) }
    func testApproveAndStopAfterAMoneyRefundAt120x40() throws { try approveAndStopAfterMoney(width: 120, height: 40) }

    /// M → A: after a money-only refund larger than the tier's fee, Due's A on that refund is refused, asking for a
    /// fee of at least what went back. M → F (the issue's 134.99 then `schedule stop`): stopping the schedule in
    /// Seats gives back only the 0.01 left, not the whole order again.
    func approveAndStopAfterMoney(width: Int, height: Int) throws {
        let due = TmuxSession.busops(["due", "--db", db, "--json"]).output.split(separator: "\n")
        // The soonest due refund of a whole order (a per-ticket one leaves the order's other tickets refundable).
        let dueRefunds = due.compactMap { $0.contains(#""kind":"refund""#) ? $0.firstMatch(of: /"id":"(RF\d+)"/).map { String($0.1) } : nil }
        let perOrder = Set(SQLiteCLI.query(db, "SELECT refund_id FROM refunds WHERE status = 'pending' AND ticket_id IS NULL"))
        let rf = try XCTUnwrap(dueRefunds.first { perOrder.contains($0) }, "a refund of a whole order is due")
        let a = try XCTUnwrap(SQLiteCLI.query(db, """
            SELECT o.agent_order_id, r.paid_fen FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.refund_id = '\(rf)'
            """).first?.split(separator: "|"))
        let orderA = String(a[0]), money = try XCTUnwrap(Int(a[1])) * 3 / 4
        // The next departure (an hour out or more, on whatever day: after 21:00 GMT+8 today has none left) with an
        // issued order on it, for the stop.
        let b = try XCTUnwrap(SQLiteCLI.query(db, """
            SELECT o.agent_order_id, o.total_fen, o.schedule_id, s.from_date FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id
            WHERE o.status = 3 AND s.on_sale = 1 AND s.departs_at > strftime('%s', 'now') + 3600
              AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id)
            ORDER BY s.departs_at LIMIT 1
            """).first?.split(separator: "|"), "an issued order departing an hour from now or later")
        let orderB = String(b[0]), totalB = try XCTUnwrap(Int(b[1])), scheduleB = String(b[2]), dayB = String(b[3])

        let t = try startConsole("--no-dispatch", width: width, height: height)
        for (order, fen) in [(orderA, money), (orderB, totalB - 1)] {
            t.send(":"); t.type("order \(order)"); t.send("Enter")
            expect(t, "订单 Order \(order)", ":order opens it")
            t.send("M"); t.type(yuan(fen)); t.send("Tab"); t.type("补偿"); t.send("Enter")
            expect(t, "[ Confirm ]", "the money-only refund's confirmation")
            t.send("y"); expect(t, "\(yuan(fen)) yuan queued", "y confirms")
            t.send("q")
        }
        walk(t, [("5", "soonest first", "the Due view")])
        t.send("/"); t.type(rf); t.send("Enter")
        t.send("A")
        expect(t, "fee to at least \(yuan(money)) yuan", "approve would refund more than is left")
        XCTAssertEqual(refunded(orderA).fen, money, "nothing written")
        t.send("C-c")
        XCTAssertTrue(t.waitFor { !$0.contains("Approve refund") }.ok, "Ctrl-C cancels the approve form")
        XCTAssertNil(t.exitStatus(timeout: 0.3), "and does not quit")

        t.send(":"); t.type("seats \(dayB)"); t.send("Enter")
        t.send("/"); t.type(scheduleB); t.send("Enter")
        expect(t, "1 of the day's", "Seats narrowed to the schedule")
        t.send("S"); expect(t, "Stop schedule", "S opens the stop form")
        t.type("测试停运"); t.send("Enter")
        expect(t, "[ Confirm ]", "the stop's confirmation")
        t.send("y")
        XCTAssertTrue(t.waitFor(timeout: 8) { _ in self.refunded(orderB).fen >= totalB }.ok, "the stop refunded the order: \(refunded(orderB))")
        XCTAssertEqual(refunded(orderB).fen, totalB, "only the 0.01 left went back, not the whole order again")
        t.send("C-c")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
