// The transports map every way a call can fail onto TransportFailure, and GatewayTransport
// picks our own client for http:// (HTTPS goes through the relay: HTTPSRelayTests).

import Foundation
import XCTest
@testable import TOP

final class TransportTests: XCTestCase {
    func testHTTPClientTransportReportsRefusalAndAnswers() throws {
        let port = try RunningFakeTop.closedPort()
        let transport = HTTPClientTransport(connectTimeout: 2)
        let refused = transport.post(url: URL(string: "http://127.0.0.1:\(port)/router/rest")!, body: Array("a=1".utf8),
                                     contentType: TopRequest.contentType, timeout: 2)
        XCTAssertEqual(refused, .failed(.connectionRefused))

        let top = try RunningFakeTop()
        let answered = GatewayTransport().post(url: top.server.url, body: Array("a=1".utf8), contentType: TopRequest.contentType,
                                               timeout: 2)
        guard case let .answered(status, body) = answered else { return XCTFail("\(answered)") }
        XCTAssertEqual(status, 200)
        // Not a signed call: the fake answers like TOP, with error_response code 40.
        XCTAssertEqual(try TopResponse.parse(body), .platformError(code: 40, msg: "Missing Required Arguments", subCode: nil, subMsg: nil))
    }

    func testHangingGatewayIsATimeout() throws {
        let top = try RunningFakeTop(fault: FakeTopFaultSpec(fault: .timeout), hangCapMillis: 1500)
        let request = try TopRequest.build(RefundConfirm(agentOrderId: "A1", status: .success, returnType: .perOrder,
                                                         refundAmountFen: 100, refundTransId: "RT-T"),
                                           config: top.config, timestamp: Date())
        let started = Date()
        let result = HTTPClientTransport().post(url: top.server.url, body: request.body, contentType: TopRequest.contentType,
                                                timeout: 0.5)
        XCTAssertEqual(result, .failed(.timeout))
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.4)
    }
}
