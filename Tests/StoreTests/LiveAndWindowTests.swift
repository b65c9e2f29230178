import XCTest
@testable import Store

final class LiveAndWindowTests: XCTestCase {
    /// The console notices another connection's commit through PRAGMA data_version, and only then.
    func testDataVersionChangesOnlyForOtherConnectionsCommits() throws {
        let t = TempStore()
        let watcher = try t.demo(orders: 50, seed: 1, now: fixedNow)
        let other = try Store(path: t.path)
        let v0 = try watcher.dataVersion()
        XCTAssertEqual(try watcher.dataVersion(), v0, "nothing happened")
        _ = try DemoTicker.tick(store: other, newOrders: 1, now: fixedNow + 60, seed: 1)
        let v1 = try watcher.dataVersion()
        XCTAssertNotEqual(v1, v0, "another connection committed")
        try watcher.recordAudit(operatorName: "t", source: "test", action: "x", entity: "order", entityId: "1", at: fixedNow)
        XCTAssertEqual(try watcher.dataVersion(), v1, "own commits do not count")
        XCTAssertEqual(try watcher.orders(OrderFilter(), limit: 1).first?.status, .awaitingPayment)
    }

    func testKeysetPagingWalksEveryOrderOnceInEachSort() throws {
        let t = TempStore()
        let store = try t.demo(orders: 137, seed: 4, now: fixedNow)
        for sort in OrderSort.allCases {
            var seen: [Int64] = []
            var page = try store.orders(OrderFilter(), sort: sort, limit: 11)
            while !page.isEmpty {
                let shown = page.prefix(10)
                seen += shown.map(\.id)
                guard page.count > 10 else { break }
                page = try store.orders(OrderFilter(), sort: sort, from: page[10].cursor(sort), limit: 11)
            }
            XCTAssertEqual(seen.count, 137, "\(sort)")
            XCTAssertEqual(Set(seen).count, 137, "\(sort)")
            // And backwards from the end reaches the top in the same order.
            let last = try store.lastOrders(OrderFilter(), sort: sort, limit: 10)
            XCTAssertEqual(last.map(\.id), Array(seen.suffix(10)), "\(sort)")
            let before = try store.orders(OrderFilter(), sort: sort, before: last[0].cursor(sort), limit: 5)
            XCTAssertEqual(before.map(\.id), Array(seen.dropLast(10).suffix(5)), "\(sort)")
        }
    }

    func testFilterAndSearch() throws {
        let t = TempStore()
        let store = try t.demo(orders: 300, seed: 8, now: fixedNow)
        let refunding = try store.orders(OrderFilter(statuses: [.refunding]), limit: 500)
        XCTAssertFalse(refunding.isEmpty)
        XCTAssertTrue(refunding.allSatisfy { $0.status == .refunding })
        let target = try store.orders(OrderFilter(), limit: 40)[17]
        XCTAssertEqual(try store.findOrder(target.agentOrderId, filter: OrderFilter(), afterId: nil, forward: true)?.id, target.id)
        XCTAssertEqual(try store.findOrder(target.mainBizOrderId, filter: OrderFilter(), afterId: nil, forward: true)?.id, target.id)
        let byPhone = try store.findOrder(target.contactPhone, filter: OrderFilter(), afterId: nil, forward: true)
        XCTAssertEqual(byPhone?.contactPhone, target.contactPhone)
        let surname = String(target.contactName.prefix(1))
        let byName = try store.findOrder(surname, filter: OrderFilter(), afterId: nil, forward: true)
        let found = try XCTUnwrap(byName, "an order whose contact or passenger has the surname \(surname)")
        let names = [found.contactName] + (try store.orderDetail(id: found.id)?.tickets.map(\.name) ?? [])
        XCTAssertTrue(names.contains { $0.contains(surname) }, "\(surname) in \(names)")
        XCTAssertNil(try store.findOrder("不存在的名字", filter: OrderFilter(), afterId: nil, forward: true))
        let detail = try store.orderDetail(id: target.id)
        XCTAssertEqual(detail?.tickets.count, target.ticketCount)
        let cert = detail!.tickets[0].certNo
        XCTAssertEqual(try store.findOrder(cert, filter: OrderFilter(), afterId: nil, forward: true)?.id, target.id)
    }
}

extension LiveAndWindowTests {
    /// A name that matches nothing pauses after its budget instead of scanning everything at once, and resuming
    /// from where it paused reaches the end; a name that matches is found exactly as the unbounded search finds it.
    func testNameSearchIsBoundedAndResumable() throws {
        let t = TempStore()
        let store = try t.demo(orders: 45_000, seed: 3, now: fixedNow)
        var step = try store.searchOrders("不存在", filter: OrderFilter(), afterId: nil, forward: true, budgetMillis: 0)
        guard case .paused(let resume) = step else { return XCTFail("a zero budget pauses after one slice: \(step)") }
        XCTAssertLessThan(resume, 45_000)
        var steps = 1
        while case .paused(let r) = step {
            step = try store.searchOrders("不存在", filter: OrderFilter(), afterId: r, forward: true, budgetMillis: 0)
            steps += 1
        }
        XCTAssertEqual(step, .exhausted)
        XCTAssertEqual(steps, 5, "45,000 orders in 10,000-order slices")
        let target = try store.orders(OrderFilter(), limit: 30)[29]
        let name = String(target.contactName.suffix(2))
        let unbounded = try store.findOrder(name, filter: OrderFilter(), afterId: nil, forward: true)
        XCTAssertEqual(try store.searchOrders(name, filter: OrderFilter(), afterId: nil, forward: true, budgetMillis: 1000), unbounded.map { .found($0) })
    }
}
