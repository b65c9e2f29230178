import Foundation
import HTTP
@testable import Qimen
import TOP
import XCTest

/// Records every call so tests can prove refused requests never reach a handler.
final class FakeHandler: QimenHandling, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [(QimenInterface, JSON)] = []
    var answer: QimenResult = .success([("cities", .array([]))])

    func handle(_ interface: QimenInterface, body: JSON, now: Date) -> QimenResult {
        lock.lock(); defer { lock.unlock() }
        recorded.append((interface, body))
        return answer
    }

    var calls: [(QimenInterface, JSON)] { lock.lock(); defer { lock.unlock() }; return recorded }
}

final class QimenRouterTests: XCTestCase {
    /// 2026-11-21 10:00:00 GMT+8, the PROTOCOL vector's timestamp.
    static let now = TopClock.parse("2026-11-21 10:00:00")!
    let handler = FakeHandler()
    lazy var router = QimenRouter(
        config: QimenConfig(secrets: [.production: Secret("prodsecret"), .test: Secret("testsecret")]),
        handler: handler, clock: { QimenRouterTests.now })

    private func client(secret: String = "prodsecret", at date: Date = now) -> QimenClient {
        QimenClient(url: "http://127.0.0.1:1/qimen", secret: Secret(secret), clock: { date })
    }

    /// Builds the request a Qimen gateway would send, through the client's own signing.
    private func request(method: String = QimenMethodTable.defaults.methodName(.fromCity), body: String = #"{"cityName":"杭"}"#,
                         secret: String = "prodsecret", at date: Date = now, editURL: (String) -> String = { $0 }) -> HTTPRequest {
        let bytes = Array(body.utf8)
        let url = editURL(client(secret: secret, at: date).signedURL(method: method, body: bytes, at: date))
        let target = String(url.dropFirst("http://127.0.0.1:1".count))
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json;charset=utf-8")
        return HTTPRequest(method: "POST", target: target, headers: headers, body: bytes)
    }

    private func answer(_ request: HTTPRequest) throws -> JSON {
        let response = router.respond(to: request)
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["Content-Type"], "application/json;charset=utf-8")
        return try JSON.parse(response.body)
    }

    func testSignedRequestReachesHandlerAndAnswersFlatEnvelope() throws {
        let response = router.respond(to: request())
        XCTAssertEqual(response.bodyText, #"{"success":true,"retCode":"0","retDesc":"成功","cities":[]}"#)
        XCTAssertEqual(response.tag, "qimen.alitrip.custombus.product.fromcity.query 0")
        XCTAssertEqual(handler.calls.count, 1)
        XCTAssertEqual(handler.calls.first?.0, .fromCity)
        XCTAssertEqual(handler.calls.first?.1, ["cityName": "杭"])
    }

    func testTestEnvironmentSecretIsAcceptedAndTagged() throws {
        let response = router.respond(to: request(secret: "testsecret"))
        XCTAssertEqual(try JSON.parse(response.body)["success"], true)
        XCTAssertEqual(response.tag, "qimen.alitrip.custombus.product.fromcity.query 0 test")
        let prodOnly = QimenRouter(config: router.config, handler: handler, environments: [.production], clock: { Self.now })
        XCTAssertEqual(try JSON.parse(prodOnly.respond(to: request(secret: "testsecret")).body)["retCode"],
                       "sign-check-failure")
    }

    func testBadSignIsRefusedAsIllegalRequest() throws {
        // Byte for byte as every public page prints it, `success` a String (docs/PROTOCOL.md (Qimen) "Answers").
        let body = router.respond(to: request(secret: "wrongsecret")).bodyText
        XCTAssertEqual(body, #"{"retDesc":"Illegal request","success":"false","retCode":"sign-check-failure"}"#)
        XCTAssertTrue(handler.calls.isEmpty)
    }

    func testMissingSignIsRefused() throws {
        let unsigned = request { url in
            url.components(separatedBy: "&").filter { !$0.hasPrefix("sign=") }.joined(separator: "&")
        }
        XCTAssertNil(unsigned.query("sign"))
        XCTAssertEqual(try answer(unsigned)["retCode"], "sign-check-failure")
        XCTAssertTrue(handler.calls.isEmpty)
    }

    func testTamperedBodyIsRefused() throws {
        var tampered = request()
        tampered.body = Array(#"{"cityName":"京"}"#.utf8)
        XCTAssertEqual(try answer(tampered)["retCode"], "sign-check-failure")
        XCTAssertTrue(handler.calls.isEmpty)
    }

    func testStaleAndFutureTimestampsAreRefused() throws {
        for offset in [-601.0, 601.0, -86_400.0] {
            let json = try answer(request(at: Self.now.addingTimeInterval(offset)))
            XCTAssertEqual(json["retCode"], "timestamp-expired", "offset \(offset)")
            XCTAssertEqual(json["success"], false)
        }
        XCTAssertTrue(handler.calls.isEmpty)
        XCTAssertEqual(try answer(request(at: Self.now.addingTimeInterval(-599)))["success"], true, "inside the window")
    }

    func testMalformedJSONIsParseErrorAndNonObjectIsParamInvalid() throws {
        XCTAssertEqual(try answer(request(body: #"{"cityName":"#))["retCode"], "response-body-parse-error")
        XCTAssertEqual(try answer(request(body: "[1,2]"))["retCode"], "param-invalid")
        XCTAssertTrue(handler.calls.isEmpty)
    }

    func testUnknownMethodIsMethodNotFound() throws {
        let response = router.respond(to: request(method: "qimen.alitrip.nothing\u{1b}[31m"))
        XCTAssertEqual(try JSON.parse(response.body)["retCode"], "method-not-found")
        XCTAssertEqual(response.tag, "qimen.alitrip.nothing??31m method-not-found", "caller text is sanitised for logs")
        XCTAssertTrue(handler.calls.isEmpty)
    }

    func testEmptyBodyIsAnEmptyObject() throws {
        XCTAssertEqual(try answer(request(body: ""))["success"], true)
        XCTAssertEqual(handler.calls.first?.1, JSON.object([]))
    }

    func testHandlerFailureBecomesEnvelopeAndCannotForgeSuccess() throws {
        handler.answer = .failure(.seatsInsufficient)
        XCTAssertEqual(try answer(request()), ["success": false, "retCode": "seats-insufficient",
                                               "retDesc": "not enough seats left"])
        handler.answer = .success([("success", false), ("leftTicketCnt", 3)])
        XCTAssertEqual(try answer(request()), ["success": true, "retCode": "0", "retDesc": "成功", "leftTicketCnt": 3])
    }

    func testNonPostIsRefusedWithoutReachingHandler() {
        var get = request()
        get.method = "GET"
        XCTAssertEqual(router.respond(to: get).status, 405)
        XCTAssertTrue(handler.calls.isEmpty)
    }

    func testTimestampForms() {
        XCTAssertEqual(QimenRouter.parseTimestamp("2026-11-21 10:00:00"), Self.now)
        XCTAssertEqual(QimenRouter.parseTimestamp("\(Int(Self.now.timeIntervalSince1970))"), Self.now)
        XCTAssertEqual(QimenRouter.parseTimestamp("\(Int(Self.now.timeIntervalSince1970) * 1000)"), Self.now)
        XCTAssertNil(QimenRouter.parseTimestamp("yesterday"))
        XCTAssertNil(QimenRouter.parseTimestamp("123"))
    }
}
