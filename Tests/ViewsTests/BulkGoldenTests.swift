import XCTest
@testable import Store
@testable import Views

/// Bulk marks (issue 12): marked rows carry `*` in the margin and the header counts them; the one confirmation lists
/// every row it will touch (the lines are the console's `BulkUpdate.lines` shape), Cancel focused.
final class BulkGoldenTests: XCTestCase {
    /// The view inside the chrome, as `ViewGoldenTests` draws every view.
    func frame(_ w: Int, _ h: Int, tab: Int, _ body: (inout Screen, Rect) -> Void) -> Screen {
        var screen = Screen(width: w, height: h)
        body(&screen, Chrome.render(Fixtures.chrome(tab: tab), into: &screen))
        return screen
    }

    func testMarkedRefunds() {
        for (w, h) in ViewGoldenTests.sizes {
            var m = RefundsViewModel(rows: (0..<4).map(Fixtures.pendingRefund), total: 4, selected: 1)
            m.marked = [m.rows[0].refund.refundId, m.rows[2].refund.refundId]
            let s = frame(w, h, tab: 2) { RefundsView.render(m, into: &$0, rect: $1) }
            Golden.check(s, "refunds-marked-\(w)x\(h)", styles: w == 80)
            let text = s.text()
            XCTAssertTrue(text.joined().contains("2 marked · A approves them"))
            let marked = text.filter { $0.hasPrefix("*") }
            XCTAssertEqual(marked.count, 2, "one mark per marked row:\n\(text.joined(separator: "\n"))")
            XCTAssertTrue(marked[0].contains(m.rows[0].agentOrderId) && marked[1].contains(m.rows[2].agentOrderId))
        }
    }

    func testMarkedCallbacks() {
        var m = CallbacksViewModel(rows: [Fixtures.callback(0, state: .failed), Fixtures.callback(1, state: .failed)], total: 2,
                                   now: Fixtures.now)
        m.marked = [m.rows[1].id]
        let s = frame(80, 24, tab: 3) { CallbacksView.render(m, into: &$0, rect: $1) }
        XCTAssertTrue(s.text().joined().contains("1 marked · T re-fires them"))
        XCTAssertEqual(s.text().filter { $0.hasPrefix("*") }.count, 1)
    }

    func testBulkConfirmation() {
        let m = ConfirmModel(title: "Approve 3 refunds", lines: [
            "approves each of these 3 refunds, one transaction each:",
            "· RF20261122000  order BO1000000000  refund 110.70 yuan (fee 12.30)",
            "· RF20261122001  order BO1000000001  refund 123.00 yuan (fee 0.00)",
            "· RF20261122002  order BO1000000002  refund 98.40 yuan (fee 24.60)",
            "refused already, left out:",
            "· RF20261122003: refund RF20261122003 is already rejected by bob at 2026-11-22 15:01:00; only pending refunds can be decided",
            "a row changed since it was marked is refused and named; the others go ahead",
        ])
        for (w, h) in ViewGoldenTests.sizes {
            let s = frame(w, h, tab: 2) { overOrders(ConfirmDialog.render, m, &$0, $1) }
            Golden.check(s, "confirm-bulk-\(w)x\(h)", styles: w == 80)
            let text = s.text().joined(separator: "\n")
            for id in ["RF20261122000", "RF20261122001", "RF20261122002", "110.70", "98.40"] { XCTAssertTrue(text.contains(id), "\(id) is shown:\n\(text)") }
        }
    }
}
