// What the operator actions queue, checked against docs/PROTOCOL.md's TOP published tables
// (TOP's PublishedShape, itself checked against docs/PROTOCOL.md (TOP callbacks) in TOPTests): every callback the actions build, for all four
// APIs, carries only published keys, every required one, the published types, and
// passenger_cert_type as two digits.

import XCTest
@testable import Operations
import Store
import TOP

final class PublishedCallbackTests: XCTestCase {
    func testEveryCallbackTheActionsQueueIsAPublishedObject() throws {
        let f = try DemoFixture(orders: 600)
        let before = try f.int("SELECT coalesce(max(id), 0) FROM outbox")
        let issue = try f.order(status: .awaitingTicket)
        try f.run(.issueTickets(IssueTickets(agentOrderId: issue, ticketNo: "T123", ticketPwd: "654321", gate: "B3", seats: nil,
                                             plate: "浙A12345", driverName: "王师傅", driverPhone: "13812345678", vehicleModel: "大巴",
                                             vehicleBrand: "宇通")))
        try f.run(.issueFailed(agentOrderId: try f.order(status: .awaitingTicket), reason: "车辆故障"))
        try f.run(.approveRefund(refundId: try f.pendingRefund(perOrder: false), feeFen: nil))
        try f.run(.approveRefund(refundId: try f.pendingRefund(perOrder: true), feeFen: nil))
        try f.run(.rejectRefund(refundId: try f.pendingRefund(perOrder: false), resultCode: "1905", reason: "已检票"))
        let paid = try f.order(status: .issued, minTickets: 2)
        try f.run(.moneyRefund(agentOrderId: paid, amountFen: 1001, reason: "车辆晚点补偿"))
        try f.run(.moneyRefund(agentOrderId: paid, amountFen: 1, reason: "差价"))
        try f.run(.offlineRefund(agentOrderId: try f.order(status: .issued), ticket: nil, amountFen: 0))
        let schedule = try XCTUnwrap(try f.text("""
            SELECT s.schedule_id FROM schedules s JOIN orders o ON o.schedule_id = s.schedule_id
            WHERE s.on_sale = 1 AND s.departs_at > ? AND o.status IN (2, 3, 9)
            GROUP BY s.schedule_id ORDER BY count(*) DESC, s.schedule_id LIMIT 1
            """, .of(fixedNow)))
        try f.run(.stopSchedule(scheduleId: schedule, reasonCode: 1, reason: nil))

        let ids = try f.store.db.prepare("SELECT id FROM outbox WHERE id > \(before) ORDER BY id").all { $0.int64(0) }
        let rows = try ids.compactMap { try f.store.outboxRecord(id: $0) }
        var seen: [String: Int] = [:]
        for row in rows {
            let json = try JSON.parse(row.params)
            // TOP's PublishedShape is checked against docs/PROTOCOL.md's TOP tables in TOPTests (PublishedShapeTests).
            XCTAssertNotNil(PublishedShape.keys(of: row.method), "\(row.method) is one of the four callbacks")
            XCTAssertEqual(PublishedShape.problems(method: row.method, business: json), [], "\(row.method): \(json.compactText)")
            seen[row.method, default: 0] += 1
            if row.method == "taobao.bus.agent.multiple.refund.confirm" {
                // Σ(refund_amount + service_charge_refund_amount) = total, no ticket above what it paid.
                let d = try f.store.orderDetail(id: try XCTUnwrap(row.orderId))!
                let items = try XCTUnwrap(json["refund_ticket_detail_list"]?.arrayValue)
                let sum = items.reduce(0) { $0 + $1["refund_amount"]!.intValue! + $1["service_charge_refund_amount"]!.intValue! }
                XCTAssertEqual(json["total_refund_amount"]?.intValue, sum)
                XCTAssertEqual(json["main_biz_order_id"]?.intValue.map(String.init), d.summary.mainBizOrderId)
                for item in items {
                    let t = try XCTUnwrap(d.tickets.first { $0.agentTicketId == item["agent_ticket_id"]?.stringValue })
                    XCTAssertLessThanOrEqual(item["refund_amount"]!.intValue!, t.priceFen + t.serviceFeeFen)
                }
            }
            if row.method == "taobao.bus.agent.bookticket.confirm", let id = row.orderId {
                XCTAssertEqual(json["bus_inner_order_id"]?.stringValue, try f.store.orderDetail(id: id)?.summary.mainBizOrderId)
            }
        }
        XCTAssertEqual(Set(seen.keys), ["taobao.bus.agent.bookticket.confirm", "taobao.bus.agent.refund.confirm", "taobao.bus.agent.multiple.refund.confirm", "taobao.bus.item.notify"], "all four callbacks were exercised: \(seen)")
        XCTAssertEqual(seen["taobao.bus.agent.bookticket.confirm"], 2)
        XCTAssertEqual(seen["taobao.bus.agent.multiple.refund.confirm"], 2)
    }
}
