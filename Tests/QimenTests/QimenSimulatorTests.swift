import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest
import TestFixtures

/// The simulator against a real listener on a demo store made now (it searches today's and
/// the next two days' schedules by the real clock), and against the self-test's fake merchant,
/// which answers docs/PROTOCOL.md's Qimen shapes whatever our own server does.
final class QimenSimulatorTests: XCTestCase {
    func testSimulatorSpeaksThePublishedShapes() throws {
        let fake = try SelftestFakeServer()
        defer { fake.stop() }
        let summary = QimenSimulator(client: QimenClient(url: fake.url, secret: Secret(SelftestFakeServer.secret)),
                                     options: options(rate: 300, duration: 1, seed: 7, workers: 2)).run()
        XCTAssertGreaterThan(summary.count(.createOrder, "0"), 3, summary.text)
        XCTAssertGreaterThan(summary.count(.issueTicket, "0"), 2, summary.text)
        for (name, codes) in summary.counts {
            for bad in ["param-invalid", "transport-error", "sign-check-failure", "order-not-found"] {
                XCTAssertNil(codes[bad], "\(name): \(summary.text)")
            }
        }
        let requests = fake.merchant.requests
        XCTAssertTrue(requests.filter { $0.0 == .toCity }.allSatisfy { $0.1 == ["fromCity": "上海市"] })
        for (_, body) in requests.filter({ $0.0 == .createOrder }) {
            XCTAssertEqual(body["fromTime"]?.stringValue?.count, 8, "HH:mm:ss: \(body)")
            XCTAssertEqual(body["passengerList"]?.arrayValue?.count, body["ticketCount"]?.intValue)
            XCTAssertNotNil(body["contactMobile"]?.stringValue)
        }
        for (_, body) in requests.filter({ $0.0 == .refundApply }) {
            let listed = body["passengerList"]?.arrayValue ?? []
            XCTAssertFalse(listed.isEmpty)
            XCTAssertTrue(listed.allSatisfy { $0["ticketId"]?.stringValue != nil && $0["passengerId"]?.stringValue != nil }, "\(body)")
        }
        for (interface, body) in requests where [.queryOrder, .issueTicket, .refundFee, .closeOrder, .cancelOrder].contains(interface) {
            XCTAssertNotNil(body["agentOrderId"]?.stringValue, "\(interface)")
            XCTAssertNotNil(body["alitripOrderId"]?.stringValue, "\(interface)")
        }
    }


    func testSimulatedDayCreatesPaysAndRefundsOrders() throws {
        let temp = TemporaryStore(label: "busops-sim")
        let path = temp.path
        let store = try temp.demo(orders: 50, seed: 2, now: ChinaTime.now())
        let ordersBefore = try store.db.scalarInt("SELECT count(*) FROM orders") ?? 0
        let router = QimenRouter(config: QimenConfig(secrets: [.production: Secret("simsecret")]),
                                 handler: try QimenStoreHandler(path: path))
        let server = HTTPServer(host: "127.0.0.1", port: 0, workers: 4, handler: router.httpHandler)
        try server.start()
        defer { server.stop(graceTimeout: 1) }
        let url = "http://127.0.0.1:\(server.port)/"

        let started = Date()
        let summary = QimenSimulator(client: QimenClient(url: url, secret: Secret("simsecret")),
                                     options: options(rate: 300, duration: 2, seed: 7, workers: 3)).run()
        XCTAssertLessThan(Date().timeIntervalSince(started), 7, "bounded by its duration")
        XCTAssertGreaterThan(summary.total, 100, summary.text)
        XCTAssertGreaterThan(summary.count(.createOrder, "0"), 5, summary.text)
        XCTAssertGreaterThan(summary.count(.issueTicket, "0"), 3, summary.text)
        XCTAssertGreaterThan(summary.count(.seats, "0"), 5, summary.text)
        for (name, codes) in summary.counts {
            XCTAssertNil(codes["internal-error"], "\(name): \(summary.text)")
            XCTAssertNil(codes["transport-error"], "\(name): \(summary.text)")
            XCTAssertNil(codes["sign-check-failure"], "\(name): \(summary.text)")
        }
        let ordersAfter = try store.db.scalarInt("SELECT count(*) FROM orders") ?? 0
        XCTAssertEqual(Int(ordersAfter - ordersBefore), summary.count(.createOrder, "0"), "every accepted lock is an order")
        XCTAssertTrue(summary.text.contains("order.create"))
    }

    func testWrongSecretIsRefusedEverywhere() throws {
        let router = QimenRouter(config: QimenConfig(secrets: [.production: Secret("right")]), handler: FakeHandler())
        let server = HTTPServer(host: "127.0.0.1", port: 0, workers: 2, handler: router.httpHandler)
        try server.start()
        defer { server.stop(graceTimeout: 1) }
        let summary = QimenSimulator(client: QimenClient(url: "http://127.0.0.1:\(server.port)/", secret: Secret("wrong")),
                                     options: options(rate: 50, duration: 0.5, seed: 1, workers: 1)).run()
        XCTAssertGreaterThan(summary.total, 0)
        XCTAssertEqual(summary.counts, ["fromcity": ["sign-check-failure": summary.total]], "the buyer gives up without cities")
    }

    func testPacerHandsOutRateTimesDuration() {
        let pacer = Pacer(rate: 1000, duration: 0.05)
        var slots = 0
        while pacer.waitForSlot() { slots += 1 }
        XCTAssertTrue((40...51).contains(slots), "\(slots)")
    }

    func testSimulatedPeopleHaveValidIdentities() {
        var rng = SimulationRandom(seed: 3)
        for _ in 0..<200 {
            let p = SimulatedPeople.person(&rng)
            XCTAssertTrue(PersonalData.isValidResidentID(p.certNo), p.certNo)
            XCTAssertTrue(PersonalData.isValidPhone(p.phone), p.phone)
        }
    }

    private func options(rate: Double, duration: TimeInterval, seed: UInt64, workers: Int) -> QimenSimulator.Options {
        var options = QimenSimulator.Options()
        options.rate = rate
        options.duration = duration
        options.seed = seed
        options.workers = workers
        return options
    }
}
