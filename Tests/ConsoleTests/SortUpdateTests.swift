import XCTest
@testable import Console
@testable import Store

/// Issue 12: the Orders sort goes both ways; departure soonest first opens at the next departure.
final class SortUpdateTests: XCTestCase {
    let now = fixedNow

    func testReverseTogglesAndDepartureSoonestStartsNow() {
        var s = consoleState(width: 80, height: 24, now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("S")), now: now), [.loadOrders(.from(nil, keepSelection: nil))])
        XCTAssertTrue(s.orders.ascending)
        XCTAssertEqual(s.message?.text, "sort: created oldest first")
        XCTAssertEqual(Update.apply(&s, .key(.char("s")), now: now), [.loadOrders(.from(OrderCursor(key: Int64(now), id: 0), keepSelection: nil))])
        XCTAssertEqual(s.message?.text, "sort: departure soonest first")
        XCTAssertEqual(s.orders.top, OrderCursor(key: Int64(now), id: 0), "the list opens at now: earlier departures are above")
        XCTAssertTrue(FrameRenderer.render(s, now: now).text()[1].contains("Sort: departure ↑"))
        _ = Update.apply(&s, .key(.char("S")), now: now)
        XCTAssertEqual(s.message?.text, "sort: departure latest first")
        XCTAssertNil(s.orders.top)
    }
}
