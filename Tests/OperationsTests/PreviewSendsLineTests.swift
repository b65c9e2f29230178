import XCTest
@testable import Operations
import Base
import Store

/// Every action that sends one TOP callback ends its preview with one line naming the method it really sends
/// (`ActionPreview(…, sending:, saying:)`), followed by what that call says.
final class PreviewSendsLineTests: XCTestCase {
    func testEachOneCallbackActionEndsWithOneSendsLineNamingItsMethod() throws {
        let f = try DemoFixture()
        let o = try f.ops()
        let refund = try XCTUnwrap(try f.store.refundRecord(refundId: "RF00000055"))
        let issued = try f.order(status: .issued, minTickets: 2)
        let ticket = try f.detail(issued).tickets[1]
        let paid = ticket.priceFen + ticket.serviceFeeFen
        let cases: [(ActionRequest, String)] = [
            (.issueFailed(agentOrderId: "BO0000000158", reason: "车辆故障"),
             "sends taobao.bus.agent.bookticket.confirm success=false (key BK-BO0000000158)"),
            (.rejectRefund(refundId: "RF00000055", resultCode: "1905", reason: "已检票"),
             "sends taobao.bus.agent.refund.confirm status 2 rejected, code 1905 (trans id \(refund.idempotencyKey))"),
            (.offlineRefund(agentOrderId: issued, ticket: .agentTicketId(ticket.agentTicketId), amountFen: paid - 500),
             "sends taobao.bus.agent.refund.confirm status 1, mode offline, amount \(Money.yuanText(paid - 500)) yuan"),
            (.moneyRefund(agentOrderId: issued, amountFen: 1000, reason: "车辆晚点补偿"),
             "sends taobao.bus.agent.multiple.refund.confirm total_refund_amount 1000 fen with a new unique trans no"),
        ]
        for (action, line) in cases {
            let p = try o.preview(action)
            XCTAssertEqual(p.lines.last, line, "\(action)")
            XCTAssertEqual(p.lines.filter { $0.hasPrefix("sends ") }.count, 1, "\(p.lines)")
            XCTAssertTrue(line.hasPrefix("sends \(p.method ?? "nothing") "), "\(action)")
        }
        let approve = try o.preview(.approveRefund(refundId: "RF00000055", feeFen: nil))
        XCTAssertEqual(approve.lines.last?.hasPrefix("sends taobao.bus.agent.refund.confirm status 1 approved, type "), true, "\(approve.lines)")
        XCTAssertEqual(approve.lines.last?.hasSuffix(" yuan (trans id \(refund.idempotencyKey))"), true, "\(approve.lines)")
    }
}
