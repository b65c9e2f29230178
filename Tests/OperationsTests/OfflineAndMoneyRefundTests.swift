import XCTest
@testable import Operations
import Store
import TOP

final class OfflineAndMoneyRefundTests: XCTestCase {
    func testOfflineRefundOfOneTicketMarksItAndQueuesOfflineRefundConfirm() throws {
        let f = try DemoFixture()
        let order = try f.order(status: .issued, minTickets: 2)
        let d0 = try f.detail(order)
        let t = d0.tickets[1]
        let paid = t.priceFen + t.serviceFeeFen
        try f.run(.offlineRefund(agentOrderId: order, ticket: .agentTicketId(t.agentTicketId), amountFen: paid - 500))
        let d = try f.detail(order)
        XCTAssertEqual(d.summary.status, .issued, "the other tickets still travel")
        XCTAssertEqual(d.tickets[1].status, .refunded)
        XCTAssertTrue(d.tickets[1].isOfflineRefund)
        XCTAssertEqual(d.tickets[0].status, .issued)
        let r = try XCTUnwrap(d.refunds.last)
        XCTAssertEqual([r.source.rawValue, r.status.rawValue], ["offline", "approved"])
        XCTAssertEqual([r.paidFen, r.amountFen, r.feeFen], [paid, paid - 500, 500])
        XCTAssertEqual(r.ticketId, t.id)
        let cb = try f.latestOutbox()
        XCTAssertEqual(cb.idempotencyKey, r.idempotencyKey)
        XCTAssertTrue(cb.params.contains(#""agent_return_ticket_type":0"#), cb.params)
        XCTAssertTrue(cb.params.contains(#""agent_refund_amount":"\#(Money.yuanText(paid - 500))""#), cb.params)
        XCTAssertTrue(cb.params.contains(#""agent_ticket_id":"\#(t.agentTicketId)","passenger_id_num":"\#(t.certNo)""#), cb.params)
        XCTAssertTrue(cb.params.contains(#""agent_return_mode":"offline""#), cb.params)
        XCTAssertEqual(try f.latestAudit().action, "refund.offline")
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testOfflineRefundOfWholeOrderByCertificateAndValidation() throws {
        let f = try DemoFixture()
        let order = try f.order(status: .issued)
        let d0 = try f.detail(order)
        let paid = d0.tickets.reduce(0) { $0 + $1.priceFen + $1.serviceFeeFen }
        try assertRefused(f, .offlineRefund(agentOrderId: order, ticket: nil, amountFen: paid + 1), kind: "notAllowed", contains: "still refundable \(Money.yuan(paid)) yuan")
        try assertRefused(f, .offlineRefund(agentOrderId: order, ticket: nil, amountFen: -1), kind: "malformed", contains: "negative")
        try assertRefused(f, .offlineRefund(agentOrderId: order, ticket: .certNo("110101199003070000"), amountFen: 1), kind: "malformed", contains: "not a valid 18-digit ID")
        try assertRefused(f, .offlineRefund(agentOrderId: order, ticket: .passengerId("12a"), amountFen: 1), kind: "malformed", contains: "digits only")
        try assertRefused(f, .offlineRefund(agentOrderId: order, ticket: .passengerId("99"), amountFen: 1), kind: "notFound", contains: "passenger 99")
        try f.run(.offlineRefund(agentOrderId: order, ticket: .certNo(d0.tickets[0].certNo.lowercased()), amountFen: paid / d0.tickets.count))
        XCTAssertEqual(try f.detail(order).tickets[0].status, .refunded)
        XCTAssertEqual(try f.seatMismatches(), 0)
        let rest = try f.detail(order).tickets.filter { $0.status == .issued }
        if !rest.isEmpty { try f.run(.offlineRefund(agentOrderId: order, ticket: nil, amountFen: 0)) }
        XCTAssertEqual(try f.detail(order).summary.status, .refunded)
        XCTAssertEqual(try f.seatMismatches(), 0)
    }

    func testMoneyOnlyRefundsAreCappedByWhatIsLeftAndEachGetsAUniqueTransNo() throws {
        let f = try DemoFixture()
        let order = try f.order(status: .issued)
        let d0 = try f.detail(order)
        let tickets = try f.int("SELECT count(*) FROM tickets")
        let first = try f.run(.moneyRefund(agentOrderId: order, amountFen: 1000, reason: "车辆晚点补偿"))
        let cb1 = try f.latestOutbox()
        XCTAssertEqual(first.callbackIds, [cb1.id])
        XCTAssertEqual(cb1.method, "taobao.bus.agent.multiple.refund.confirm")
        XCTAssertTrue(cb1.idempotencyKey.hasPrefix("MR"), cb1.idempotencyKey)
        // docs/PROTOCOL.md (TOP callbacks): the per-ticket list is required; 1000 fen split over the order's tickets, none above what it paid.
        let business = try XCTUnwrap(try JSON.parse(cb1.params))
        let split = RefundSplit.details(totalFen: 1000, tickets: RefundSplit.tickets(d0.tickets, refunds: d0.refunds))!
        XCTAssertEqual(cb1.params, #"{"agent_order_id":"\#(order)","agent_refund_reason":"车辆晚点补偿","agent_refund_trans_no":"\#(cb1.idempotencyKey)","main_biz_order_id":\#(d0.summary.mainBizOrderId),"refund_ticket_detail_list":"#
                       + JSON.array(split.map { d in ["agent_ticket_id": .string(d.agentTicketId!), "passenger_id_num": .string(d.passengerIdNum!),
                                                      "refund_amount": .int(Int64(d.refundFen)), "service_charge_refund_amount": 0] }).compactText
                       + #","total_refund_amount":1000,"total_service_charge_refund_amount":0,"refund_scene":"common"}"#)
        let details = try XCTUnwrap(business["refund_ticket_detail_list"]?.arrayValue)
        XCTAssertFalse(details.isEmpty)
        XCTAssertEqual(details.compactMap { $0["refund_amount"]?.intValue }.reduce(0, +), 1000)
        for item in details {
            let t = try XCTUnwrap(d0.tickets.first { $0.agentTicketId == item["agent_ticket_id"]?.stringValue })
            XCTAssertLessThanOrEqual(item["refund_amount"]!.intValue!, t.priceFen + t.serviceFeeFen)
            XCTAssertEqual(item["passenger_id_num"]?.stringValue, t.certNo)
        }
        try f.run(.moneyRefund(agentOrderId: order, amountFen: 500, reason: "再补偿"))
        let cb2 = try f.latestOutbox()
        XCTAssertNotEqual(cb1.idempotencyKey, cb2.idempotencyKey)
        let d = try f.detail(order)
        XCTAssertEqual(d.tickets.map(\.status), d0.tickets.map(\.status), "money-only refunds leave tickets alone")
        XCTAssertEqual(try f.int("SELECT count(*) FROM tickets"), tickets)
        XCTAssertEqual(d.refunds.filter { $0.source == .moneyOnly }.map(\.amountFen), [1000, 500])
        let left = d0.summary.totalFen - 1500
        try assertRefused(f, .moneyRefund(agentOrderId: order, amountFen: left + 1, reason: "x"), kind: "notAllowed", contains: "still refundable \(Money.yuan(left)) yuan")
        try assertRefused(f, .moneyRefund(agentOrderId: order, amountFen: 100, reason: ""), kind: "malformed", contains: "reason is required")
        try assertRefused(f, .moneyRefund(agentOrderId: try f.order(status: .awaitingPayment), amountFen: 100, reason: "x"), kind: "notAllowed", contains: "only paid orders")
        XCTAssertEqual(try f.seatMismatches(), 0)
    }
}
