import Foundation
import XCTest
@testable import TOP

final class TopRequestTests: XCTestCase {
    private let vectorRefund = RefundConfirm(agentOrderId: "332030233666", status: .success, returnType: .perOrder,
                                             refundAmountFen: 1050, passengerName: "张三")
    /// 2026-11-21 10:00:00 GMT+8.
    private let at = Date(timeIntervalSince1970: 1_795_226_400)

    private func config(_ method: SignMethod = .md5) -> TopConfig {
        TopConfig(gateway: URL(string: "http://127.0.0.1:8090/router/rest"), appKey: "12345678",
                  secret: Secret("testsecret"), signMethod: method)
    }

    func testGoldenBody() throws {
        let request = try TopRequest.build(vectorRefund, config: config(), timestamp: at)
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self),
                       "method=taobao.bus.agent.refund.confirm&app_key=12345678&timestamp=2026-11-21%2010%3A00%3A00"
                       + "&v=2.0&sign_method=md5&format=json&param_agent_confirm_return_and_refund_r_q="
                       + "%7B%22agent_order_id%22%3A%22332030233666%22%2C%22agent_return_ticket_status%22%3A1"
                       + "%2C%22agent_return_ticket_type%22%3A1%2C%22agent_refund_amount%22%3A%2210.5%22"
                       + "%2C%22passenger_name%22%3A%22%E5%BC%A0%E4%B8%89%22%7D"
                       + "&sign=7047770ED689E4BD48DC810DD7C51A19")
        XCTAssertEqual(request.method, "taobao.bus.agent.refund.confirm")
        XCTAssertNil(request.idempotencyKey)
    }

    func testEachSignMethodMatchesTheProtocolVectors() throws {
        XCTAssertEqual(try TopRequest.build(vectorRefund, config: config(.hmac), timestamp: at).sign,
                       "63B48BEB4C056A7FA427DAD016356765")
        XCTAssertEqual(try TopRequest.build(vectorRefund, config: config(.hmacSHA256), timestamp: at).sign,
                       "5BEAF41785655AD6BC4804355A0EA43044871099052137B38CBEB698D6CE8854")
    }

    func testBodyDecodesBackToSignedParameters() throws {
        var c = config(.hmac)
        c.session = Secret("sess-TOKEN-123")
        c.simplify = true
        c.partnerId = "busops"
        let refund = RefundConfirm(agentOrderId: "A1", status: .success, returnType: .perOrder,
                                   refundAmountFen: 1, refundTransId: "RT-9")
        let request = try TopRequest.build(refund, config: c, timestamp: at)
        let decoded = try FormEncoding.decode(request.body)
        XCTAssertEqual(decoded.map(\.0), ["method", "app_key", "timestamp", "v", "sign_method", "format", "session",
                                          "simplify", "partner_id", "param_agent_confirm_return_and_refund_r_q", "sign"])
        XCTAssertEqual(decoded.map(\.1), request.params.map(\.1))
        XCTAssertTrue(TopSigner.verify(decoded, secret: "testsecret", method: .hmac, sign: request.sign))
        XCTAssertEqual(request.idempotencyKey, "RT-9")
    }

    func testRedactionKeepsSessionAndSecretOut() throws {
        var c = config()
        c.session = Secret("sess-TOKEN-123")
        let request = try TopRequest.build(vectorRefund, config: c, timestamp: at)
        let redacted = try JSON.parse(request.redactedDescription)
        XCTAssertEqual(redacted["session"], "<redacted>")
        XCTAssertEqual(redacted["sign"]?.stringValue, request.sign)
        XCTAssertEqual(redacted["app_key"], "12345678")
        var dumped = ""
        dump(request, to: &dumped)
        for text in [request.redactedDescription, "\(request)", String(reflecting: request), dumped] {
            XCTAssertFalse(text.contains("sess-TOKEN-123"), text)
            XCTAssertFalse(text.contains("testsecret"), text)
        }
        XCTAssertTrue(String(decoding: request.body, as: UTF8.self).contains("session=sess-TOKEN-123"))
    }

    func testRefusesWithoutCredentials() {
        var c = config()
        c.secret = nil
        XCTAssertThrowsError(try TopRequest.build(vectorRefund, config: c, timestamp: at))
        c = config()
        c.appKey = nil
        XCTAssertThrowsError(try TopRequest.build(vectorRefund, config: c, timestamp: at))
    }
}
