import XCTest
@testable import Operations
import Store

final class IssueActionTests: XCTestCase {
    func issue(_ order: String, seats: String? = nil, phone: String? = "13812345678") -> ActionRequest {
        .issueTickets(IssueTickets(agentOrderId: order, ticketNo: "T123", ticketPwd: "654321", gate: "B3", seats: seats,
                                   plate: "浙A12345", driverName: "王师傅", driverPhone: phone, vehicleModel: "大巴", vehicleBrand: "宇通"))
    }

    func testIssueUpdatesOrderTicketsAuditAndQueuesGoldenBookTicketConfirm() throws {
        let f = try DemoFixture()
        let order = "BO0000000158"
        XCTAssertEqual(try f.detail(order).summary.status, .awaitingTicket)
        let before = try f.detail(order)
        let result = try f.run(issue(order, seats: "7"))
        XCTAssertEqual(result.summary, "order BO0000000158 issued (1 ticket), bookticket.confirm queued")
        let d = try f.detail(order)
        XCTAssertEqual(d.summary.status, .issued)
        XCTAssertEqual(d.version, before.version + 1)
        XCTAssertEqual(d.fetch.ticketNo, "T123")
        XCTAssertEqual(d.fetch.gate, "B3")
        XCTAssertEqual(d.vehicle.driverPhone, "13812345678")
        XCTAssertEqual(d.issuedAt, fixedNow)
        XCTAssertEqual(d.tickets.map(\.status), [.issued])
        XCTAssertEqual(d.tickets.map(\.seatNo), ["7"])
        let cb = try f.latestOutbox()
        XCTAssertEqual(cb.method, "taobao.bus.agent.bookticket.confirm")
        XCTAssertEqual(cb.idempotencyKey, "BK-BO0000000158")
        XCTAssertEqual(cb.state, .pending)
        XCTAssertEqual(cb.nextAttemptAt, fixedNow)
        XCTAssertEqual(result.callbackIds, [cb.id])
        // docs/PROTOCOL.md (TOP callbacks): bus_inner_order_id always sent; vehicle and driver in agent_confirm_book_schedule_info.
        let t = try XCTUnwrap(before.tickets.first)
        XCTAssertEqual(cb.params, #"{"agent_order_id":"BO0000000158","bus_inner_order_id":"\#(before.summary.mainBizOrderId)","success":true,"ticket_count":1,"total_price":\#(before.summary.totalFen),"fetch_tickets_address":"\#(before.fromStationAddress)","fetch_tickets_number":"T123","fetch_tickets_pwd":"654321","ticket_wicket":"B3","rider_seat_numbers":"7","passenger_info_list":[{"agent_ticket_id":"\#(t.agentTicketId)","passenger_cert_type":"01","passenger_name":"\#(t.name)","passenger_cert_no":"\#(t.certNo)","seat_no":"7"}],"agent_confirm_book_schedule_info":{"driver_name":"王师傅","driver_phone":"13812345678","license_plate_number":"浙A12345","motorcycle_type":"大巴","vehicle_brands":"宇通"}}"#)
        let a = try f.latestAudit()
        XCTAssertEqual([a.op, a.source, a.action, a.entityId], ["alice", "ssh:10.0.0.7", "ticket.issue", order])
        XCTAssertEqual(a.before, #"{"status":2,"version":1}"#)
        XCTAssertTrue(a.after!.contains(#""fetch_pwd":"***""#), a.after!)
        XCTAssertFalse(a.after!.contains("654321"), "the ticket password must not reach the audit trail")
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testPreviewWritesNothingAndDescribesWhatWillBeSent() throws {
        let f = try DemoFixture()
        let watcher = try Store(path: f.store.path)
        let snap = try f.snapshot(), dv = try watcher.dataVersion()
        let p = try f.ops().preview(issue("BO0000000158"))
        XCTAssertEqual(p.method, "taobao.bus.agent.bookticket.confirm")
        XCTAssertTrue(p.lines.contains { $0.contains("徐勇") }, "\(p.lines)")
        XCTAssertTrue(p.lines.contains { $0.contains("87.00 yuan") }, "\(p.lines)")
        XCTAssertEqual(try f.snapshot(), snap)
        XCTAssertEqual(try watcher.dataVersion(), dv)
    }

    func testIssueRefusesUnpaidAndAlreadyIssuedOrders() throws {
        let f = try DemoFixture()
        try assertRefused(f, issue(try f.order(status: .awaitingPayment)), kind: "notAllowed", contains: "awaiting payment")
        try assertRefused(f, issue(try f.order(status: .issued)), kind: "notAllowed", contains: "already issued")
        try assertRefused(f, issue("BO9999999999"), kind: "notFound", contains: "BO9999999999")
    }

    func testInvalidInputIsRefusedWithoutWriting() throws {
        let f = try DemoFixture()
        let o = "BO0000000158"
        func with(_ change: (inout IssueTickets) -> Void) -> ActionRequest {
            var i = IssueTickets(agentOrderId: o, ticketNo: "T1", ticketPwd: "P1", gate: "G1")
            change(&i)
            return .issueTickets(i)
        }
        try assertRefused(f, with { $0.ticketNo = "" }, kind: "malformed", contains: "ticket number is required")
        try assertRefused(f, with { $0.ticketNo = String(repeating: "9", count: 33) }, kind: "malformed", contains: "at most 32")
        try assertRefused(f, with { $0.ticketPwd = "12\u{7}34" }, kind: "malformed", contains: "control character")
        try assertRefused(f, with { $0.gate = "A\n1" }, kind: "malformed", contains: "gate")
        try assertRefused(f, with { $0.seats = "1,2" }, kind: "invalid", contains: "2 seat numbers given for 1 ticket")
        try assertRefused(f, with { $0.driverPhone = "12345" }, kind: "malformed", contains: "driver phone")
    }

    func testStaleVersionIsRefusedNamingTheOtherOperator() throws {
        let f = try DemoFixture()
        let action = issue("BO0000000158")
        let seen = try f.ops(alice).preview(action)
        try f.run(.issueFailed(agentOrderId: "BO0000000158", reason: "车辆故障"), as: bob)
        let outbox = try f.int("SELECT count(*) FROM outbox")
        XCTAssertThrowsError(try f.ops(alice).execute(action, confirming: seen)) { e in
            guard case OperationError.conflict(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("bob (local)"), m)
            XCTAssertTrue(m.contains("ticket.fail"), m)
            XCTAssertTrue(m.contains("now 订单关闭 (4 closed)"), m)
        }
        XCTAssertEqual(try f.int("SELECT count(*) FROM outbox"), outbox)
    }

    func testAChangeFromFliggyIsNamedToo() throws {
        let f = try DemoFixture()
        let action = issue("BO0000000158")
        let seen = try f.ops().preview(action)
        XCTAssertEqual(try f.store.end(OrderRef(agentOrderId: "BO0000000158", alitripOrderId: nil), as: .closed, now: fixedNow + 5), .closed)
        XCTAssertThrowsError(try f.ops().execute(action, confirming: seen)) { e in
            guard case OperationError.conflict(let m) = e else { return XCTFail("\(e)") }
            XCTAssertTrue(m.contains("fliggy (qimen)") && m.contains("order.close"), m)
        }
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testIssueFailedClosesOrderReleasesSeatsAndReportsFailure() throws {
        let f = try DemoFixture()
        let order = "BO0000000158"
        let schedule = try f.detail(order).scheduleId
        let sold = try f.int("SELECT seats_sold FROM schedules WHERE schedule_id = ?", .text(schedule))
        try f.run(.issueFailed(agentOrderId: order, reason: "车辆故障"))
        let d = try f.detail(order)
        XCTAssertEqual(d.summary.status, .closed)
        XCTAssertEqual(d.tickets.map(\.status), [.noTicket])
        XCTAssertEqual(try f.int("SELECT seats_sold FROM schedules WHERE schedule_id = ?", .text(schedule)), sold - 1)
        let cb = try f.latestOutbox()
        XCTAssertEqual(cb.idempotencyKey, "BK-BO0000000158")
        // docs/PROTOCOL.md (TOP callbacks) decision: a failure sends these three keys only; the reason stays in the audit trail.
        XCTAssertEqual(cb.params, #"{"agent_order_id":"BO0000000158","bus_inner_order_id":"\#(d.summary.mainBizOrderId)","success":false}"#)
        let audit = try f.latestAudit()
        XCTAssertEqual(audit.action, "ticket.fail")
        XCTAssertTrue(audit.after?.contains(#""reason":"车辆故障""#) ?? false, audit.after ?? "no after")
        XCTAssertEqual(try f.seatMismatches(), 0)
        try assertRefused(f, .issueFailed(agentOrderId: order, reason: "again"), kind: "notAllowed", contains: "closed")
        try assertRefused(f, .issueFailed(agentOrderId: try f.order(status: .awaitingTicket), reason: " "), kind: "malformed", contains: "reason is required")
    }
}
