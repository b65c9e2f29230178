import Operations
import Store
import XCTest
@testable import Console

/// `!` shows the last status message whole: at 80 columns "approved 1 of 3; refused: RF…: …" was cut, and the
/// refusal's reason was the part cut off.
final class FullMessageTests: XCTestCase {
    /// Three marked refunds at 80x24, two decided by bob meanwhile: the outcome does not fit the status line.
    func driverWithALongRefusal() throws -> (ConsoleDriver, StatusMessage) {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        _ = Update.apply(&d.s, .resize(width: 80, height: 24), now: fx.now)
        d.press(.char("3"))
        let ok = d.s.refunds.rows.indices.filter { d.s.refunds.rows[$0].currentFeeFen != nil }.map { $0 + d.s.refunds.start }
        XCTAssertGreaterThanOrEqual(ok.count, 3, "the demo's waiting refunds are approvable at any hour")
        let picked = ok.prefix(3).map { d.s.refunds.rows[$0 - d.s.refunds.start].refund.refundId }
        for p in ok.prefix(3) { d.s.refunds.selected = p; d.press(.char(" ")) }
        let bob = Operations(store: fx.store, actor: Actor(operatorName: "bob", source: "local"), now: { fx.now })
        for id in picked.prefix(2) {
            let r = ActionRequest.rejectRefund(refundId: id, resultCode: "1", reason: "duplicate")
            _ = try bob.execute(r, confirming: try bob.preview(r))
        }
        d.press(.char("A"), .char("y"))
        let m = try XCTUnwrap(d.s.message)
        XCTAssertTrue(m.text.hasPrefix("approved 1 of 3; refused: "), m.text)
        XCTAssertGreaterThan(m.text.count, 80, "the outcome is longer than the status line")
        return (d, m)
    }

    func testACutMessageSaysSoAndBangShowsItWhole() throws {
        var (d, m) = try driverWithALongRefusal()
        let line = d.screen.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        XCTAssertTrue(line.hasSuffix("! full"), "a cut message names the key that shows it: \(line)")
        XCTAssertTrue(line.contains("…"), line)
        d.press(.char("!"))
        XCTAssertEqual(d.s.overlay, .message(scroll: 0))
        let shown = d.screen
        XCTAssertTrue(shown.contains("Message (error)"), shown)
        XCTAssertTrue(shown.contains("Esc closes"), shown)
        XCTAssertFalse(shown.contains("scroll"), "it fits at 80x24: no scroll key offered\n\(shown)")
        // Every word of the message is in the dialog, none cut ("…" only where the message itself has one).
        // The lines inside the box (the rows behind it mask names with "…" of their own).
        let inDialog = shown.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count >= 3 ? String(parts[1]) : nil
        }.joined(separator: " ")
        for word in m.text.split(separator: " ") { XCTAssertTrue(inDialog.contains(word), "“\(word)” is shown:\n\(shown)") }
        XCTAssertFalse(inDialog.contains("…") && !m.text.contains("…"), shown)
        d.press(.escape)
        XCTAssertNil(d.s.overlay, "Esc closes it")
        XCTAssertEqual(d.s.lastMessage, m, "and `!` would show it again")
    }

    /// The message stays readable after the status line has moved on, and a short one has no "! full".
    func testBangShowsTheLastMessageAfterTheLineMovedOn() throws {
        var (d, m) = try driverWithALongRefusal()
        d.press(.char("/"), .escape)   // any key that replaces the status line
        d.press(.char("!"))
        XCTAssertEqual(d.s.overlay, .message(scroll: 0))
        XCTAssertEqual(d.s.lastMessage, m)
        d.press(.char("!"))
        XCTAssertNil(d.s.overlay, "! again closes it")
    }

    func testWithNoMessageYetBangSaysSo() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        d.press(.char("!"))
        XCTAssertNil(d.s.overlay)
        XCTAssertEqual(d.s.message?.text, "no message yet")
        XCTAssertFalse(d.screen.contains("! full"), "a short message is not marked as cut")
    }

    func testHelpListsBang() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        _ = Update.apply(&d.s, .resize(width: 120, height: 40), now: fx.now)
        d.press(.char("?"), .char("G"))
        XCTAssertTrue(d.screen.contains("the last message in full"), d.screen)
    }
}
