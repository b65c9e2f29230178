import XCTest
import Foundation
@testable import Store

final class SalesTests: XCTestCase {
    func makeStore(_ t: TempStore) throws -> Store {
        try t.demo(orders: 100, seed: 11, now: fixedNow)
    }

    /// A future on-sale schedule and a lock request for it.
    func request(_ store: Store, id: String, seats: Int = 1, schedule: ScheduleSeats? = nil) throws -> (LockRequest, ScheduleSeats) {
        let s = try schedule ?? store.schedules(day: ChinaTime.startOfDay(fixedNow) + 86400).first { $0.onSale && $0.seatsLeft >= seats }!
        var rng = DemoRandom(seed: UInt64(id.hashValue.magnitude))
        let passengers = (0..<seats).map { k -> LockPassenger in
            let p = DemoPeople.person(&rng)
            return LockPassenger(passengerId: String(k + 1), name: p.name, certType: 1, certNo: p.certNo, phone: p.phone)
        }
        return (LockRequest(alitripOrderId: id, scheduleId: s.scheduleId, fromStation: nil, toStation: nil, startTime: nil,
                            orderAmountFen: nil, contactName: passengers[0].name, contactPhone: "13800000000", passengers: passengers), s)
    }

    func testLockIsIdempotentOnAlitripOrderId() throws {
        let t = TempStore()
        let store = try makeStore(t)
        let (r, s) = try request(store, id: "9000000001", seats: 2)
        let first = try store.lockSeats(r, now: fixedNow)
        let again = try store.lockSeats(r, now: fixedNow + 5)
        XCTAssertFalse(first.replayed)
        XCTAssertTrue(again.replayed)
        XCTAssertEqual(first.agentOrderId, again.agentOrderId)
        XCTAssertEqual(try store.scheduleSeats(s.scheduleId)!.seatsHeld, s.seatsHeld + 2, "seats taken once")
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM orders WHERE main_biz_order_id = '9000000001'"), 1)
    }

    func testLockRefusesChangedPriceOrTimeAndStoppedOrFullSchedules() throws {
        let t = TempStore()
        let store = try makeStore(t)
        var (r, s) = try request(store, id: "9000000002")
        r.orderAmountFen = 1
        XCTAssertThrowsError(try store.lockSeats(r, now: fixedNow)) { XCTAssertEqual(($0 as? SalesError)?.code, "price-changed") }
        r.orderAmountFen = nil
        r.startTime = ChinaTime.minute(s.departsAt + 600)
        XCTAssertThrowsError(try store.lockSeats(r, now: fixedNow)) { XCTAssertEqual(($0 as? SalesError)?.code, "start-time-changed") }
        r.startTime = nil
        let goodCert = r.passengers[0].certNo
        r.passengers[0].certNo = "110105194912310021"
        XCTAssertThrowsError(try store.lockSeats(r, now: fixedNow)) { XCTAssertEqual(($0 as? SalesError)?.code, "param-invalid") }
        r.passengers[0].certNo = goodCert
        r.scheduleId = "nope"
        XCTAssertThrowsError(try store.lockSeats(r, now: fixedNow)) { XCTAssertEqual(($0 as? SalesError)?.code, "schedule-not-found") }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM orders WHERE main_biz_order_id = '9000000002'"), 0, "nothing written")
    }

