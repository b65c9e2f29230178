import Foundation
import XCTest

/// Issue 12 through the real console at 80x24 and 120x40: the approve confirmation masks the passengers' names (they were
/// shown in full without a reveal), and the approve form itself carries none.
final class DialogMaskingTmuxTests: TmuxStoreTestCase {
    func testApproveConfirmationMasksPassengerNamesAt80x24() throws { try approveMasks(width: 80, height: 24) }
    func testApproveConfirmationMasksPassengerNamesAt120x40() throws { try approveMasks(width: 120, height: 40) }

    func approveMasks(width: Int, height: Int) throws {
        let t = try startConsole("--no-dispatch", width: width, height: height)
        t.send("3")
        expect(t, "most urgent first", "the Refunds view")
        t.send("A")
        let confirm = expect(t, "[ Confirm ]", "the confirmation (at once: the fee of the tier is prefilled)")
        let refundId = try XCTUnwrap(confirm.range(of: "RF\\d+", options: .regularExpression).map { String(confirm[$0]) }, confirm)
        let names = SQLiteCLI.query(db, """
            SELECT t.name FROM refunds r JOIN tickets t ON t.order_id = r.order_id AND (r.ticket_id IS NULL OR t.id = r.ticket_id)
            WHERE r.refund_id = '\(refundId)'
            """).filter { $0.count > 1 }
        XCTAssertFalse(names.isEmpty, "the refund has passengers")
        for name in names {
            XCTAssertFalse(confirm.contains(name), "\(name) in full without a reveal:\n\(confirm)")
            XCTAssertTrue(confirm.contains(String(name.prefix(1))), "\(name) masked, not dropped:\n\(confirm)")
        }
    }

    func testIssueFormAndConfirmationMaskTheTicketPasswordAt80x24() throws { try issueMasksPassword(width: 80, height: 24) }
    func testIssueFormAndConfirmationMaskTheTicketPasswordAt120x40() throws { try issueMasksPassword(width: 120, height: 40) }

    /// The ticket password (取票密码) typed into the issue form shows as one `*` per character, the confirmation
    /// masks it, and the issued order's detail masks it until `v` reveals it (that reveal audited).
    func issueMasksPassword(width: Int, height: Int) throws {
        let password = "Zq7x9p"
        let order = try XCTUnwrap(SQLiteCLI.query(db, """
            SELECT agent_order_id FROM orders WHERE status = 2 AND departs_at > CAST(strftime('%s', 'now') AS INTEGER) + 3600
            ORDER BY departs_at DESC LIMIT 1
            """).first, "the demo has an order awaiting tickets")
        let t = try startConsole("--no-dispatch", width: width, height: height)
        t.send("/"); t.type(order); t.send("Enter")
        walk(t, [("Enter", "等待出票", "the detail of an order awaiting tickets"),
                 ("I", "Issue tickets for order \(order)", "the issue form")])
        t.type("TK-42"); t.send("Tab"); t.type(password)
        let typed = t.waitFor { $0.contains("Ticket password ******") }
        XCTAssertTrue(typed.ok, "one star per character typed:\n\(typed.screen)")
        XCTAssertFalse(typed.screen.contains(password), "the password in clear in the form:\n\(typed.screen)")
        XCTAssertFalse(typed.screen.contains("*******"), "six characters, six stars:\n\(typed.screen)")
        XCTAssertTrue(typed.screen.contains("TK-42"), "the ticket number is not secret:\n\(typed.screen)")

        t.send("Tab"); t.type("A2"); t.send("Enter")
        let confirm = expect(t, "[ Confirm ]", "the confirmation")
        XCTAssertTrue(confirm.contains("password ******"), "masked in the confirmation:\n\(confirm)")
        XCTAssertFalse(confirm.contains(password), "the password in clear in the confirmation:\n\(confirm)")

        t.send("Tab"); t.send("Enter")
        expect(t, "order \(order) issued", "the action's summary")
        let detail = expect(t, "密码 ******", "the issued order's detail masks the password")
        XCTAssertFalse(detail.contains(password), "the password in clear on the detail:\n\(detail)")
        XCTAssertEqual(SQLiteCLI.query(db, "SELECT fetch_pwd FROM orders WHERE agent_order_id = '\(order)'"), [password], "stored as typed")

        t.send("v")
        expect(t, "密码 \(password)", "v reveals it")
        XCTAssertEqual(SQLiteCLI.query(db, """
            SELECT count(*) FROM audit WHERE action = 'reveal.personal-data' AND entity_id = '\(order)'
            """), ["1"], "the reveal is in the audit trail")
        XCTAssertEqual(SQLiteCLI.query(db, """
            SELECT count(*) FROM audit WHERE entity_id = '\(order)' AND after LIKE '%\(password)%'
            """), ["0"], "and the password is not")
    }
}
