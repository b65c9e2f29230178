import XCTest
@testable import TOP

final class MultipleRefundConfirmTests: XCTestCase {
    private let base = MultipleRefundConfirm(
        agentOrderId: "A9", mainBizOrderId: 998_877, refundTransNo: "RT-1", reason: "差价退款",
        totalRefundFen: 1200, totalServiceChargeRefundFen: 200,
        tickets: [.init(agentTicketId: "T1", refundFen: 1000, serviceChargeRefundFen: 200)])

    func testEncodingInFen() {
        XCTAssertEqual(base.businessJSON().compactText,
                       #"{"agent_order_id":"A9","main_biz_order_id":998877,"agent_refund_trans_no":"RT-1","#
                       + #""agent_refund_reason":"差价退款","total_refund_amount":1200,"total_service_charge_refund_amount":200,"#
                       + #""refund_ticket_detail_list":[{"agent_ticket_id":"T1","refund_amount":1000,"service_charge_refund_amount":200}]}"#)
        XCTAssertEqual(base.idempotencyKey, "RT-1")
        XCTAssertEqual(base.paramName, "param_agent_multiple_refund_r_q")
        XCTAssertNoThrow(try base.validate())
        let zeroService = MultipleRefundConfirm(agentOrderId: "A9", mainBizOrderId: nil, refundTransNo: "RT-2",
                                                reason: "r", totalRefundFen: 50)
        XCTAssertEqual(zeroService.businessJSON()["total_service_charge_refund_amount"], .int(0))
        XCTAssertNil(zeroService.businessJSON()["main_biz_order_id"])
    }

    func testValidation() {
        func field(_ m: MultipleRefundConfirm) -> String? {
            do { try m.validate(); return nil } catch let e as CallbackValidationError { return e.field } catch { return "?" }
        }
        var m = base
        m.reason = ""
        XCTAssertEqual(field(m), "agent_refund_reason")
        m = base
        m.refundTransNo = ""
        XCTAssertEqual(field(m), "agent_refund_trans_no")
        m = base
        m.totalRefundFen = 1300
        XCTAssertEqual(field(m), "total_refund_amount")
        m.totalRefundFen = 1000  // details' refund_amount alone: the other accepted reading
        XCTAssertNil(field(m))
        m = base
        m.totalServiceChargeRefundFen = 100
        XCTAssertEqual(field(m), "total_service_charge_refund_amount")
        m = base
        m.tickets = [.init(agentTicketId: nil, refundFen: 1000, serviceChargeRefundFen: 200)]
        XCTAssertEqual(field(m), "refund_ticket_detail_list[0]")
        m.tickets[0].passengerIdNum = "110101199001011234"
        XCTAssertNil(field(m))
    }
}
