import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import TestFixtures
import XCTest

/// A demo store (100 orders, seed 1) made at a fixed instant, the store-backed handler, and
/// a router on the same fixed clock, so every answer is reproducible. Optionally a real
/// server on an ephemeral loopback port. Everything is removed when the fixture goes.
final class QimenStoreFixture {
    /// 2026-11-21 10:00:00 GMT+8.
    static let now = TemporaryStore.fixedNow
    static let nowDate = Date(timeIntervalSince1970: TimeInterval(now))
    static let secret = "prodsecret"

    let temp = TemporaryStore(label: "busops-qimen")
    var dir: String { temp.dir }
    var path: String { temp.path }
    let handler: QimenStoreHandler
    let router: QimenRouter
    /// A second connection: PRAGMA data_version moves when any other connection commits.
    let observer: Store
    private(set) var server: HTTPServer?

    init(settings: QimenSalesSettings = QimenSalesSettings(), orders: Int = 100) throws {
        _ = try temp.demo(orders: orders, seed: 1, now: Self.now)
        handler = try QimenStoreHandler(path: temp.path, settings: settings)
        router = QimenRouter(config: QimenConfig(secrets: [.production: Secret(Self.secret)]), handler: handler,
                             clock: { QimenStoreFixture.nowDate })
        observer = try Store(path: temp.path)
    }

    deinit {
        server?.stop(graceTimeout: 1)
    }

    /// Starts the HTTP server (port 0) and answers a client signing with the fixture's clock.
    func startServer(workers: Int = 8, options: HTTPServer.Options = HTTPServer.Options()) throws -> QimenClient {
        let server = HTTPServer(host: "127.0.0.1", port: 0, workers: workers, options: options, handler: router.httpHandler)
        try server.start()
        self.server = server
        return client(url: "http://127.0.0.1:\(server.port)/qimen")
    }

    func client(url: String = "http://127.0.0.1:1/qimen", secret: String = secret, at date: Date = nowDate) -> QimenClient {
        QimenClient(url: url, secret: Secret(secret), clock: { date })
    }

    /// The request a Qimen gateway would send, signed by the client's own code.
    func request(_ method: String, body: [UInt8], secret: String = secret, at date: Date = nowDate) -> HTTPRequest {
        let url = client(secret: secret, at: date).signedURL(method: method, body: body, at: date)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json;charset=utf-8")
        return HTTPRequest(method: "POST", target: String(url.dropFirst("http://127.0.0.1:1".count)), headers: headers, body: body)
    }

    func request(_ interface: QimenInterface, _ body: JSON) -> HTTPRequest {
        request(QimenMethodTable.defaults.methodName(interface), body: body.encoded())
    }

    /// Through the router without a socket: the response text.
    func answerText(_ interface: QimenInterface, _ body: JSON) -> String {
        router.respond(to: request(interface, body)).bodyText
    }

    func answer(_ interface: QimenInterface, _ body: JSON) throws -> JSON {
        try JSON.parse(router.respond(to: request(interface, body)).body)
    }

    func dataVersion() throws -> Int64 { try observer.dataVersion() }

    func count(_ sql: String) throws -> Int { Int(try observer.db.scalarInt(sql) ?? -1) }

    /// A valid create-order body (docs/PROTOCOL.md 63228) for a schedule, whole route, 1 passenger unless told, priced right.
    func orderBody(alitripId: String, scheduleId: String, passengers: Int = 1, seed: Int = 0) throws -> JSON {
        let s = try observer.scheduleSeats(scheduleId)!
        let people: [JSON] = (0..<passengers).map { k -> JSON in
            .object([("passengerName", .string("测试\(k)")), ("passengerCertificateNo", .string(Self.residentID(seed * 10 + k))),
                     ("passengerCertificateType", "1"), ("passengerType", "0"), ("ticketPrice", .int(Int64(s.priceFen)))])
        }
        let departs = ChinaTime.second(s.departsAt)
        return ["alitripOrderId": .string(alitripId), "scheduleId": .string(scheduleId), "lineId": .string(s.lineId),
                "fromDate": .string(String(departs.prefix(10))), "fromTime": .string(String(departs.suffix(8))),
                "ticketCount": .int(Int64(passengers)), "ticketAmount": .int(Int64(s.priceFen)),
                "orderAmount": .int(Int64((s.priceFen + s.serviceFeeFen) * passengers)),
                "contactName": "测试联系人", "contactMobile": "13900000000", "passengerList": .array(people)]
    }

    /// A valid 18-digit resident ID (invented), different for each n.
    static func residentID(_ n: Int) -> String {
        let seq = String(100 + n % 900)
        let first17 = "33010619900101" + seq
        return first17 + String(PersonalData.idCheckCharacter(first17)!)
    }
}
