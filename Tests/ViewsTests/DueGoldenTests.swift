import XCTest
@testable import Store
@testable import Views

/// The Due view (issue 12, a new screen): one row of each kind, overdue and soon, at 80x24 and 120x40. Time left
/// is never cut ("overdue 23h59m" fits its column), and the status line's 15-minute warning keeps its number and
/// unit at 80x24 beside the gateway's health.
final class DueGoldenTests: XCTestCase {
    static let rows: [DueItem] = [
        DueItem(kind: .ticket, id: "BO0000000089", route: "上海 → 杭州", dueAt: Fixtures.now - 86340, what: "issue tickets"),
        DueItem(kind: .callback, id: "#44", route: "杭州 → 合肥", dueAt: Fixtures.now - 3600 * 5 - 60,
                what: "bookticket.confirm dead-lettered: Fliggy not told"),
        DueItem(kind: .lock, id: "BO0000000296", route: "上海 → 杭州", dueAt: Fixtures.now + 240, what: "seat lock expires"),
        DueItem(kind: .refund, id: "RF0000000012", route: "杭州 → 上海", dueAt: Fixtures.now + 1800, what: "fee 10% → 20%"),
        DueItem(kind: .stopped, id: "S20261122-0730", route: "广州 → 深圳", dueAt: Fixtures.now + 7200, what: "3 passengers not refunded"),
    ]

    func testDueViewAt80x24And120x40() {
        for (w, h) in ViewGoldenTests.sizes {
            var s = Screen(width: w, height: h)
            var c = Fixtures.chrome(tab: 4)
            c.tabs = ["Orders", "Seats", "Refunds", "Callbacks", "Due 4", "Dashboard"]
            let rect = Chrome.render(c, into: &s)
            DueView.render(DueViewModel(rows: Self.rows, now: Fixtures.now, selected: 1), into: &s, rect: rect)
            Golden.check(s, "due-\(w)x\(h)", styles: w == 80)
            let text = s.text().joined(separator: "\n")
            for left in ["overdue 23h59m", "overdue 5h1m", "4m", "30m", "2h"] { XCTAssertTrue(text.contains(left), "\(left) whole at \(w)x\(h):\n\(text)") }
            if w >= 120 { XCTAssertTrue(text.contains("bookticket.confirm dead-lettered: Fliggy not told"), "what is due, whole at \(w)x\(h):\n\(text)") }
            XCTAssertTrue(s.text()[rect.y].contains("5 due") && s.text()[rect.y].contains("4 within the hour"), s.text()[rect.y])
        }
    }

    /// A stopped schedule's id read "S20261122-0…" at both sizes: every id is whole, the demo store's longest
    /// schedule ids ("L-HZC-SHC-20261122-0730-2") too, at 80 and 120 columns.
    func testEveryIdIsWholeAt80And120Columns() {
        let long = DueItem(kind: .stopped, id: "L-HZC-SHC-20261122-0730-2", route: "杭州 → 上海", dueAt: Fixtures.now + 9000,
                           what: "stopped: 2 orders not refunded")
        for rows in [Self.rows, Self.rows + [long]] {
            for (w, h) in ViewGoldenTests.sizes {
                var s = Screen(width: w, height: h)
                DueView.render(DueViewModel(rows: rows, now: Fixtures.now), into: &s, rect: Rect(x: 0, y: 0, width: w, height: h))
                let text = s.text()
                for d in rows { XCTAssertTrue(text.contains { $0.contains(" \(d.id) ") }, "\(d.id) whole at \(w)x\(h):\n\(text.joined(separator: "\n"))") }
            }
        }
    }

    func testFifteenMinuteWarningShortensRatherThanCut() {
        var c = Fixtures.chrome()
        c.gateway = .init(text: "TOP not configured", failing: false)
        c.dueAlert = "⚠ 25 due within 15 min (:due)"
        c.dueAlertShort = "⚠ 25 ≤15m"
        var s = Screen(width: 80, height: 24)
        Chrome.render(c, into: &s)
        XCTAssertTrue(s.text()[22].contains("TOP not configured ⚠ 25 ≤15m "), s.text()[22])
        s = Screen(width: 120, height: 40)
        Chrome.render(c, into: &s)
        XCTAssertTrue(s.text()[38].contains("⚠ 25 due within 15 min (:due)"), "the long form where it fits: \(s.text()[38])")
    }
}
