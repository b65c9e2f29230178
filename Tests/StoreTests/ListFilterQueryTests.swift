import XCTest
@testable import Store

/// Issue 12: the `/` filters' store side (Seats: a substring of the day's schedules; Refunds and Callbacks: an id
/// prefix on an index), windowed like the lists themselves.
final class ListFilterQueryTests: XCTestCase {
    func demo() throws -> (TempStore, Store) {
        let t = TempStore()
        return (t, try t.demo(orders: 400, seed: 12, now: fixedNow))
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

/// Issue 12: both directions page by keyset over the same order.
final class OrderSortDirectionTests: XCTestCase {
    func testAscendingIsTheDescendingListReversedAndPagesByKeyset() throws {
        let t = TempStore()
        let store = try t.demo(orders: 120, seed: 5, now: fixedNow)
        for sort in OrderSort.allCases {
            let down = try store.orders(OrderFilter(), sort: sort, limit: 1000)
            let up = try store.orders(OrderFilter(), sort: sort, ascending: true, limit: 1000)
            XCTAssertEqual(up.map(\.id), down.reversed().map(\.id), "\(sort)")
            let page = try store.orders(OrderFilter(), sort: sort, ascending: true, from: up[10].cursor(sort), limit: 5)
            XCTAssertEqual(page.map(\.id), up[10..<15].map(\.id))
            let above = try store.orders(OrderFilter(), sort: sort, ascending: true, before: up[10].cursor(sort), limit: 3)
            XCTAssertEqual(above.map(\.id), up[7..<10].map(\.id))
            XCTAssertEqual(try store.lastOrders(OrderFilter(), sort: sort, ascending: true, limit: 4).map(\.id), up.suffix(4).map(\.id))
        }
        let soonest = try store.orders(OrderFilter(), sort: .departure, ascending: true, from: OrderCursor(key: Int64(fixedNow), id: 0), limit: 50)
        XCTAssertTrue(soonest.allSatisfy { $0.departsAt >= fixedNow })
        XCTAssertEqual(soonest.map(\.departsAt), soonest.map(\.departsAt).sorted())
    }
}
