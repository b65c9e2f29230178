import XCTest
@testable import TOP

final class RetryPolicyTests: XCTestCase {
    private let policy = RetryPolicy()

    private func platform(_ code: Int, _ sub: String? = nil, msg: String = "m") -> Disposition {
        policy.disposition(for: .platformError(code: code, msg: msg, subCode: sub, subMsg: nil))
    }

    private func isDeadLetter(_ d: Disposition) -> Bool {
        if case .deadLetter = d { return true }
        return false
    }

    func testTransportFailuresRetry() {
        for failure in [TransportFailure.connectionRefused, .connectionReset, .timeout, .other("tls")] {
            XCTAssertEqual(policy.disposition(for: failure), .retry(afterSeconds: nil), "\(failure)")
        }
    }

    func testHTTPStatus() {
        let ok = Array(#"{"bus_agent_refund_confirm_response":{"is_success":true}}"#.utf8)
        for status in [500, 502, 503, 504, 429] {
            XCTAssertEqual(policy.classify(status: status, body: ok, method: nil).disposition, .retry(afterSeconds: nil))
        }
        XCTAssertEqual(policy.classify(status: 200, body: ok, method: "taobao.bus.agent.refund.confirm").disposition, .done)
        // Malformed JSON on 200: retry.
        XCTAssertEqual(policy.classify(status: 200, body: Array("{\"bus_agent".utf8), method: nil).disposition,
                       .retry(afterSeconds: nil))
        XCTAssertTrue(isDeadLetter(policy.classify(status: 404, body: Array("Not Found".utf8), method: nil).disposition))
    }

    func testBanCode7WaitsTheStatedSeconds() {
        XCTAssertEqual(platform(7, msg: "App Call Limited, This ban will last for 5 more seconds"), .retry(afterSeconds: 5))
        XCTAssertEqual(platform(7, msg: "This ban will last for 71 more seconds"), .retry(afterSeconds: 71))
        XCTAssertEqual(platform(7, msg: "App Call Limited"), .retry(afterSeconds: nil))
        XCTAssertEqual(policy.disposition(for: .platformError(code: 7, msg: "App Call Limited", subCode: "accesscontrol.limited-by-app-access-count",
                                                              subMsg: "This ban will last for 12 more seconds")),
                       .retry(afterSeconds: 12))
    }

    func testRetryableCodes() {
        XCTAssertEqual(platform(8), .retry(afterSeconds: nil))
        XCTAssertEqual(platform(10), .retry(afterSeconds: nil))
        XCTAssertEqual(platform(15, "isp.remote-service-error"), .retry(afterSeconds: nil))
        XCTAssertEqual(platform(50, "isp.unknown-error"), .retry(afterSeconds: nil))
        XCTAssertEqual(platform(50), .retry(afterSeconds: nil))
    }

    func testDeadLetterCodes() {
        XCTAssertTrue(isDeadLetter(platform(50, "isv.invalid-parameter")))
        XCTAssertTrue(isDeadLetter(platform(15, "isv.missing-parameter")))
        for code in [9, 11, 12, 13, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 40, 41, 42, 43, 47] {
            XCTAssertTrue(isDeadLetter(platform(code)), "code \(code)")
        }
        XCTAssertTrue(isDeadLetter(platform(999)))
        if case let .deadLetter(reason) = policy.disposition(for: .platformError(code: 25, msg: "Invalid signature",
                                                                                 subCode: "isv.sign", subMsg: "签名错误")) {
            XCTAssertEqual(reason, "TOP error 25 Invalid signature (isv.sign: 签名错误)")
        } else {
            XCTFail()
        }
    }

    func testBusinessOutcomes() {
        XCTAssertEqual(policy.disposition(for: .accepted(code: nil, message: nil)), .done)
        XCTAssertEqual(policy.disposition(for: .refused(code: "REFUND_ALREADY_DEAL_DONE", message: "已处理")), .done)
        XCTAssertEqual(policy.disposition(for: .refused(code: "PARAM_CHECK_INVALID_ORDER_ID", message: "无效平台/商家订单")),
                       .deadLetter(reason: "Fliggy refused: PARAM_CHECK_INVALID_ORDER_ID 无效平台/商家订单"))
        let custom = RetryPolicy(alreadyDoneCodes: ["MY_DONE"])
        XCTAssertEqual(custom.disposition(for: .refused(code: "MY_DONE", message: nil)), .done)
        XCTAssertTrue(isDeadLetter(custom.disposition(for: .refused(code: "REFUND_ALREADY_DEAL_DONE", message: nil))))
    }
}
