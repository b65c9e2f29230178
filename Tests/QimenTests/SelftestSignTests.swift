import Foundation
import HTTP
@testable import Qimen
import TOP
import XCTest

/// `busops selftest --explain-sign` on docs/PROTOCOL.md's Qimen vector (secret `testsecret`).
final class SelftestSignTests: XCTestCase {
    // docs/PROTOCOL.md's Qimen vector, as QimenSignatureTests holds it.
    static let query = QimenSignatureTests.vectorQuery
    static let body = QimenSignatureTests.vectorBody
    static let sign = QimenSignatureTests.vectorSign
    static let now = TopClock.parse("2026-11-21 10:01:00")!

    private func explain(sign: String?, body: [UInt8] = body, secret: String = "testsecret") -> SignatureExplanation {
        let url = "http://127.0.0.1:8080/qimen?" + Self.query + (sign.map { "&sign=" + $0 } ?? "")
        return SignatureExplanation(url: url, body: body, secret: Secret(secret), now: Self.now)
    }

    func testProtocolVectorMatches() {
        let e = explain(sign: Self.sign)
        XCTAssertEqual(e.expected, Self.sign)
        XCTAssertTrue(e.matches)
        XCTAssertNil(e.firstDifference)
        XCTAssertEqual(e.canonical, "app_key12345678customerId2200000000formatjsonmethodqimen.alitrip.bus.product.querystation"
            + "sign_methodmd5target_app_key87654321timestamp2026-11-21 10:00:00v2.0")
        XCTAssertEqual(e.pairs.map(\.0), ["app_key", "customerId", "format", "method", "sign_method", "target_app_key", "timestamp", "v"])
        let text = e.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("result: match"), text)
        XCTAssertTrue(text.contains("expected sign: " + Self.sign), text)
        XCTAssertFalse(text.contains("testsecret"), "the secret is never shown")
        XCTAssertFalse(text.contains("note:"), "timestamp within the window")
    }

    func testCanonicalStringIsTheSignersOwn() {
        // The same text QimenSignature signs, minus the body: verify() and explain agree.
        let pairs = QimenSignature.parameters(query: FormDecoding.decode(Self.query), headers: HTTPHeaders(), formFields: [])
        XCTAssertEqual(Array(QimenSignature.canonicalString(pairs).utf8) + Self.body,
                       QimenSignature.signingBytes(pairs, body: Self.body))
        XCTAssertEqual(QimenSignature.sign(pairs, body: Self.body, secret: Secret("testsecret")), Self.sign)
    }

    func testWhereAGivenSignDiffers() {
        let wrong = explain(sign: "B6138F0C1C7AAFE60E26CA7E327252B2")
        XCTAssertFalse(wrong.matches)
        XCTAssertEqual(wrong.firstDifference, 32)
        XCTAssertTrue(wrong.lines.contains { $0.hasPrefix("result: differs at character 32 (given '2', expected '1')") })
        let lower = explain(sign: Self.sign.lowercased())
        XCTAssertTrue(lower.matches)
        XCTAssertTrue(lower.lines.contains { $0.hasPrefix("result: match (the given sign is lower case") })
        let short = explain(sign: "B6138F")
        XCTAssertEqual(short.firstDifference, 7)
        XCTAssertTrue(short.lines.contains { $0.contains("given has 6 characters, a sign has 32") })
        let none = explain(sign: nil)
        XCTAssertFalse(none.matches)
        XCTAssertTrue(none.lines.contains("given sign:    (none: the URL has no sign parameter)"))
        // A body re-serialised with a space no longer matches: the body is signed as sent.
        XCTAssertFalse(explain(sign: Self.sign, body: Array(#"{"cityName": "香港","cityCode":"810100"}"#.utf8)).matches)
        XCTAssertFalse(explain(sign: Self.sign, secret: "prodsecret").matches)
    }

    func testServerTextInTheExplanationIsEscaped() {
        let e = SignatureExplanation(url: "http://h/q?method=a%1B%5B2Jb&sign=x", body: Array("\u{1B}]0;t\u{07}".utf8),
                                     secret: Secret("s"), now: Self.now)
        let text = e.lines.joined(separator: "\n")
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, text)
        XCTAssertTrue(text.contains("note: no timestamp parameter"), text)
    }
}
