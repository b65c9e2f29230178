import XCTest
@testable import Operations
import Store

final class ScheduleActionTests: XCTestCase {
    /// The future on-sale schedule with the most live orders.
    func busiest(_ f: DemoFixture) throws -> String {
        try XCTUnwrap(try f.text("""
            SELECT s.schedule_id FROM schedules s JOIN orders o ON o.schedule_id = s.schedule_id
            WHERE s.on_sale = 1 AND s.departs_at > ? AND o.status IN (1, 2, 3, 9)
            GROUP BY s.schedule_id ORDER BY count(*) DESC, s.schedule_id LIMIT 1
            """, .of(fixedNow)))
    }

    /// The future on-sale schedule with the most pending refunds (so stopping it must decide them too).
    func withPendingRefunds(_ f: DemoFixture, perOrder: Bool) throws -> String {
        try XCTUnwrap(try f.text("""
            SELECT s.schedule_id FROM schedules s JOIN orders o ON o.schedule_id = s.schedule_id JOIN refunds r ON r.order_id = o.id
            WHERE s.on_sale = 1 AND s.departs_at > ? AND r.status = 'pending' AND s.is_order_refund = ?
            GROUP BY s.schedule_id ORDER BY count(*) DESC, s.schedule_id LIMIT 1
            """, .of(fixedNow), .of(perOrder)))
    }

    /// A fresh unpaid seat lock on the schedule, through the same path Fliggy's create-order takes.
    func lockUnpaid(_ f: DemoFixture, _ sid: String) throws {
        let cert = "11010519491231002X"
        let lock = LockRequest(alitripOrderId: "77001", scheduleId: sid, fromStation: nil, toStation: nil, startTime: nil, orderAmountFen: nil,
                               contactName: "测试", contactPhone: "13812345678",
                               passengers: [LockPassenger(passengerId: "1", name: "测试", certType: 1, certNo: cert, phone: nil)])
        XCTAssertEqual(try f.store.lockSeats(lock, now: fixedNow).status, .awaitingPayment)
    }

