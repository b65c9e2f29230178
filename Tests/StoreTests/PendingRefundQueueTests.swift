import XCTest
@testable import Store

/// The Refunds queue: most urgent first, each fee quoted under its own schedule's rule tiers (fetched for the
/// whole window in one query), and windows taken deep in the queue line up with the top.
final class PendingRefundQueueTests: XCTestCase {
    func testFeesFollowEachSchedulesOwnRulesAndWindowsLineUp() throws {
        let t = TempStore()
        let store = try t.demo(orders: 1500, seed: 3, now: fixedNow)
        let all = try store.pendingRefunds(now: fixedNow, limit: 1000)
        XCTAssertGreaterThan(all.rows.count, 20)
        XCTAssertEqual(all.total, all.rows.count)
        XCTAssertEqual(all.rows.map(\.departsAt), all.rows.map(\.departsAt).sorted(), "earliest departure first")
        var schedulesSeen = Set<String>()
        for p in all.rows {
            let scheduleId = try XCTUnwrap(try store.db.scalarText("SELECT schedule_id FROM orders WHERE id = ?", .int(p.refund.orderId)))
            schedulesSeen.insert(scheduleId)
            let q = RefundPolicy.quote(paidFen: p.refund.paidFen, rules: try store.refundRules(scheduleId: scheduleId),
                                       departsAt: p.departsAt, now: fixedNow)
            XCTAssertEqual(p.currentFeeFen, q.feeFen, p.refund.refundId)
            XCTAssertEqual(p.currentFeePercent, q.feePercent, p.refund.refundId)
        }
        XCTAssertGreaterThan(schedulesSeen.count, 5, "the window spans many schedules")
        let deep = try store.pendingRefunds(now: fixedNow, limit: 7, offset: 11)
        XCTAssertEqual(deep.rows.map(\.refund.refundId), all.rows[11..<18].map(\.refund.refundId))
    }
}
