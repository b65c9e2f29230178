import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest

/// Seat locks over the real listener: many concurrent buyers, more than the seats left.
final class OversellOverHTTPTests: XCTestCase {
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var codes: [String: Int] = [:]
        private(set) var agentIds: Set<String> = []
        func add(_ json: JSON?) {
            lock.lock(); defer { lock.unlock() }
            codes[json?["retCode"]?.stringValue ?? "no-answer", default: 0] += 1
            if let id = json?["agentOrderId"]?.stringValue { agentIds.insert(id) }
        }
    }

    func testConcurrentCreateOrdersNeverOversell() throws {
        let fixture = try QimenStoreFixture()
        let client = try fixture.startServer(workers: 8)
        let scheduleId = QimenGoldenTests.perOrder
        let before = try fixture.observer.scheduleSeats(scheduleId)!
        let left = before.seatsLeft
        XCTAssertGreaterThan(left, 10)
        let attempts = left * 3
        let bodies = try (0..<attempts).map { try fixture.orderBody(alitripId: "62\(100_000 + $0)", scheduleId: scheduleId, seed: $0) }
        let tally = Tally()
        let url = client.url
        let clients = (0..<16).map { _ in fixture.client(url: url) }
        DispatchQueue.concurrentPerform(iterations: 16) { worker in
            let mine = clients[worker]
            for i in stride(from: worker, to: attempts, by: 16) {
                tally.add(try? mine.call(.createOrder, body: bodies[i], timeout: 10))
            }
        }
        XCTAssertEqual(tally.codes, ["0": left, "seats-insufficient": attempts - left])
        XCTAssertEqual(tally.agentIds.count, left, "one order per success")
        let after = try fixture.observer.scheduleSeats(scheduleId)!
        XCTAssertEqual(after.seatsLeft, 0)
        XCTAssertEqual(after.seatsHeld, before.seatsHeld + left)
        XCTAssertEqual(after.seatsSold, before.seatsSold)
        XCTAssertEqual(try fixture.count("SELECT count(*) FROM orders WHERE main_biz_order_id LIKE '62%'"), left)
        XCTAssertEqual(try fixture.count("""
            SELECT coalesce(sum(h.seats), 0) FROM seat_holds h WHERE h.schedule_id = '\(scheduleId)'
            """), after.seatsHeld, "seats_held matches the holds")
    }

    func testSameAlitripOrderIdTwiceIsOneOrder() throws {
        let fixture = try QimenStoreFixture()
        let client = try fixture.startServer(workers: 8)
        let scheduleId = QimenGoldenTests.perOrder
        let before = try fixture.observer.scheduleSeats(scheduleId)!
        let body = try fixture.orderBody(alitripId: "6300000001", scheduleId: scheduleId, passengers: 2)
        let first = try client.call(.createOrder, body: body)
        let second = try client.call(.createOrder, body: body)
        XCTAssertEqual(first["success"], true)
        XCTAssertEqual(second, first, "a retry answers the first lock")
        // Fliggy's retries can also race each other.
        let tally = Tally()
        let url = client.url
        let clients = (0..<8).map { _ in fixture.client(url: url) }
        DispatchQueue.concurrentPerform(iterations: 8) { tally.add(try? clients[$0].call(.createOrder, body: body)) }
        XCTAssertEqual(tally.codes, ["0": 8])
        XCTAssertEqual(tally.agentIds, [first["agentOrderId"]!.stringValue!])
        XCTAssertEqual(try fixture.count("SELECT count(*) FROM orders WHERE main_biz_order_id = '6300000001'"), 1)
        XCTAssertEqual(try fixture.observer.scheduleSeats(scheduleId)!.seatsHeld, before.seatsHeld + 2, "seats taken once")
    }
}
