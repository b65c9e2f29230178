import Foundation
import XCTest

/// Issue 12, "Truth on screen" and "Privacy", in a real terminal at 80x24 and 120x40: a departed schedule is
/// marked departed and the Seats header counts only seats still on sale; a pending refund's fee in the order detail
/// is the one the Refunds view quotes; a dead-lettered refund callback shows "Fliggy not told" on its order; names
/// are masked until `v` reveals them, and the reveal is audited.
final class CockpitTruthTmuxTests: TmuxStoreTestCase {
    func testSeatsRefundQuoteNotToldAndRevealAt80x24() throws { try truth(width: 80, height: 24) }
    func testSeatsRefundQuoteNotToldAndRevealAt120x40() throws { try truth(width: 120, height: 40) }

    func int(_ sql: String) -> Int { Int(SQLiteCLI.query(db, sql).first ?? "") ?? -1 }

    func truth(width: Int, height: Int) throws {
        // Today's (GMT+8) first schedule left ten minutes ago; its last one, moved two hours ahead, is stopped
        // (through the CLI, which refunds its passengers).
        let today = "strftime('%Y-%m-%d', 'now', '+8 hours')"
        let departed = try XCTUnwrap(SQLiteCLI.query(db, "SELECT schedule_id FROM schedules WHERE from_date = \(today) ORDER BY departs_at LIMIT 1").first)
        SQLiteCLI.query(db, "UPDATE schedules SET departs_at = strftime('%s', 'now') - 600 WHERE schedule_id = '\(departed)'")
        let stopped = try XCTUnwrap(SQLiteCLI.query(db, "SELECT schedule_id FROM schedules WHERE from_date = \(today) ORDER BY departs_at DESC LIMIT 1").first)
        SQLiteCLI.query(db, "UPDATE schedules SET departs_at = strftime('%s', 'now') + 7200 WHERE schedule_id = '\(stopped)'")
        let stop = TmuxSession.busops(["schedule", "stop", stopped, "--reason-code", "0", "--yes", "--db", db])
        XCTAssertEqual(stop.status, 0, stop.output)
        let onSale = int("""
            SELECT coalesce(sum(seats_total - seats_sold - seats_held), 0) FROM schedules
            WHERE from_date = \(today) AND on_sale = 1 AND departs_at > strftime('%s', 'now')
            """)

        let t = try startConsole(width: width, height: height)
        t.send("2")
        let seats = expect(t, " \(onSale) on sale", "the header counts only seats a buyer can still get")
        let stops = int("SELECT count(*) FROM schedules WHERE from_date = \(today) AND on_sale = 0")
        XCTAssertTrue(stops >= 1 && seats.contains("\(stops) 停运"), "the stopped schedules counted apart:\n\(seats)")
        t.send("/"); t.type(departed); t.send("Enter")
        expect(t, "1 of the day's", "the schedule id narrows Seats to it")
        let gone = t.waitFor { $0.contains("已发车") && !$0.contains("在售") }
        XCTAssertTrue(gone.ok, "a schedule that left is marked departed, not 在售:\n\(gone.screen)")
        t.send("Escape")

        // The most urgent pending refund: the detail quotes the fee the Refunds view shows.
        t.send("3")
        let queue = expect(t, "most urgent first", "the Refunds view")
        let rowLine = try XCTUnwrap(queue.split(separator: "\n").first { $0.hasPrefix(" BO") || $0.hasPrefix(">BO") || $0.contains(" BO0") })
        let fee = try XCTUnwrap(rowLine.firstMatch(of: /(\d+)% +(\d+\.\d\d)/), String(rowLine))
        t.send("Enter"); expect(t, "订单 Order", "Enter opens its order")
        t.send("G")
        expect(t, "手续费 \(fee.1)% \(fee.2)", "the detail quotes the pending refund's fee as the queue does")

        // A refund callback dead-lettered (the demo has some only at some hours: one is made so), on its order.
        let callback = try XCTUnwrap(SQLiteCLI.query(db, "SELECT min(id) FROM outbox WHERE refund_id IS NOT NULL AND order_id IS NOT NULL").first)
        SQLiteCLI.query(db, "UPDATE outbox SET state = 'failed', attempts = 8, last_msg = 'dead letter' WHERE id = \(callback)")
        let notTold = try XCTUnwrap(SQLiteCLI.query(db, """
            SELECT o.agent_order_id FROM outbox b JOIN orders o ON o.id = b.order_id WHERE b.id = \(callback)
            """).first)
        t.send(":"); t.type("order \(notTold)"); t.send("Enter")
        let detail = expect(t, "订单 Order \(notTold)", ":order opens it")
        XCTAssertTrue(detail.contains("dead-lettered") && detail.contains("⚠ Fliggy not told"), "Fliggy not told, on the order:\n\(detail)")

        // Names masked until v; the reveal is audited.
        let contact = try XCTUnwrap(SQLiteCLI.query(db, "SELECT contact_name FROM orders WHERE agent_order_id = '\(notTold)'").first)
        XCTAssertFalse(detail.contains(contact), "\(contact) masked before the reveal:\n\(detail)")
        let audited = int("SELECT count(*) FROM audit WHERE action = 'reveal.personal-data' AND entity_id = '\(notTold)'")
        XCTAssertEqual(audited, 0)
        t.send("v")
        let revealed = expect(t, "revealed", "v reveals")
        XCTAssertTrue(revealed.contains(contact), "\(contact) in full after v:\n\(revealed)")
        XCTAssertTrue(t.waitFor { _ in self.int("SELECT count(*) FROM audit WHERE action = 'reveal.personal-data' AND entity_id = '\(notTold)'") == 1 }.ok,
                      "the reveal is audited")
        t.send("q")
        expect(t, "most urgent first", "q goes back to the view")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
