import XCTest
@testable import Console
import Operations
import Store

/// The console's action effects against a real store: a form's values become a confirmation that says what
/// will be sent, confirming executes it once, and anything stale or invalid is refused with nothing written.
final class ActionEffectsTests: XCTestCase {
    var fx: ActionStoreFixture!

    override func setUpWithError() throws { fx = try ActionStoreFixture() }
    override func tearDown() { fx = nil }

    static let issueFields = ["ticket-no", "ticket-pwd", "gate", "seats", "plate", "driver-name", "driver-phone", "vehicle-model", "vehicle-brand"]

    func confirmation(_ events: [Event], file: StaticString = #filePath, line: UInt = #line) -> ConfirmState? {
        guard events.count == 1, case .confirmReady(let c) = events[0] else {
            XCTFail("expected a confirmation, got \(events)", file: file, line: line)
            return nil
        }
        return c
    }

    func failure(_ events: [Event]) -> String? {
        guard events.count == 1, case .actionFailed(let text) = events[0] else { return nil }
        return text
    }

    func testApproveFromTheFormPreviewsInYuanThenQueuesOneRefundConfirm() throws {
        let row = try fx.refundableRow()
        let r = row.refund
        let fee = Money.yuan(row.currentFeeFen!)
        let before = try fx.footprint()
        let purpose = FormPurpose(unit: "refund.approve", row: .refund(row))
        let c = try XCTUnwrap(confirmation(fx.effects().prepareConfirm(purpose, ["fee": fee])))
        XCTAssertEqual(try fx.footprint(), before, "previewing writes nothing")
        let text = c.lines.joined(separator: "\n")
        XCTAssertTrue(c.title.contains(r.refundId), c.title)
        XCTAssertTrue(text.contains(row.agentOrderId), text)
        XCTAssertTrue(text.contains("fee \(fee) yuan"), text)
        XCTAssertTrue(text.contains("refund \(Money.yuan(r.paidFen - row.currentFeeFen!)) yuan"), text)
        XCTAssertTrue(text.contains("taobao.bus.agent.refund.confirm status 1"), text)
        XCTAssertFalse(c.confirmFocused, "Cancel is focused first")

        let done = fx.effects().perform(c.pending)
        guard case .actionDone(let summary)? = done.first else { return XCTFail("\(done)") }
        XCTAssertTrue(summary.contains("\(r.refundId) approved"), summary)
        XCTAssertEqual(try fx.text("SELECT status FROM refunds WHERE refund_id = ?", .text(r.refundId)), "approved")
        XCTAssertEqual(try fx.int("SELECT count(*) FROM outbox WHERE idempotency_key = ? AND method = 'taobao.bus.agent.refund.confirm'",
                                  .text(r.idempotencyKey)), 1)
        XCTAssertEqual(try fx.text("SELECT operator || ' ' || source FROM audit WHERE entity_id = ? ORDER BY id DESC LIMIT 1",
                                   .text(r.refundId)), "alice ssh:10.0.0.7")
        // Confirming the same thing twice cannot pay twice: the second is refused.
        let again = fx.effects().perform(c.pending)
        XCTAssertNotNil(failure(again), "\(again)")
        XCTAssertEqual(try fx.int("SELECT count(*) FROM outbox WHERE idempotency_key = ?", .text(r.idempotencyKey)), 1)
    }

    func testAChangeByAnotherOperatorAfterTheFormOpenedIsRefusedNamingThem() throws {
        let row = try fx.refundableRow()
        let r = row.refund
        let purpose = FormPurpose(unit: "refund.approve", row: .refund(row))
        let bob = Operations(store: fx.store, actor: Actor(operatorName: "bob", source: "ssh:10.9.9.9"), now: { ChinaTime.now() })
        let reject = ActionRequest.rejectRefund(refundId: r.refundId, resultCode: "1905", reason: "full")
        _ = try bob.execute(reject, confirming: try bob.preview(reject))
        let before = try fx.footprint()
        let text = try XCTUnwrap(failure(fx.effects().prepareConfirm(purpose, ["fee": Money.yuan(row.currentFeeFen!)])))
        XCTAssertTrue(text.contains("by bob (ssh:10.9.9.9)"), text)
        XCTAssertTrue(text.contains("refund.reject"), text)
        XCTAssertTrue(text.contains("now rejected"), text)
        XCTAssertEqual(try fx.footprint(), before)
    }

    func testAChangeWhileTheConfirmationIsOpenIsRefusedNamingWhoDidIt() throws {
        let d = try fx.detail(status: .awaitingTicket)
        let id = d.summary.agentOrderId
        let purpose = FormPurpose(unit: "ticket.fail", row: .order(d))
        let c = try XCTUnwrap(confirmation(fx.effects().prepareConfirm(purpose, ["reason": "no seats left"])))
        let bob = Operations(store: fx.store, actor: Actor(operatorName: "bob", source: "local"), now: { ChinaTime.now() })
        let issue = ActionRequest.issueTickets(IssueTickets(agentOrderId: id, ticketNo: "T1", ticketPwd: "P1", gate: "G1"))
        _ = try bob.execute(issue, confirming: try bob.preview(issue))
        let before = try fx.footprint()
        let text = try XCTUnwrap(failure(fx.effects().perform(c.pending)))
        XCTAssertTrue(text.contains("bob"), text)
        XCTAssertTrue(text.contains("ticket.issue"), text)
        XCTAssertEqual(try fx.footprint(), before)
        XCTAssertEqual(try fx.int("SELECT status FROM orders WHERE agent_order_id = ?", .text(id)), 3, "bob's issue stands")
    }

