import Foundation
import HTTP
@testable import Qimen
import TOP
import TestFixtures
import XCTest

final class QimenClientTests: XCTestCase {
    let vectorTime = TopClock.parse("2026-11-21 10:00:00")!

    /// The client reproduces docs/PROTOCOL.md's vector: same parameters, same body, same sign.
    func testGoldenSignedRequest() {
        let client = QimenClient(url: "http://127.0.0.1:8080/qimen", secret: Secret("testsecret"))
        let body = Array(#"{"cityName":"香港","cityCode":"810100"}"#.utf8)
        let url = client.signedURL(method: "qimen.alitrip.bus.product.querystation", body: body, at: vectorTime)
        XCTAssertEqual(url, "http://127.0.0.1:8080/qimen?method=qimen.alitrip.bus.product.querystation"
            + "&timestamp=2026-11-21%2010%3A00%3A00&format=json&app_key=12345678&v=2.0&sign_method=md5"
            + "&customerId=2200000000&target_app_key=87654321&sign=B6138F0C1C7AAFE60E26CA7E327252B1")
    }

    func testEndToEndOverLoopback() throws {
        let handler = FakeHandler()
        handler.answer = .success([("leftTicketCnt", 7), ("ticketPrice", "4500")])
        let router = QimenRouter(config: QimenConfig(secrets: [.production: Secret("s3cret")]), handler: handler)
        let server = HTTPServer(port: 0, workers: 2, handler: router.httpHandler)
        let records = LockedRecords()
        server.onAccess = { records.append($0) }
        try server.start()
        defer { server.stop(graceTimeout: 1) }
        let url = "http://127.0.0.1:\(server.port)/qimen"

        let good = QimenClient(url: url, secret: Secret("s3cret"))
        let answer = try good.call(.seats, body: ["scheduleId": "S1", "fromDate": "2026-11-22"], timeout: 3)
        XCTAssertEqual(answer, ["success": true, "retCode": "0", "retDesc": "成功", "leftTicketCnt": 7, "ticketPrice": "4500"])
        XCTAssertEqual(handler.calls.map(\.0), [.seats])

        let bad = QimenClient(url: url, secret: Secret("wrong"))
        XCTAssertEqual(try bad.call(.createOrder, body: [:], timeout: 3)["retCode"], "sign-check-failure")
        XCTAssertEqual(handler.calls.count, 1, "refused request never reached the handler")

        XCTAssertEqual(records.waitForCount(2).map(\.tag), ["qimen.alitrip.custombus.product.seat.query 0",
                                                "qimen.alitrip.custombus.order.create sign-check-failure"])
        XCTAssertFalse(records.all.contains { $0.line.contains("sign=") })
    }

    func testTransportErrorsAreWrapped() throws {
        let port = try LoopbackPort.unused()
        let client = QimenClient(url: "http://127.0.0.1:\(port)/qimen", secret: Secret("x"))
        XCTAssertThrowsError(try client.call(.fromCity, body: [:], timeout: 1)) {
            XCTAssertEqual($0 as? QimenClientError, .transport(.connectionRefused))
        }
    }
}

/// Access records from the server's threads (TestFixtures' LockedList).
typealias LockedRecords = LockedList<AccessRecord>
