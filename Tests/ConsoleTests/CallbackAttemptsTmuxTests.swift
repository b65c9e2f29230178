import Foundation
import XCTest

/// A demo callback's page in the real console lists the try it counts: the first row of the Callbacks view (failed
/// first) said "tries 1" above "Attempts (0)  none yet", because the demo wrote the count without the attempt.
final class CallbackAttemptsTmuxTests: TmuxStoreTestCase {
    func testADeadLetteredDemoCallbackShowsItsOneTryAt80x24() throws { try deadLetter(width: 80, height: 24) }
    func testADeadLetteredDemoCallbackShowsItsOneTryAt120x40() throws { try deadLetter(width: 120, height: 40) }

    func deadLetter(width: Int, height: Int) throws {
        let t = try startConsole(width: width, height: height)
        walk(t, [
            ("4", "T retry", "the Callbacks view"),
            ("Enter", "state failed · tries 1", "Enter opens the first (dead-lettered) callback"),
        ])
        let page = expect(t, "Attempts (1)", "one attempt listed for one try")
        XCTAssertFalse(page.contains("none yet"), page)
        // The try itself, with the answer the row records (it may sit below the fold at 80x24).
        for _ in 0..<8 where !t.waitFor("code 15", timeout: 0.3).ok { t.send("j") }
        let shown = expect(t, "failed  http 200  code 15  isv.invalid-parameter", "the dispatcher's answer")
        XCTAssertTrue(shown.contains("非法参数: agent_order_id"), shown)
        t.send("q")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
