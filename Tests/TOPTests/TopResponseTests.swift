import XCTest
@testable import TOP

final class TopResponseTests: XCTestCase {
    private let method = "taobao.bus.agent.refund.confirm"

    private func parse(_ text: String, method: String? = "taobao.bus.agent.refund.confirm") throws -> TopOutcome {
        try TopResponse.parse(Array(text.utf8), method: method)
    }

    func testResponseKey() {
        XCTAssertEqual(TopResponse.responseKey(for: method), "bus_agent_refund_confirm_response")
        XCTAssertEqual(TopResponse.responseKey(for: "taobao.bus.item.notify"), "bus_item_notify_response")
    }

    func testShapes() throws {
        XCTAssertEqual(try parse(#"{"bus_agent_refund_confirm_response":{"is_success":true,"result_code":"0","result_msg":"ok","request_id":"r1"}}"#),
                       .accepted(code: "0", message: "ok"))
        XCTAssertEqual(try parse(#"{"is_success":false,"result_code":"PARAM_CHECK_INVALID_ORDER_ID","result_msg":"无效平台/商家订单"}"#),
                       .refused(code: "PARAM_CHECK_INVALID_ORDER_ID", message: "无效平台/商家订单"))
        XCTAssertEqual(try parse(#"{"error_response":{"code":50,"msg":"Remote service error","sub_code":"isv.invalid-parameter","sub_msg":"非法参数","request_id":"x"}}"#),
                       .platformError(code: 50, msg: "Remote service error", subCode: "isv.invalid-parameter", subMsg: "非法参数"))
        XCTAssertEqual(try parse(#"{"error_response":{"code":"7","msg":"App Call Limited"}}"#),
                       .platformError(code: 7, msg: "App Call Limited", subCode: nil, subMsg: nil))
        XCTAssertEqual(try parse(#"{"code":25,"msg":"Invalid signature"}"#),
                       .platformError(code: 25, msg: "Invalid signature", subCode: nil, subMsg: nil))
        // Wrapped without knowing the method: a single wrapper is accepted.
        XCTAssertEqual(try parse(#"{"bus_item_notify_response":{"is_success":true}}"#, method: nil),
                       .accepted(code: nil, message: nil))
        XCTAssertEqual(try parse(#"{"bus_agent_refund_confirm_response":{"is_success":"true"}}"#),
                       .accepted(code: nil, message: nil))
        // No verdict: treated as a refusal the operator must look at, not as success.
        guard case .refused = try parse(#"{"bus_agent_refund_confirm_response":{"request_id":"r"}}"#) else {
            return XCTFail("missing is_success must not count as accepted")
        }
    }

    func testUnreadableBodiesThrow() {
        for body in ["", "<xml/>", "{", "[]", #"{"other_response":{"is_success":true}}"#,
                     #"{"error_response":{"msg":"no code"}}"#, #"{"a":1}"#] {
            XCTAssertThrowsError(try parse(body), body)
        }
    }
}
