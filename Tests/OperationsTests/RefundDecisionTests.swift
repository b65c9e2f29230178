import XCTest
@testable import Operations
import Store

final class RefundDecisionTests: XCTestCase {
    func testApprovePerTicketUsesCurrentTierAndQueuesGoldenRefundConfirm() throws {
        let f = try DemoFixture()
        let rid = try f.pendingRefund(perOrder: false, hoursAhead: 6)
        XCTAssertEqual(rid, "RF00000055")
        let sold = try f.int("SELECT s.seats_sold FROM schedules s JOIN orders o ON o.schedule_id = s.schedule_id WHERE o.agent_order_id = 'BO0000000289'")
        let result = try f.run(.approveRefund(refundId: rid, feeFen: nil))
        XCTAssertEqual(result.summary, "refund RF00000055 approved, 40.50 yuan queued")
        let r = try XCTUnwrap(try f.store.refundRecord(refundId: rid))
        XCTAssertEqual([r.status.rawValue, r.decidedBy], ["approved", "alice"])
        XCTAssertEqual([r.feeFen, r.amountFen, r.paidFen], [450, 4050, 4500])
        XCTAssertEqual(r.decidedAt, fixedNow)
        XCTAssertEqual(r.version, 2)
        let d = try f.detail("BO0000000289")
        XCTAssertEqual(d.tickets.first { $0.id == r.ticketId }?.status, .refunded)
        XCTAssertEqual(try f.int("SELECT s.seats_sold FROM schedules s JOIN orders o ON o.schedule_id = s.schedule_id WHERE o.agent_order_id = 'BO0000000289'"), sold - 1)
        let cb = try f.latestOutbox()
        XCTAssertEqual([cb.method, cb.idempotencyKey], ["taobao.bus.agent.refund.confirm", "RT0000000055"])
        XCTAssertEqual(cb.refundId, r.id)
        XCTAssertEqual(cb.params, #"{"agent_order_id":"BO0000000289","agent_return_ticket_status":1,"agent_return_ticket_type":0,"agent_refund_amount":"40.5","agent_refund_trans_id":"RT0000000055","agent_ticket_id":"TK0000000486","passenger_id_num":"330203197012013385","passenger_name":"高明","agent_return_time":"2026-11-21 10:00:00","depart_date":"2026-11-22 06:15:00","main_biz_order_id":3900000002288591,"agent_return_mode":"online","refund_scene":"common"}"#)
        let a = try f.latestAudit()
        XCTAssertEqual([a.op, a.action, a.entityId], ["alice", "refund.approve", rid])
        XCTAssertEqual(a.after, #"{"status":"approved","fee_fen":450,"amount_fen":4050,"order_status":\#(d.summary.status.rawValue),"callback":"RT0000000055"}"#)
        XCTAssertEqual(try f.seatMismatches(), 0)
        try assertRefused(f, .approveRefund(refundId: rid, feeFen: nil), kind: "notAllowed", contains: "already approved by alice")
    }

    func testApprovePerOrderRefundsEveryTicketAndClosesTheOrderAsRefunded() throws {
        let f = try DemoFixture()
        let rid = try f.pendingRefund(perOrder: true, hoursAhead: 48)
        let r0 = try XCTUnwrap(try f.store.refundRecord(refundId: rid))
        try f.run(.approveRefund(refundId: rid, feeFen: nil))
        let d = try XCTUnwrap(try f.store.orderDetail(id: r0.orderId))
        XCTAssertEqual(d.summary.status, .refunded)
        XCTAssertTrue(d.tickets.allSatisfy { $0.status == .refunded })
        let cb = try f.latestOutbox()
        XCTAssertEqual(cb.params, #"{"agent_order_id":"\#(d.summary.agentOrderId)","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"\#(Money.yuan(r0.paidFen).replacingOccurrences(of: ".00", with: ""))","agent_refund_trans_id":"\#(r0.idempotencyKey)","agent_return_time":"2026-11-21 10:00:00","depart_date":"\#(ChinaTime.second(d.summary.departsAt))","main_biz_order_id":\#(d.summary.mainBizOrderId),"agent_return_mode":"online","refund_scene":"common"}"#)
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testNoRefundTierNeedsAnExplicitFee() throws {
        let f = try DemoFixture()
        let rid = "RF00000055"
        let late = ChinaTime.epoch(year: 2026, month: 11, day: 22, hour: 4, minute: 15)   // 2 h before departure
        let o = f.ops(alice, now: late)
        XCTAssertThrowsError(try o.preview(.approveRefund(refundId: rid, feeFen: nil))) { e in
            XCTAssertEqual(caseName(e as! OperationError), "notAllowed")
            XCTAssertTrue((e as! OperationError).message.contains("set the fee explicitly"), "\(e)")
        }
        try assertRefused(f, .approveRefund(refundId: rid, feeFen: 4501), kind: "invalid", contains: "more than what was paid")
        try assertRefused(f, .approveRefund(refundId: rid, feeFen: -1), kind: "malformed", contains: "negative")
        // The shape before the lookup: a negative fee is malformed whatever refund it names (was "not found", exit 1).
        try assertRefused(f, .approveRefund(refundId: "RF99999999", feeFen: -1), kind: "malformed", contains: "fee must not be negative")
        let p = try o.preview(.approveRefund(refundId: rid, feeFen: 1000))
        XCTAssertTrue(p.lines.contains { $0.contains("fee 10.00 yuan (set by operator), refund 35.00 yuan") }, "\(p.lines)")
        try o.execute(.approveRefund(refundId: rid, feeFen: 1000), confirming: p)
        XCTAssertEqual(try f.store.refundRecord(refundId: rid)?.amountFen, 3500)
    }

    func testFeeTierChangeBetweenPreviewAndExecuteIsRefused() throws {
        let f = try DemoFixture()
        let rid = "RF00000055"
        let seen = try f.ops(alice, now: fixedNow).preview(.approveRefund(refundId: rid, feeFen: nil))
        // Departure 2026-11-22 06:15: at 01:00 the 25 % tier applies instead of the 10 % one shown.
        let later = f.ops(alice, now: ChinaTime.epoch(year: 2026, month: 11, day: 22, hour: 1))
        XCTAssertThrowsError(try later.execute(.approveRefund(refundId: rid, feeFen: nil), confirming: seen)) { e in
            guard case OperationError.conflict(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("25 %"), m)
        }
        XCTAssertEqual(try f.store.refundRecord(refundId: rid)?.status, .pending)
    }

    /// An operator reads a confirmation for a while: the callback's own time (agent_return_time) is taken when it
    /// executes, and that alone never makes the confirmation stale.
    func testConfirmingSecondsAfterThePreviewGoesThrough() throws {
        let f = try DemoFixture()
        let rid = "RF00000055"
        let seen = try f.ops(alice, now: fixedNow).preview(.approveRefund(refundId: rid, feeFen: nil))
        let done = try f.ops(alice, now: fixedNow + 7).execute(.approveRefund(refundId: rid, feeFen: nil), confirming: seen)
        XCTAssertTrue(done.summary.contains("approved"), done.summary)
        let params = try f.latestOutbox().params
        XCTAssertTrue(params.contains(ChinaTime.second(fixedNow + 7)), "the refund's time is when it was done: \(params)")
    }

    func testRejectPerTicketMarksRefundFailedAndQueuesStatusTwo() throws {
        let f = try DemoFixture()
        let rid = "RF00000055"
        let r0 = try XCTUnwrap(try f.store.refundRecord(refundId: rid))
        try f.run(.rejectRefund(refundId: rid, resultCode: "1905", reason: "已检票"), as: bob)
        let r = try XCTUnwrap(try f.store.refundRecord(refundId: rid))
        XCTAssertEqual([r.status.rawValue, r.resultCode, r.reason, r.decidedBy], ["rejected", "1905", "已检票", "bob"])
        XCTAssertEqual(r.amountFen, 0)
        let d = try f.detail("BO0000000289")
        XCTAssertEqual(d.tickets.first { $0.id == r0.ticketId }?.status, .refundFailed)
        let cb = try f.latestOutbox()
        XCTAssertEqual(cb.params, #"{"agent_order_id":"BO0000000289","agent_return_ticket_status":2,"agent_return_ticket_type":0,"agent_refund_trans_id":"RT0000000055","agent_ticket_id":"TK0000000486","passenger_id_num":"330203197012013385","passenger_name":"高明","agent_return_time":"2026-11-21 10:00:00","depart_date":"2026-11-22 06:15:00","main_biz_order_id":3900000002288591,"agent_return_ticket_code":1905,"agent_return_mode":"online","refund_scene":"common"}"#)
        XCTAssertEqual(try f.latestAudit().action, "refund.reject")
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testRejectPerOrderPutsTicketsBackToIssuedAndOrderToThree() throws {
        let f = try DemoFixture()
        let rid = try f.pendingRefund(perOrder: true)
        let orderId = try XCTUnwrap(try f.store.refundRecord(refundId: rid)).orderId
        try f.run(.rejectRefund(refundId: rid, resultCode: "1901", reason: "发车前3小时内不可退票"))
        let d = try XCTUnwrap(try f.store.orderDetail(id: orderId))
        XCTAssertEqual(d.summary.status, .issued)
        XCTAssertTrue(d.tickets.allSatisfy { $0.status == .issued }, "\(d.tickets.map(\.status))")
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testRejectValidatesCodeAndReason() throws {
        let f = try DemoFixture()
        try assertRefused(f, .rejectRefund(refundId: "RF00000055", resultCode: "19a5", reason: "x"), kind: "malformed", contains: "digits")
        try assertRefused(f, .rejectRefund(refundId: "RF00000055", resultCode: "1905", reason: ""), kind: "malformed", contains: "reason is required")
        try assertRefused(f, .rejectRefund(refundId: "RF99999999", resultCode: "1905", reason: "x"), kind: "notFound", contains: "RF99999999")
    }

    /// Two processes approving the same refund at once: BEGIN IMMEDIATE plus the version check let exactly one win.
    func testConcurrentApprovalsProduceExactlyOneCallback() throws {
        let f = try DemoFixture()
        let rid = "RF00000055"
        let path = f.store.path
        let seen = try f.ops().preview(.approveRefund(refundId: rid, feeFen: nil))
        let outcomes = Outcomes()
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for actor in [alice, bob] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let store = try Store(path: path)
                    let ops = Operations(store: store, actor: actor, now: { fixedNow })
                    start.wait()
                    _ = try ops.execute(.approveRefund(refundId: rid, feeFen: nil), confirming: seen)
                    outcomes.add("ok:\(actor.operatorName)")
                } catch let e as OperationError {
                    outcomes.add("\(caseName(e)):\(e.message)")
                } catch { outcomes.add("other:\(error)") }
            }
        }
        start.signal(); start.signal()
        XCTAssertEqual(group.wait(timeout: .now() + 30), .success)
        let all = outcomes.all
        XCTAssertEqual(all.filter { $0.hasPrefix("ok:") }.count, 1, "\(all)")
        let loser = try XCTUnwrap(all.first { $0.hasPrefix("conflict:") }, "\(all)")
        let winner = all.first { $0.hasPrefix("ok:") }!.dropFirst(3)
        XCTAssertTrue(loser.contains("changed by \(winner)"), loser)
        XCTAssertEqual(try f.int("SELECT count(*) FROM outbox WHERE idempotency_key = 'RT0000000055'"), 1)
        XCTAssertEqual(try f.int("SELECT count(*) FROM audit WHERE entity_id = ? AND action = 'refund.approve'", .text(rid)), 1)
    }
}

final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
