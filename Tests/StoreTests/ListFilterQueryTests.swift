import XCTest
@testable import Store

/// Issue 12: the `/` filters' store side (Seats: a substring of the day's schedules; Refunds and Callbacks: an id
/// prefix on an index), windowed like the lists themselves.
final class ListFilterQueryTests: XCTestCase {
    func demo() throws -> (TempStore, Store) {
        let t = TempStore()
        return (t, try DemoGenerator.create(path: t.path, options: .init(orders: 400, seed: 12, now: fixedNow), force: false))
    }

    func testRefundsNarrowByRefundOrOrderIdPrefixAnyCase() throws {
        let (t, store) = try demo()
        _ = t
        let all = try store.pendingRefunds(now: fixedNow, limit: 1000).rows
        let target = try XCTUnwrap(all.last)
        let byOrder = try store.pendingRefunds(now: fixedNow, matching: target.agentOrderId, limit: 10)
        XCTAssertEqual(byOrder.rows.map(\.refund.refundId), [target.refund.refundId])
        XCTAssertEqual(byOrder.total, 1)
        XCTAssertFalse(byOrder.capped)
        let byRefund = try store.pendingRefunds(now: fixedNow, matching: target.refund.refundId.lowercased(), limit: 10)
        XCTAssertEqual(byRefund.rows.map(\.refund.refundId), [target.refund.refundId], "typed in lower case")
        // A short prefix keeps queue order and windows like the unfiltered list.
        let prefix = String(target.agentOrderId.prefix(2))
        let wide = try store.pendingRefunds(now: fixedNow, matching: prefix, limit: 1000)
        XCTAssertEqual(wide.rows.map(\.refund.id), all.filter { $0.agentOrderId.hasPrefix(prefix) }.map(\.refund.id))
        XCTAssertEqual(try store.pendingRefunds(now: fixedNow, matching: prefix, limit: 3, offset: 2).rows.map(\.refund.id),
                       Array(wide.rows.dropFirst(2).prefix(3)).map(\.refund.id))
        XCTAssertEqual(try store.pendingRefunds(now: fixedNow, matching: "nothing-like-this", limit: 10).total, 0)
    }

    func testSeatsNarrowBySubstringOfTheDaysSchedules() throws {
        let (t, store) = try demo()
        _ = t
        let day = ChinaTime.startOfDay(fixedNow)
        let all = try store.schedules(day: day)
        let target = try XCTUnwrap(all.first)
        let byCity = try store.schedules(day: day, matching: target.toCity)
        XCTAssertEqual(byCity.map(\.scheduleId), all.filter { $0.toCity.contains(target.toCity) || $0.fromCity.contains(target.toCity)
            || $0.scheduleId.contains(target.toCity) || $0.lineId.contains(target.toCity) }.map(\.scheduleId))
        XCTAssertEqual(try store.scheduleCount(day: day, matching: target.toCity), byCity.count)
        XCTAssertEqual(try store.schedules(day: day, matching: target.scheduleId).map(\.scheduleId), [target.scheduleId])
        XCTAssertEqual(try store.scheduleCount(day: day, matching: "%"), 0, "LIKE wildcards are matched literally")
    }

    func testCallbacksNarrowByKeyOrOrderPrefixWithinStateAndMethod() throws {
        let (t, store) = try demo()
        _ = t
        let all = try store.callbacks(limit: 100_000).rows
        let target = try XCTUnwrap(all.first { $0.agentOrderId != nil })
        let byOrder = try store.callbacks(CallbackFilter(text: target.agentOrderId), limit: 50)
        XCTAssertEqual(Set(byOrder.rows.map(\.id)), Set(all.filter { $0.agentOrderId == target.agentOrderId }.map(\.id)))
        XCTAssertEqual(byOrder.total, byOrder.rows.count)
        let byKey = try store.callbacks(CallbackFilter(text: target.idempotencyKey), limit: 50)
        XCTAssertTrue(byKey.rows.contains { $0.id == target.id })
        let other: CallbackFilter.State = target.state == .sent ? .failed : .sent
        XCTAssertFalse(try store.callbacks(CallbackFilter(state: other, text: target.idempotencyKey), limit: 50).rows.contains { $0.id == target.id })
        XCTAssertTrue(try store.callbacks(CallbackFilter(method: target.method, text: target.idempotencyKey), limit: 50).rows.contains { $0.id == target.id })
    }
}
