import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest

/// Every refusal over a real socket, each with a create-order body that WOULD write if it
/// got through: the answer carries its code, and no other connection sees a commit.
final class StoreHandlerRefusalTests: XCTestCase {
    var fixture: QimenStoreFixture!
    var url = ""
    let createMethod = QimenMethodTable.defaults.methodName(.createOrder)

    override func setUpWithError() throws {
        fixture = try QimenStoreFixture()
        url = try fixture.startServer(workers: 2).url
    }

    override func tearDown() { fixture = nil }

    private func body(_ id: String = "6100000001") throws -> [UInt8] {
        try fixture.orderBody(alitripId: id, scheduleId: QimenGoldenTests.perOrder).encoded()
    }

    /// POSTs a hand-made URL (already signed or deliberately not) and answers the parsed body.
    private func post(_ target: String, _ body: [UInt8]) throws -> (Int, JSON?) {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json;charset=utf-8")
        let response = try HTTPClient().post(url: target, headers: headers, body: body, timeout: 5)
        return (response.status, try? JSON.parse(response.body))
    }

    private func signedURL(_ body: [UInt8], method: String? = nil, secret: String = QimenStoreFixture.secret,
                           at date: Date = QimenStoreFixture.nowDate) -> String {
        fixture.client(url: url, secret: secret, at: date).signedURL(method: method ?? createMethod, body: body, at: date)
    }

    /// Runs `attempt`, then checks nothing was committed and no order row appeared.
    private func assertNothingWritten(_ what: String, _ attempt: () throws -> Void) throws {
        let version = try fixture.dataVersion()
        let orders = try fixture.count("SELECT count(*) FROM orders")
        let audit = try fixture.count("SELECT count(*) FROM audit")
        try attempt()
        XCTAssertEqual(try fixture.dataVersion(), version, "\(what): a commit happened")
        XCTAssertEqual(try fixture.count("SELECT count(*) FROM orders"), orders, what)
        XCTAssertEqual(try fixture.count("SELECT count(*) FROM audit"), audit, what)
    }

    private func assertRefused(_ what: String, _ expected: String, _ target: String, _ body: [UInt8]) throws {
        try assertNothingWritten(what) {
            let (status, json) = try post(target, body)
            XCTAssertEqual(status, 200, what)
            // Booleans everywhere except the sign refusal, which is sent as the pages print it ("false").
            XCTAssertTrue(json?["success"] == false || (expected == "sign-check-failure" && json?["success"] == "false"), what)
            XCTAssertEqual(json?["retCode"]?.stringValue, expected, what)
        }
    }

    func testBadSignatureIsIllegalRequestAndWritesNothing() throws {
        let b = try body()
        try assertRefused("wrong secret", "sign-check-failure", signedURL(b, secret: "not-the-secret"), b)
        var tampered = b
        tampered[tampered.count / 2] ^= 0x01
        try assertRefused("tampered body", "sign-check-failure", signedURL(b), tampered)
        let (_, json) = try post(signedURL(b, secret: "x"), b)
        XCTAssertEqual(json, ["retDesc": "Illegal request", "success": "false", "retCode": "sign-check-failure"])
    }

    func testMissingSignIsRefused() throws {
        let b = try body()
        let unsigned = signedURL(b).components(separatedBy: "&").filter { !$0.hasPrefix("sign=") }.joined(separator: "&")
        XCTAssertFalse(unsigned.contains("sign="))
        try assertRefused("missing sign", "sign-check-failure", unsigned, b)
    }

    func testStaleTimestampIsRefused() throws {
        let b = try body()
        try assertRefused("11 minutes old", "timestamp-expired", signedURL(b, at: QimenStoreFixture.nowDate - 660), b)
        try assertRefused("11 minutes ahead", "timestamp-expired", signedURL(b, at: QimenStoreFixture.nowDate + 660), b)
    }

