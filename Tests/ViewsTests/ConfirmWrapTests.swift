import XCTest
@testable import Views

/// Issue 12: at 80 columns a confirmation cut its last line ("…type 1, amount 34 │" for 34.20 yuan). Lines now
/// wrap at spaces, every number stays whole, and a confirmation taller than the screen scrolls.
final class ConfirmWrapTests: XCTestCase {
    static let approve = ConfirmModel(title: "Approve refund RF00000012", lines: [
        "order BO0000000012 (Fliggy 3900000000007919) 杭州 → 上海, departs 2026-11-22 08:05, status 5 refunding",
        "refund RF00000012 per ticket: 张* (seat 12)",
        "paid 38.00 yuan, fee 3.80 yuan (10 % rule tier in force now), refund 34.20 yuan to the buyer",
        "tickets → 5 refunded, 1 seat back on sale",
        "sends taobao.bus.agent.refund.confirm status 1 approved, type 1, amount 34.20 yuan (trans id RT2026112200000012)",
    ])

    func testWrapsAt80x24KeepingEveryNumberWhole() {
        var s = Screen(width: 80, height: 24)
        let body = Chrome.render(Fixtures.chrome(tab: 2), into: &s)
        overOrders(ConfirmDialog.render, Self.approve, &s, body)
        Golden.check(s, "confirm-wrapped-80x24", styles: true)
        let text = s.text().joined(separator: "\n")
        for number in ["34.20", "38.00", "3.80", "3900000000007919", "RT2026112200000012", "2026-11-22", "08:05"] {
            XCTAssertTrue(text.contains(number), "\(number) is shown whole")
        }
        let dialog = s.text().filter { $0.hasPrefix(" │") }
        XCTAssertEqual(dialog.count, 11, "eight wrapped lines, a blank, the marker row and the buttons")
        XCTAssertFalse(dialog.joined().contains("…"), "nothing in the dialog is cut")
        XCTAssertTrue(text.contains("[ Cancel ]  [ Confirm ]"))
    }

    func testEveryWordOfEveryLineIsOnScreenAtEachSize() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 50)] {
            let area = Rect(x: 0, y: 1, width: w, height: h - 3)
            let wrapped = ConfirmDialog.wrappedLines(Self.approve, width: ConfirmDialog.boxWidth(Self.approve, area: area))
            let words = Self.approve.lines.joined(separator: " ").split(separator: " ")
            XCTAssertEqual(wrapped.joined(separator: " ").split(separator: " "), words, "\(w)x\(h)")
            XCTAssertTrue(wrapped.allSatisfy { DisplayWidth.of($0) <= ConfirmDialog.boxWidth(Self.approve, area: area) - 4 })
        }
    }

    func testWordWrapBreaksOnlyWordsWiderThanTheLine() {
        XCTAssertEqual(WordWrap.lines("amount 34.20 yuan", columns: 10), ["amount", "  34.20", "  yuan"])
        XCTAssertEqual(WordWrap.lines("abcdefghijkl", columns: 8), ["abcdefgh", "  ijkl"])
        XCTAssertEqual(WordWrap.lines("", columns: 8), [""])
        XCTAssertEqual(WordWrap.lines("张三 李四", columns: 4), ["张三", " 李", " 四"])
    }

    func testTallerThanTheScreenScrolls() {
        let long = ConfirmModel(title: "Stop schedule", lines: (1...40).map { "passenger \($0) refund 12.50 yuan" })
        let area = Rect(x: 0, y: 1, width: 80, height: 21)
        XCTAssertEqual(ConfirmDialog.maxScroll(long, area: area), 40 - 16)
        var top = Screen(width: 80, height: 24)
        ConfirmDialog.render(long, into: &top, area: area)
        XCTAssertTrue(top.text().joined().contains("passenger 16 refund"))
        XCTAssertFalse(top.text().joined().contains("passenger 17 refund"))
        XCTAssertTrue(top.text().joined().contains("↓ 1-16/40"))
        var end = Screen(width: 80, height: 24)
        var scrolled = long
        scrolled.scroll = 99   // clamped
        ConfirmDialog.render(scrolled, into: &end, area: area)
        XCTAssertTrue(end.text().joined().contains("passenger 40 refund"))
        XCTAssertTrue(end.text().joined().contains("↑  25-40/40"))
        XCTAssertTrue(end.text().joined().contains("[ Cancel ]"))
    }
}
