import XCTest
@testable import Console
@testable import Store
import Operations
import Views

/// Issue 12: a confirmation taller than the screen scrolls with j/k (↓/↑, PgDn/PgUp) and stops at its last line;
/// scrolling never moves the focus off Cancel.
final class ConfirmScrollUpdateTests: XCTestCase {
    let now = fixedNow

    func testTallConfirmationScrollsWithinItsLines() {
        var s = consoleState(width: 80, height: 24, now: now)
        let lines = (1...40).map { "passenger \($0) refund 12.50 yuan" }
        let pending = PendingAction(request: .approveRefund(refundId: "RF1", feeFen: 0),
                                    shown: ActionPreview(title: "Stop", lines: lines, version: 1, method: nil))
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Stop", lines: lines, pending: pending)), now: now)
        func scroll() -> Int { if case .confirm(let c)? = s.overlay { return c.scroll }; return -1 }
        _ = Update.apply(&s, .key(.char("j")), now: now)
        XCTAssertEqual(scroll(), 1)
        _ = Update.apply(&s, .key(.char("k")), now: now)
        _ = Update.apply(&s, .key(.char("k")), now: now)
        XCTAssertEqual(scroll(), 0, "not above the first line")
        for _ in 0..<10 { _ = Update.apply(&s, .key(.pageDown), now: now) }
        XCTAssertEqual(scroll(), 40 - 16, "stops at the last screenful (16 lines at 80x24)")
        let frame = FrameRenderer.render(s, now: now).text().joined(separator: "\n")
        XCTAssertTrue(frame.contains("passenger 40 refund 12.50 yuan"), frame)
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [], "Cancel is still focused: Enter cancels")
    }
}