    func testInvalidInputGoesBackToTheFormWithNothingWritten() throws {
        let d = try fx.detail(status: .awaitingTicket)
        let purpose = FormPurpose(unit: "ticket.issue", row: .order(d))
        let before = try fx.footprint()
        let cases: [([String], String)] = [
            (["", "P", "G", "", "", "", "", "", ""], "ticket number is required"),
            (["T", "P\u{7}", "G", "", "", "", "", "", ""], "control character"),
            (["T", "P", "G", "", "", "", "12345", "", ""], "11-digit"),
            (["T", "P", "G", Array(repeating: "1", count: d.tickets.count + 1).joined(separator: ","), "", "", "", "", ""], "seat number"),
        ]
        for (values, expected) in cases {
            let typed = Dictionary(uniqueKeysWithValues: zip(Self.issueFields, values))
            let text = try XCTUnwrap(failure(fx.effects().prepareConfirm(purpose, typed)), "\(values)")
            XCTAssertTrue(text.contains(expected), "\(values): \(text)")
        }
        let money = FormPurpose(unit: "refund.money", row: .order(d))
        let tooMuch = try XCTUnwrap(failure(fx.effects().prepareConfirm(money, ["amount": Money.yuan(d.summary.totalFen + 1), "reason": "sorry"])))
        XCTAssertTrue(tooMuch.contains("more than"), tooMuch)
        XCTAssertEqual(try fx.footprint(), before)
    }

    func testIssueFromTheFormQueuesBookTicketAndIssuesTheOrder() throws {
        let d = try fx.detail(status: .awaitingTicket)
        let purpose = FormPurpose(unit: "ticket.issue", row: .order(d))
        let typed = Dictionary(uniqueKeysWithValues: zip(Self.issueFields, ["T-1001", "8642", "B3", "", "浙A12345", "王师傅", "13800138000", "", ""]))
        let c = try XCTUnwrap(confirmation(fx.effects().prepareConfirm(purpose, typed)))
        let text = c.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("ticket number T-1001, password 8642, gate B3"), text)
        XCTAssertTrue(text.contains("plate 浙A12345, driver 王师傅, phone 13800138000"), text)
        XCTAssertTrue(text.contains("bookticket.confirm success=true"), text)
        guard case .actionDone? = fx.effects().perform(c.pending).first else { return XCTFail() }
        XCTAssertEqual(try fx.int("SELECT status FROM orders WHERE id = ?", .int(d.summary.id)), 3)
        XCTAssertEqual(try fx.int("SELECT count(*) FROM tickets WHERE order_id = ? AND status <> 2", .int(d.summary.id)), 0)
        XCTAssertEqual(try fx.int("SELECT count(*) FROM outbox WHERE idempotency_key = ?", .text("BK-" + d.summary.agentOrderId)), 1)
    }

    func testStoppingAScheduleReportsProgressUpToTheTotal() throws {
        let id = try XCTUnwrap(fx.text("""
            SELECT s.schedule_id FROM schedules s WHERE s.on_sale = 1 AND s.departs_at > ?
              AND (SELECT count(*) FROM orders o WHERE o.schedule_id = s.schedule_id AND o.status IN (1, 2, 3, 9)) >= 2
            ORDER BY s.departs_at LIMIT 1
            """, .of(fx.now + 3600)))
        let schedule = try XCTUnwrap(fx.store.scheduleSeats(id))
        let live = try fx.int("SELECT count(*) FROM orders WHERE schedule_id = ? AND status IN (1, 2, 3, 9)", .text(id))
        let c = try XCTUnwrap(confirmation(fx.effects().prepareConfirm(FormPurpose(unit: "schedule.stop", row: .schedule(schedule)), ["reason-code": "1", "reason": ""])))
        XCTAssertTrue(c.lines.joined(separator: "\n").contains("yuan in total"), c.lines.joined(separator: "\n"))
        var reports: [(Int, Int)] = []
        let progress = ActionProgress()
        progress.handler = { reports.append(($0, $1)) }
        var effects = fx.effects()
        effects.progress = progress
        guard case .actionDone? = effects.perform(c.pending).first else { return XCTFail() }
        XCTAssertFalse(reports.isEmpty)
        XCTAssertEqual(reports.last?.0, reports.last?.1, "the last report is n/n")
        XCTAssertEqual(reports.last?.1, live)
        XCTAssertEqual(try fx.int("SELECT on_sale FROM schedules WHERE schedule_id = ?", .text(id)), 0)
    }

    func testPauseConfirmsThenSetsTheFlagTheHeaderShows() throws {
        let c = try XCTUnwrap(confirmation(fx.effects().prepareConfirm(FormPurpose(unit: "sending", row: .sending(paused: false)), [:])))
        XCTAssertEqual(c.title, "Pause sending")
        XCTAssertFalse(try fx.store.isSendingPaused(), "nothing changes before Confirm")
        guard case .actionDone("sending paused")? = fx.effects().perform(c.pending).first else { return XCTFail() }
        XCTAssertTrue(try fx.store.isSendingPaused())
        let runner = EffectRunner(store: fx.store, operatorName: "alice", source: "local", copy: { _ in })
        var s = consoleState(now: fx.now)
        for e in runner.run(.loadHealth, state: s, now: fx.now) { _ = Update.apply(&s, e, now: fx.now) }
        XCTAssertTrue(s.sendingPaused, "the header's flag comes from the store")
    }
}
