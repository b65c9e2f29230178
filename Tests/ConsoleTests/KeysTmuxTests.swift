import Foundation
import XCTest

/// Issue 12, "Keys in sight", in the real console at 80x24 and 120x40: the hint line names the view's action keys, the help
/// scrolls to them, `/` filters a list with a count and Esc clears it, Enter shows a callback in full.
final class KeysTmuxTests: TmuxStoreTestCase {
    func testHintLineHelpScrollFilterAndCallbackPageAt80x24() throws { try hintsHelpFilter(width: 80, height: 24) }
    func testHintLineHelpScrollFilterAndCallbackPageAt120x40() throws { try hintsHelpFilter(width: 120, height: 40) }

    func hintsHelpFilter(width: Int, height: Int) throws {
        let t = try startConsole(width: width, height: height)
        t.send("3"); let refunds = expect(t, "A approve", "the Refunds hint line")
        XCTAssertTrue(messageLine(refunds).contains("R reject"), messageLine(refunds))
        XCTAssertTrue(messageLine(refunds).hasSuffix("? help") || messageLine(refunds).trimmingCharacters(in: .whitespaces).hasSuffix("? help"),
                      messageLine(refunds))
        t.send("?"); let help = expect(t, "approve refund", "the view's own keys lead the help")
        if height == 24 { XCTAssertFalse(help.contains("pause / resume sending"), "the last global key is below the fold at 80x24:\n\(help)") }
        t.send("G"); expect(t, "pause / resume sending", "G scrolls the help to its end")
        t.send("g"); expect(t, "approve refund", "g back to its top")
        t.send("Escape")
        t.send("/"); expect(t, "filters by", "/ opens the filter")
        t.type("RF")
        let filtered = expect(t, "/RF", "the filter as typed")
        XCTAssertTrue(messageLine(filtered).contains(" match"), "the count as it narrows: \(messageLine(filtered))")
        walk(t, [
            ("Enter", "Esc clears", "the kept filter leads the hint line"),
            ("Escape", "A approve", "Esc clears the filter"),
            ("4", "T retry", "the Callbacks hint line"),
            ("Enter", "Attempts (", "Enter shows the callback in full"),
            ("q", "failed first", "q goes back to the list"),
        ])
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
