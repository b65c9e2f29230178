import XCTest
@testable import TOP

final class RefundConfirmTests: XCTestCase {
    func testProtocolVectorBusinessJSON() throws {
        let r = RefundConfirm(agentOrderId: "332030233666", status: .success, returnType: .perOrder,
                              refundAmountFen: 1050, passengerName: "张三")
        XCTAssertEqual(r.businessJSON().compactText,
                       #"{"agent_order_id":"332030233666","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"10.5","passenger_name":"张三"}"#)
        XCTAssertNoThrow(try r.validate())
        XCTAssertEqual(r.method, "taobao.bus.agent.refund.confirm")
        XCTAssertEqual(r.paramName, "param_agent_confirm_return_and_refund_r_q")
    }

    func testEverySeedFieldIsWritten() throws {
        let r = RefundConfirm(agentOrderId: "332030233666", status: .success, returnType: .perTicket,
                              refundAmountFen: 1000, refundTransId: "x123", agentTicketId: "23023423255",
                              passengerIdNum: "12345678998765432X", passengerName: "张三", passengerPhone: "18909080908",
                              returnTime: "2018-07-01 07:07:07", departDate: "2018-07-01 07:07:07",
                              mainBizOrderId: 123_456_789, returnTicketCode: 1905, extAttr: #"{"id":1}"#,
                              returnMode: .offline, refundScene: .force, officialReasonCode: "1")
        let json = r.businessJSON()
        let keys = json.objectValue!.map(\.0)
        XCTAssertEqual(Set(keys), [
            "agent_order_id", "agent_refund_amount", "agent_refund_trans_id", "agent_return_ticket_status",
            "agent_return_ticket_type", "agent_return_time", "agent_ticket_id", "depart_date", "main_biz_order_id",
            "passenger_id_num", "passenger_name", "passenger_phone", "agent_return_ticket_code", "agent_ext_attr",
            "agent_return_mode", "refund_scene", "refund_scene_official_reason_code",
        ])
        XCTAssertEqual(json["agent_return_ticket_type"], .int(0))  // 0 is a real value: sent
        XCTAssertEqual(json["agent_refund_amount"], "10")
        XCTAssertEqual(json["main_biz_order_id"], .int(123_456_789))
        XCTAssertEqual(json["agent_return_ticket_code"], .int(1905))
        XCTAssertEqual(json["agent_ext_attr"], #"{"id":1}"#)
        XCTAssertEqual(json["refund_scene"], "force")
        XCTAssertEqual(r.idempotencyKey, "x123")
        XCTAssertNoThrow(try r.validate())
    }

    func testValidationRules() {
        func field(_ r: RefundConfirm) -> String? {
            do { try r.validate(); return nil } catch let e as CallbackValidationError { return e.field } catch { return "?" }
        }
        let ok = RefundConfirm(agentOrderId: "A1", status: .success, returnType: .perOrder, refundAmountFen: 0)
        XCTAssertNil(field(ok))
        var r = ok
        r.refundAmountFen = nil
        XCTAssertEqual(field(r), "agent_refund_amount")
        r.refundAmountFen = -1
        XCTAssertEqual(field(r), "agent_refund_amount")
        r = ok
        r.status = .failure
        XCTAssertEqual(field(r), "agent_return_ticket_code")
        r.returnTicketCode = 1905
        r.refundAmountFen = nil
        XCTAssertNil(field(r))
        r = ok
        r.returnType = .perTicket
        XCTAssertEqual(field(r), "passenger_id_num")
        r.passengerIdNum = "110101199001011234"
        XCTAssertEqual(field(r), "agent_ticket_id")
        r.agentTicketId = "T1"
        XCTAssertNil(field(r))
        r.agentOrderId = " "
        XCTAssertEqual(field(r), "agent_order_id")
        r = ok
        r.returnTime = "2018-07-01"
        XCTAssertEqual(field(r), "agent_return_time")
        r = ok
        r.officialReasonCode = "9"
        XCTAssertEqual(field(r), "refund_scene_official_reason_code")
    }

    func testEmptyStringsAreOmitted() {
        let r = RefundConfirm(agentOrderId: "A1", status: .success, returnType: .perOrder, refundAmountFen: 5,
                              refundTransId: "", passengerName: "")
        XCTAssertEqual(r.businessJSON().compactText,
                       #"{"agent_order_id":"A1","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"0.05"}"#)
    }
}
