import XCTest
@testable import TOP

final class TopSignerTests: XCTestCase {
    private let business =
        #"{"agent_order_id":"332030233666","agent_return_ticket_status":1,"agent_return_ticket_type":1,"agent_refund_amount":"10.5","passenger_name":"张三"}"#

    private func params(_ method: SignMethod) -> [(String, String)] {
        [
            ("app_key", "12345678"),
            ("method", "taobao.bus.agent.refund.confirm"),
            ("timestamp", "2026-11-21 10:00:00"),
            ("v", "2.0"),
            ("format", "json"),
            ("sign_method", method.rawValue),
            ("param_agent_confirm_return_and_refund_r_q", business),
        ]
    }

    func testProtocolVectors() {
        XCTAssertEqual(TopSigner.sign(params(.md5), secret: "testsecret", method: .md5),
                       "7047770ED689E4BD48DC810DD7C51A19")
        XCTAssertEqual(TopSigner.sign(params(.hmac), secret: "testsecret", method: .hmac),
                       "63B48BEB4C056A7FA427DAD016356765")
        XCTAssertEqual(TopSigner.sign(params(.hmacSHA256), secret: "testsecret", method: .hmacSHA256),
                       "5BEAF41785655AD6BC4804355A0EA43044871099052137B38CBEB698D6CE8854")
    }

    func testSignIgnoresOrderSignAndEmptyValues() {
        let base = params(.md5)
        let expected = TopSigner.sign(base, secret: "testsecret", method: .md5)
        var noisy = Array(base.reversed())
        noisy.append(("sign", "ABCDEF"))
        noisy.append(("session", ""))
        XCTAssertEqual(TopSigner.sign(noisy, secret: "testsecret", method: .md5), expected)
        // But a changed value or secret changes the signature.
        var changed = base
        changed[0].1 = "12345679"
        XCTAssertNotEqual(TopSigner.sign(changed, secret: "testsecret", method: .md5), expected)
        XCTAssertNotEqual(TopSigner.sign(base, secret: "testsecreT", method: .md5), expected)
    }

    func testSigningStringSortsByBytes() {
        // "Z" (0x5A) sorts before "a" (0x61); "é" (0xC3 0xA9) after "z".
        let text = TopSigner.signingBytes([("a", "1"), ("é", "3"), ("Z", "2"), ("sign", "x"), ("b", "")])
        XCTAssertEqual(String(decoding: text, as: UTF8.self), "Z2a1é3")
    }

    func testVerify() {
        let p = params(.hmac)
        let sig = TopSigner.sign(p, secret: "testsecret", method: .hmac)
        XCTAssertTrue(TopSigner.verify(p, secret: "testsecret", method: .hmac, sign: sig))
        XCTAssertTrue(TopSigner.verify(p, secret: "testsecret", method: .hmac, sign: sig.lowercased()))
        XCTAssertFalse(TopSigner.verify(p, secret: "testsecret", method: .md5, sign: sig))
        XCTAssertFalse(TopSigner.verify(p, secret: "other", method: .hmac, sign: sig))
    }

    func testSignMethodNames() {
        XCTAssertEqual(SignMethod(rawValue: "hmac-sha256"), .hmacSHA256)
        XCTAssertEqual(SignMethod.allCases.map(\.rawValue), ["md5", "hmac", "hmac-sha256"])
    }
}
