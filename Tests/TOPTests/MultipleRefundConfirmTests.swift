import XCTest
@testable import TOP

final class MultipleRefundConfirmTests: XCTestCase {
    private let base = MultipleRefundConfirm(
        agentOrderId: "A9", mainBizOrderId: 998_877, refundTransNo: "RT-1", reason: "差价退款",
        tickets: [.init(agentTicketId: "T1", refundFen: 1000, serviceChargeRefundFen: 300)])

    /// TOP doc 49134's sample: 1000 + 300 → total 1300 (docs/PROTOCOL.md (TOP callbacks), inferred).
    func testEncodingInFenWithTotalsFromTheDetails() {
        XCTAssertEqual(base.businessJSON().compactText,
                       #"{"agent_order_id":"A9","agent_refund_reason":"差价退款","agent_refund_trans_no":"RT-1","main_biz_order_id":998877,"#
                       + #""refund_ticket_detail_list":[{"agent_ticket_id":"T1","refund_amount":1000,"service_charge_refund_amount":300}],"#
                       + #""total_refund_amount":1300,"total_service_charge_refund_amount":300}"#)
        XCTAssertEqual(base.idempotencyKey, "RT-1")
        XCTAssertEqual(base.paramName, "param_agent_multiple_refund_r_q")
        XCTAssertNoThrow(try base.validate())
        var force = base
        force.tickets = [.init(agentTicketId: nil, passengerIdNum: "110101199001011234", refundFen: 50)]
        force.refundScene = .force
        force.officialReasonCode = "1"
        XCTAssertEqual(force.businessJSON()["total_service_charge_refund_amount"], .int(0))
        XCTAssertEqual(force.businessJSON()["total_refund_amount"], .int(50))
        XCTAssertEqual(force.businessJSON()["refund_scene"], .string("force"))
        XCTAssertEqual(force.businessJSON()["refund_scene_official_reason_code"], .string("1"))
        XCTAssertNoThrow(try force.validate())
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
        m.mainBizOrderId = 0
        XCTAssertEqual(field(m), "main_biz_order_id")
        m = base
        m.tickets = []
        XCTAssertEqual(field(m), "refund_ticket_detail_list", "docs/PROTOCOL.md (TOP callbacks): the detail list is required")
        m = base
        m.tickets = [.init(agentTicketId: "T1", refundFen: 0, serviceChargeRefundFen: 0)]
        XCTAssertEqual(field(m), "total_refund_amount")
        m = base
        m.tickets = [.init(agentTicketId: nil, refundFen: 1000, serviceChargeRefundFen: 200)]
        XCTAssertEqual(field(m), "refund_ticket_detail_list[0]")
        m.tickets[0].passengerIdNum = "110101199001011234"
        XCTAssertNil(field(m))
        m.tickets[0].refundFen = -1
        XCTAssertEqual(field(m), "refund_ticket_detail_list[0]")
        m = base
        m.officialReasonCode = "3"
        XCTAssertEqual(field(m), "refund_scene_official_reason_code")
    }
}