    /// Many concurrent locks on one schedule from separate connections: exactly the seats left succeed.
    func testConcurrentLocksNeverOversell() throws {
        let t = TempStore()
        let store = try makeStore(t)
        let s = try store.schedules(day: ChinaTime.startOfDay(fixedNow) + 2 * 86400).first { $0.onSale }!
        let left = s.seatsLeft
        let attempts = left + 15
        let requests = try (0..<attempts).map { try request(store, id: "77\(1000 + $0)", schedule: s).0 }
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var ok = 0, refused = 0, other: [String] = []
            func add(_ f: (Tally) -> Void) { lock.lock(); f(self); lock.unlock() }
        }
        let tally = Tally()
        let path = t.path
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            guard let mine = try? Store(path: path) else { return }
            for i in stride(from: worker, to: attempts, by: 8) {
                do { _ = try mine.lockSeats(requests[i], now: fixedNow); tally.add { $0.ok += 1 } }
                catch SalesError.seatsInsufficient { tally.add { $0.refused += 1 } }
                catch { tally.add { $0.other.append("\(error)") } }
            }
        }
        let (ok, refused, other) = (tally.ok, tally.refused, tally.other)
        XCTAssertEqual(other, [])
        XCTAssertEqual(ok, left)
        XCTAssertEqual(refused, 15)
        let after = try store.scheduleSeats(s.scheduleId)!
        XCTAssertEqual(after.seatsLeft, 0)
        XCTAssertEqual(after.seatsHeld, Int(try store.db.scalarInt("SELECT sum(seats) FROM seat_holds WHERE schedule_id = ?", .text(s.scheduleId)) ?? 0))
    }

    func testIssueCloseCancelAndExpiry() throws {
        let t = TempStore()
        let store = try makeStore(t)
        let (r1, s) = try request(store, id: "9000000010", seats: 2)
        let a = try store.lockSeats(r1, now: fixedNow)
        let issued = try store.issue(OrderRef(agentOrderId: a.agentOrderId, alitripOrderId: nil), alipayTradeNo: "T1", autoIssue: true, now: fixedNow + 10)
        XCTAssertEqual(issued.summary.status, .issued)
        XCTAssertNotNil(issued.fetch.ticketNo)
        XCTAssertTrue(issued.tickets.allSatisfy { $0.status == .issued })
        XCTAssertEqual(try store.scheduleSeats(s.scheduleId)!.seatsSold, s.seatsSold + 2)

        let (r2, _) = try request(store, id: "9000000011", schedule: s)
        let b = try store.lockSeats(r2, now: fixedNow)
        XCTAssertEqual(try store.issue(OrderRef(agentOrderId: nil, alitripOrderId: "9000000011"), alipayTradeNo: nil, autoIssue: false, now: fixedNow).summary.status, .awaitingTicket)
        XCTAssertEqual(try store.end(OrderRef(agentOrderId: b.agentOrderId, alitripOrderId: nil), as: .closed, now: fixedNow), .closed)
        XCTAssertThrowsError(try store.end(OrderRef(agentOrderId: a.agentOrderId, alitripOrderId: nil), as: .cancelled, now: fixedNow))

        let (r3, _) = try request(store, id: "9000000012", schedule: s)
        _ = try store.lockSeats(r3, now: fixedNow, lockSeconds: 60)
        XCTAssertEqual(try store.sweepExpiredHolds(now: fixedNow + 61), 1)
        XCTAssertEqual(try store.orderDetail(OrderRef(agentOrderId: nil, alitripOrderId: "9000000012")).summary.status, .cancelled)
        let final = try store.scheduleSeats(s.scheduleId)!
        XCTAssertEqual(final.seatsSold, s.seatsSold + 2)
        XCTAssertEqual(final.seatsHeld, s.seatsHeld)
    }

    func testRefundApplyQueuesOrConfirmsAndRetryWritesNothing() throws {
        let t = TempStore()
        let store = try makeStore(t)
        let far = try store.schedules(day: ChinaTime.startOfDay(fixedNow) + 4 * 86400).first { $0.onSale && $0.seatsLeft >= 2 }!
        let (r, _) = try request(store, id: "9000000020", seats: 2, schedule: far)
        let a = try store.lockSeats(r, now: fixedNow)
        let ref = OrderRef(agentOrderId: a.agentOrderId, alitripOrderId: nil)
        _ = try store.issue(ref, alipayTradeNo: nil, autoIssue: true, now: fixedNow)
        let quote = try store.refundQuote(ref, passengerIds: nil, now: fixedNow)
        XCTAssertEqual(quote.count, 2)
        XCTAssertTrue(quote.allSatisfy { $0.refundSurchargeFen == 0 }, "over 48 h before departure the seed rules charge nothing")
        let all = quote.map { RefundPick(ticketId: $0.ticket.agentTicketId) }
        let queued = try store.applyRefund(ref, picks: all, reason: "行程有变", autoConfirm: false, now: fixedNow)
        XCTAssertEqual(queued.status, .refunding)
        let refunds = try store.db.scalarInt("SELECT count(*) FROM refunds")
        let again = try store.applyRefund(ref, picks: all, reason: "行程有变", autoConfirm: false, now: fixedNow + 5)
        XCTAssertEqual(again.status, .refunding)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM refunds"), refunds, "a retry writes nothing")
        XCTAssertGreaterThanOrEqual(try store.db.scalarInt("SELECT count(*) FROM refunds WHERE status = 'pending' AND order_id = (SELECT id FROM orders WHERE agent_order_id = ?)", .text(a.agentOrderId)) ?? 0, 1)
    }
}
