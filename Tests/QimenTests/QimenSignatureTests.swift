import HTTP
@testable import Qimen
import TOP
import XCTest

final class QimenSignatureTests: XCTestCase {
    static let vectorQuery = "app_key=12345678&customerId=2200000000&format=json&method=qimen.alitrip.bus.product.querystation"
        + "&sign_method=md5&target_app_key=87654321&timestamp=2026-11-21+10%3A00%3A00&v=2.0"
    static let vectorBody = Array(#"{"cityName":"香港","cityCode":"810100"}"#.utf8)
    static let vectorSign = "B6138F0C1C7AAFE60E26CA7E327252B1"
    let secret = Secret("testsecret")

    private func request(query: String, body: [UInt8] = vectorBody, headers: HTTPHeaders = HTTPHeaders()) -> HTTPRequest {
        HTTPRequest(method: "POST", target: "/qimen?" + query, headers: headers, body: body)
    }

    func testProtocolVector() {
        let pairs = QimenSignature.parameters(query: FormDecoding.decode(Self.vectorQuery), headers: HTTPHeaders(),
                                              formFields: [])
        XCTAssertEqual(QimenSignature.sign(pairs, body: Self.vectorBody, secret: secret), Self.vectorSign)
    }

    func testVerifyAcceptsVectorRequestInAnyHexCase() {
        XCTAssertTrue(QimenSignature.verify(request(query: Self.vectorQuery + "&sign=" + Self.vectorSign), secret: secret))
        XCTAssertTrue(QimenSignature.verify(request(query: "sign=" + Self.vectorSign.lowercased() + "&" + Self.vectorQuery),
                                            secret: secret))
    }

    func testVerifyRefusesTamperingAndMissingSign() {
        let signed = Self.vectorQuery + "&sign=" + Self.vectorSign
        XCTAssertFalse(QimenSignature.verify(request(query: Self.vectorQuery), secret: secret), "no sign")
        XCTAssertFalse(QimenSignature.verify(request(query: Self.vectorQuery + "&sign="), secret: secret), "empty sign")
        XCTAssertFalse(QimenSignature.verify(request(query: signed), secret: Secret("othersecret")))
        XCTAssertFalse(QimenSignature.verify(request(query: signed, body: Array(#"{"cityName":"香港","cityCode":"810101"}"#.utf8)),
                                             secret: secret), "body changed")
        XCTAssertFalse(QimenSignature.verify(request(query: signed.replacingOccurrences(of: "v=2.0", with: "v=2.1")),
                                             secret: secret), "parameter changed")
        // Empty values are signed too: an added empty parameter breaks the signature.
        XCTAssertFalse(QimenSignature.verify(request(query: signed + "&extra="), secret: secret))
        XCTAssertFalse(QimenSignature.verify(request(query: signed), secret: Secret("")), "empty secret never verifies")
    }

    func testSignListedHeadersAreDecodedAndMissingOnesSignEmpty() {
        var headers = HTTPHeaders()
        headers.add("top-sign-list", "x-trace, x-absent")
        headers.add("X-Trace", "a%20b")
        let query = FormDecoding.decode(Self.vectorQuery)
        let pairs = QimenSignature.parameters(query: query, headers: headers, formFields: [])
        XCTAssertTrue(pairs.contains { $0.0 == "x-trace" && $0.1 == "a b" })
        XCTAssertTrue(pairs.contains { $0.0 == "x-absent" && $0.1 == "" })
        let sign = QimenSignature.sign(pairs, body: Self.vectorBody, secret: secret)
        XCTAssertNotEqual(sign, Self.vectorSign)
        XCTAssertTrue(QimenSignature.verify(request(query: Self.vectorQuery + "&sign=" + sign, headers: headers), secret: secret))
        headers.set("X-Trace", "changed")
        XCTAssertFalse(QimenSignature.verify(request(query: Self.vectorQuery + "&sign=" + sign, headers: headers), secret: secret))
    }

    func testFormBodiesAreSignedFieldByFieldNotAsText() {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
        let body = Array("cityName=%E9%A6%99%E6%B8%AF&method=ignored-because-query-has-it".utf8)
        let query = "method=m&timestamp=2026-11-21+10%3A00%3A00"
        let expected = QimenSignature.sign([("method", "m"), ("timestamp", "2026-11-21 10:00:00"), ("cityName", "香港")],
                                           body: [], secret: secret)
        XCTAssertTrue(QimenSignature.verify(request(query: query + "&sign=" + expected, body: body, headers: headers),
                                            secret: secret))
    }

    func testSortingIsByBytesNotByLocale() {
        let bytes = QimenSignature.signingBytes([("b", "2"), ("B", "1"), ("a", ""), ("_", "u")], body: Array("X".utf8))
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "B1_ua" + "b2X")
    }
}