    func testMalformedJSONIsParseError() throws {
        let broken = Array(#"{"alitripOrderId":"6100000001","scheduleId":"#.utf8)
        try assertRefused("truncated JSON", "response-body-parse-error", signedURL(broken), broken)
    }

    func testUnknownMethodIsRefused() throws {
        let b = try body()
        try assertRefused("unknown method", "method-not-found", signedURL(b, method: "qimen.alitrip.custombus.order.steal"), b)
    }

    func testOversizedBodyIs413AndWritesNothing() throws {
        var big = try body()
        big.removeLast()
        big += Array(#","padding":""#.utf8) + [UInt8](repeating: 0x61, count: 1024 * 1024) + Array(#""}"#.utf8)
        try assertNothingWritten("oversized body") {
            do {
                let (status, _) = try post(signedURL(big), big)
                XCTAssertEqual(status, 413)
            } catch is HTTPClientError {
                // The server answers 413 from Content-Length and closes; a client still
                // writing the body may see the reset first. Either way nothing was processed.
            }
        }
    }

    /// A name carrying a C1 control (U+009B is CSI to a terminal, so `busops list` would have printed an escape
    /// sequence) or a line separator is refused like a C0 control; before, only C0 and DEL were refused.
    func testC1ControlsAndLineSeparatorsInANameAreRefusedAndWriteNothing() throws {
        for (k, escaped) in ["\\u009b2J", "\\u0085", "\\u2028"].enumerated() {
            let text = String(decoding: try body("61000000\(10 + k)"), as: UTF8.self)
            XCTAssertTrue(text.contains("测试联系人"))
            let b = Array(text.replacingOccurrences(of: "测试联系人", with: "测试" + escaped).utf8)
            try assertRefused("contactName with \(escaped)", "param-invalid", signedURL(b), b)
            let (_, json) = try post(signedURL(b), b)
            XCTAssertEqual(json?["retDesc"]?.stringValue, "contactName contains control characters")
        }
    }

    /// Every Bidi_Control character (U+202E RIGHT-TO-LEFT OVERRIDE is the Trojan-Source one) in a passenger or contact
    /// name is refused with the field and code point named; before, all twelve were stored. Sent both JSON-escaped and raw.
    func testBidiControlsInANameAreRefusedAndWriteNothing() throws {
        let bidi: [UInt32] = [0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for (k, value) in bidi.enumerated() {
            let hex = String(value, radix: 16, uppercase: true).leftPadded(4)
            let point = "U+" + hex
            let raw = String(Character(Unicode.Scalar(value)!))
            let text = String(decoding: try body("61000001\(10 + k)"), as: UTF8.self)
            let cases = [("passengerName", "测试0", "测试\\u" + hex.lowercased() + "0"),
                         ("contactName", "测试联系人", "测试" + raw + "联系人")]
            for (field, clean, poisoned) in cases {
                XCTAssertTrue(text.contains(#""\#(clean)""#), field)
                let b = Array(text.replacingOccurrences(of: #""\#(clean)""#, with: #""\#(poisoned)""#).utf8)
                try assertRefused("\(field) with \(point)", "param-invalid", signedURL(b), b)
                let (_, json) = try post(signedURL(b), b)
                XCTAssertEqual(json?["retDesc"]?.stringValue, "\(field) contains a bidirectional formatting character (\(point))")
            }
        }
    }

    /// The refusal is of the formatting characters, not of right-to-left scripts: Hebrew and Arabic letters commit.
    func testRightToLeftLettersInANameAreAccepted() throws {
        let text = String(decoding: try body("6100000130"), as: UTF8.self)
        let b = Array(text.replacingOccurrences(of: #""测试0""#, with: #""测试עברית عربي""#).utf8)
        let (_, json) = try post(signedURL(b), b)
        XCTAssertEqual(json?["success"], true, "\(String(describing: json))")
        XCTAssertEqual(try fixture.count("SELECT count(*) FROM tickets WHERE name = '测试עברית عربي'"), 1)
    }

    /// A bad phone is named by the field Fliggy sent: `contactMobile` used to be answered "contactPhone must be …".
    func testABadPhoneIsNamedByTheFieldSent() throws {
        for (k, field) in ["contactMobile", "contactPhone"].enumerated() {
            let text = String(decoding: try body("61000000\(20 + k)"), as: UTF8.self)
            let b = Array(text.replacingOccurrences(of: #""contactMobile":"13900000000""#, with: #""\#(field)":"abc""#).utf8)
            try assertRefused("\(field) abc", "param-invalid", signedURL(b), b)
            let (_, json) = try post(signedURL(b), b)
            XCTAssertEqual(json?["retDesc"]?.stringValue, "\(field) must be an 11-digit mobile number")
        }
    }

    func testValidRequestDoesWrite() throws {
        // The control: the same body, properly signed, commits (so the checks above can fail).
        let b = try body()
        let version = try fixture.dataVersion()
        let (_, json) = try post(signedURL(b), b)
        XCTAssertEqual(json?["success"], true, "\(String(describing: json))")
        XCTAssertNotEqual(try fixture.dataVersion(), version)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
