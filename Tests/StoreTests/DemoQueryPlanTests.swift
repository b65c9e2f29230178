import XCTest
@testable import Store

/// The demo store's statistics must lead the planner to the plans the screens rely on. Sampled statistics
/// (`analysis_limit`) once told it each schedule had 3 orders: the newest-first orders page then joined every
/// schedule and sorted the whole table (first rows 340 ms instead of 25 ms on the 1M store).
final class DemoQueryPlanTests: XCTestCase {
    func testOrdersPagesWalkAnIndexInsteadOfSortingTheTable() throws {
        let t = TempStore()
        let store = try t.demo(orders: 20_000, seed: 2, now: fixedNow)
        for order in ["o.id DESC", "o.id ASC", "o.departs_at DESC, o.id DESC", "o.departs_at ASC, o.id ASC"] {
            let s = try store.db.prepare("EXPLAIN QUERY PLAN SELECT \(Store.summaryColumns) ORDER BY \(order) LIMIT 38")
            let plan = try s.all { $0.text(3) }
            XCTAssertFalse(plan.contains { $0.contains("TEMP B-TREE") }, "ORDER BY \(order):\n\(plan.joined(separator: "\n"))")
            XCTAssertTrue(plan.first?.contains(" o") ?? false, "orders drive the join for ORDER BY \(order):\n\(plan.joined(separator: "\n"))")
        }
    }
}
