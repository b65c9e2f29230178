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

/// Issue 12: Seats sorts by seats left, fewest first then most first, and `s` again goes back to departure order.
final class SeatsSortUpdateTests: XCTestCase {
    func testSeatsSortBySeatsLeftBothWaysAndBack() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        d.press(.char("2"))
        let departure = d.s.seats.rows.map(\.scheduleId)
        XCTAssertGreaterThan(departure.count, 2, "the day has schedules")
        d.press(.char("s"))
        XCTAssertEqual(d.s.message?.text, "sort: seats left, fewest first")
        let fewest = d.s.seats.rows.map(\.seatsLeft)
        XCTAssertEqual(fewest, fewest.sorted(), "fewest seats left first")
        XCTAssertNotEqual(fewest.first, fewest.last, "the day's schedules differ in seats left")
        XCTAssertTrue(d.screen.contains("sort: seats left, fewest first"), d.screen)
        d.press(.char("s"))
        let most = d.s.seats.rows.map(\.seatsLeft)
        XCTAssertEqual(most, most.sorted(by: >), "most seats left first")
        d.press(.char("s"))
        XCTAssertEqual(d.s.seats.rows.map(\.scheduleId), departure, "back to departure order")
        XCTAssertEqual(d.s.message?.text, "sort: departure")
        XCTAssertFalse(d.screen.split(separator: "\n")[1].contains("sort:"), "the header says no sort: \(d.screen)")
    }
}
