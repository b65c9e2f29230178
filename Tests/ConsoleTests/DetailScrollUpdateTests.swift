import XCTest
@testable import Console
import Operations
import Store
import Views

/// An order detail taller than the screen scrolls within its lines: `j` stops at the last screenful and `k`
/// then moves at once (it used to count on past the end, so `k` seemed dead), as in the callback detail and the
/// report (one rule, `ListUpdate.scrolled`).
final class DetailScrollUpdateTests: XCTestCase {
    /// An issued order's detail on the smallest screen, its last scroll position (more than one screenful), and
    /// the fixture's instant.
    func tallDetail() throws -> (state: AppState, last: Int, now: Int) {
        let fx = try ActionStoreFixture()
        var s = consoleState(now: fx.now)
        _ = Update.apply(&s, .resize(width: 80, height: TooSmall.minimumHeight), now: fx.now)
        let d = try fx.detail(status: .issued)
        s.detail = DetailState(orderId: d.summary.id)
        _ = Update.apply(&s, .detailLoaded(d), now: fx.now)
        let last = OrderDetailView.maxScroll(OrderDetailViewModel(detail: d), rect: Rect(x: 0, y: 0, width: 80, height: s.bodyHeight))
        XCTAssertGreaterThan(last, 1, "the detail must be taller than the screen for this test")
        return (s, last, fx.now)
    }

    func testOrderDetailStopsAtItsLastScreenful() throws {
        let (state, last, now) = try tallDetail()
        var s = state

        for _ in 0..<(last + 5) { _ = Update.apply(&s, .key(.char("j")), now: now) }
        XCTAssertEqual(s.detail?.scroll, last, "j stops at the last screenful")
        _ = Update.apply(&s, .key(.char("k")), now: now)
        XCTAssertEqual(s.detail?.scroll, last - 1, "k after the end moves at once")
        for _ in 0..<last { _ = Update.apply(&s, .key(.char("k")), now: now) }
        XCTAssertEqual(s.detail?.scroll, 0, "not above the first line")
    }

    /// PgDn/PgUp (Ctrl-F/Ctrl-B) page by a screenful and g/G (Home/End) jump to either end, clamped the same way.
    func testOrderDetailPagesAndJumps() throws {
        let (state, last, now) = try tallDetail()
        var s = state

        _ = Update.apply(&s, .key(.char("G")), now: now)
        XCTAssertEqual(s.detail?.scroll, last, "G goes to the last screenful")
        _ = Update.apply(&s, .key(.char("g")), now: now)
        XCTAssertEqual(s.detail?.scroll, 0, "g goes to the top")
        _ = Update.apply(&s, .key(.end), now: now)
        XCTAssertEqual(s.detail?.scroll, last, "End as G")
        _ = Update.apply(&s, .key(.home), now: now)
        XCTAssertEqual(s.detail?.scroll, 0, "Home as g")
        _ = Update.apply(&s, .key(.pageDown), now: now)
        XCTAssertEqual(s.detail?.scroll, min(last, s.listHeight), "PgDn moves a screenful, within the text")
        _ = Update.apply(&s, .key(.pageUp), now: now)
        XCTAssertEqual(s.detail?.scroll, 0, "PgUp back to the top")
        for _ in 0..<(last + 2) { _ = Update.apply(&s, .key(.ctrl("f")), now: now) }
        XCTAssertEqual(s.detail?.scroll, last, "Ctrl-F stops at the last screenful")
        _ = Update.apply(&s, .key(.ctrl("b")), now: now)
        XCTAssertEqual(s.detail?.scroll, max(0, last - s.listHeight), "Ctrl-B pages up")
        XCTAssertNil(s.message, "every one of these keys is bound in the detail")
    }
}