    func testStopRefundsEveryPaidOrderClosesUnpaidOnesAndNotifiesTheLine() throws {
        let f = try DemoFixture(orders: 600)
        let sid = try withPendingRefunds(f, perOrder: true)
        try lockUnpaid(f, sid)
        let pending = try f.int("SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.schedule_id = ? AND r.status = 'pending'", .text(sid))
        XCTAssertGreaterThan(pending, 0)
        let live = try f.int("SELECT count(*) FROM orders WHERE schedule_id = ? AND status IN (1, 2, 3, 9)", .text(sid))
        let unpaid = try f.int("SELECT count(*) FROM orders WHERE schedule_id = ? AND status = 1", .text(sid))
        let total = try f.int("""
            SELECT coalesce(sum(t.price_fen + t.service_fee_fen), 0) FROM tickets t JOIN orders o ON o.id = t.order_id
            WHERE o.schedule_id = ? AND o.status IN (2, 3, 9) AND t.status IN (-1, 1, 2, 4, 6)
            """, .text(sid))
        XCTAssertGreaterThan(live, 1)
        XCTAssertGreaterThan(unpaid, 0)
        let action = ActionRequest.stopSchedule(scheduleId: sid, reasonCode: 1, reason: "台风")
        let p = try f.ops().preview(action)
        XCTAssertTrue(p.lines.contains { $0.contains("\(live - unpaid) paid order") && $0.contains("\(Money.yuan(total)) yuan in total") }, "\(p.lines)")
        var seen: [(Int, Int)] = []
        let result = try f.ops().execute(action, confirming: p) { seen.append(($0, $1)) }
        XCTAssertEqual(seen.map(\.0), Array(1...live))
        XCTAssertTrue(seen.allSatisfy { $0.1 == live })
        let s = try XCTUnwrap(try f.store.scheduleRow(sid))
        XCTAssertFalse(s.onSale)
        XCTAssertEqual([s.seatsSold, s.seatsHeld], [0, 0])
        XCTAssertEqual([s.stopReason, s.stopReasonCode.map(String.init)], ["台风", "1"])
        XCTAssertEqual(try f.int("SELECT count(*) FROM orders WHERE schedule_id = ? AND status IN (1, 2, 3, 9)", .text(sid)), 0)
        XCTAssertEqual(try f.int("SELECT count(*) FROM orders WHERE schedule_id = ? AND status = 4 AND updated_at = ?", .text(sid), .of(fixedNow)), unpaid)
        XCTAssertEqual(try f.int("SELECT coalesce(sum(amount_fen), 0) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.schedule_id = ? AND r.scene = 'force' AND r.decided_at = ?", .text(sid), .of(fixedNow)), total)
        XCTAssertEqual(try f.int("SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.schedule_id = ? AND r.status = 'pending'", .text(sid)), 0)
        XCTAssertEqual(try f.int("SELECT count(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.schedule_id = ? AND r.source = 'online' AND r.scene = 'force'", .text(sid)), pending,
                       "pending online refunds are decided as force refunds under their own keys")
        XCTAssertEqual(try f.int("SELECT count(*) FROM seat_holds WHERE schedule_id = ?", .text(sid)), 0)
        let force = try f.int("SELECT count(*) FROM outbox WHERE method = 'taobao.bus.agent.refund.confirm' AND created_at = ? AND params LIKE '%\"refund_scene\":\"force\",\"refund_scene_official_reason_code\":\"1\"%'", .of(fixedNow))
        XCTAssertEqual(force + 1, result.callbackIds.count)
        let notify = try f.latestOutbox()
        XCTAssertEqual(notify.method, "taobao.bus.item.notify")
        XCTAssertEqual(notify.params, #"{"from_city":"\#(s.fromCityName)","to_city":"\#(s.toCityName)","from_date":"\#(s.fromDate)"}"#)
        XCTAssertEqual(try f.seatMismatches(), 0)
        try assertRefused(f, action, kind: "notAllowed", contains: "already stopped")
        try assertRefused(f, .stopSchedule(scheduleId: try busiest(f), reasonCode: 3, reason: nil), kind: "malformed", contains: "reason code")
    }

    func testStopOnAPerTicketScheduleSendsOneRefundPerTicket() throws {
        let f = try DemoFixture(orders: 600)
        let sid = try withPendingRefunds(f, perOrder: false)
        let seated = try f.int("""
            SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
            WHERE o.schedule_id = ? AND o.status IN (2, 3, 9) AND t.status IN (-1, 1, 2, 4, 6)
            """, .text(sid))
        let r = try f.run(.stopSchedule(scheduleId: sid, reasonCode: 2, reason: nil))
        XCTAssertEqual(r.callbackIds.count, seated + 1)
        let rows = try r.callbackIds.dropLast().map { try XCTUnwrap(try f.store.outboxRecord(id: $0)) }
        XCTAssertTrue(rows.allSatisfy { $0.params.contains(#""agent_return_ticket_type":0"#) && $0.params.contains(#""passenger_id_num":"#) })
        XCTAssertEqual(try f.store.scheduleRow(sid)?.stopReason, "疫情原因")
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testStopIsRefusedWhenASaleChangedTheScheduleSinceThePreview() throws {
        let f = try DemoFixture()
        let sid = try busiest(f)
        let seen = try f.ops().preview(.stopSchedule(scheduleId: sid, reasonCode: 0, reason: nil))
        try f.run(.changeSchedule(scheduleId: sid, priceFen: 12_300, departs: nil), as: bob)
        XCTAssertThrowsError(try f.ops().execute(.stopSchedule(scheduleId: sid, reasonCode: 0, reason: nil), confirming: seen)) { e in
            guard case OperationError.conflict(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("bob") && m.contains("schedule.change") && m.contains("123.00 yuan"), m)
        }
        XCTAssertTrue(try f.store.scheduleRow(sid)!.onSale)
        // A Fliggy seat lock moves the counters (and the version) with no schedule audit row: the refusal says what is there now.
        let again = try f.ops().preview(.stopSchedule(scheduleId: sid, reasonCode: 0, reason: nil))
        try lockUnpaid(f, sid)
        XCTAssertThrowsError(try f.ops().execute(.stopSchedule(scheduleId: sid, reasonCode: 0, reason: nil), confirming: again)) { e in
            guard case OperationError.conflict(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("1 held"), m)
        }
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testChangePriceAndTimeMovesOrdersAndNotifiesBothDays() throws {
        let f = try DemoFixture()
        let sid = try busiest(f)
        let s0 = try XCTUnwrap(try f.store.scheduleRow(sid))
        let orderDeparts = try f.int("SELECT min(departs_at) FROM orders WHERE schedule_id = ?", .text(sid))
        let newTime = s0.departsAt + 86400 + 1800
        let r = try f.run(.changeSchedule(scheduleId: sid, priceFen: s0.priceFen + 500, departs: ChinaTime.minute(newTime)))
        XCTAssertEqual(r.callbackIds.count, 2)
        let s = try XCTUnwrap(try f.store.scheduleRow(sid))
        XCTAssertEqual([s.priceFen, s.departsAt], [s0.priceFen + 500, newTime])
        XCTAssertEqual(s.fromDate, ChinaTime.date(newTime))
        XCTAssertEqual(try f.int("SELECT min(departs_at) FROM orders WHERE schedule_id = ?", .text(sid)), orderDeparts + 86400 + 1800)
        let rows = try r.callbackIds.map { try XCTUnwrap(try f.store.outboxRecord(id: $0)) }
        XCTAssertEqual(rows.map(\.params), [s0.fromDate, s.fromDate].map { #"{"from_city":"\#(s.fromCityName)","to_city":"\#(s.toCityName)","from_date":"\#($0)"}"# })
        XCTAssertEqual(Set(rows.map(\.idempotencyKey)).count, 2)
        XCTAssertEqual(try f.latestAudit().action, "schedule.change")
        XCTAssertEqual(try f.seatMismatches(), 0)
        try assertRefused(f, .changeSchedule(scheduleId: sid, priceFen: nil, departs: "2026-13-01 08:00"), kind: "malformed", contains: "yyyy-MM-dd HH:mm")
        try assertRefused(f, .changeSchedule(scheduleId: sid, priceFen: nil, departs: "2026-11-20 08:00"), kind: "invalid", contains: "not in the future")
        try assertRefused(f, .changeSchedule(scheduleId: sid, priceFen: -1, departs: nil), kind: "malformed", contains: "negative")
        try assertRefused(f, .changeSchedule(scheduleId: sid, priceFen: s.priceFen, departs: nil), kind: "invalid", contains: "nothing to change")
        try assertRefused(f, .changeSchedule(scheduleId: "NOPE", priceFen: 1, departs: nil), kind: "notFound", contains: "NOPE")
    }
}
