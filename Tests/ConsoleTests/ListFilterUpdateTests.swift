import XCTest
@testable import Console
@testable import Store

/// Issue 12: `/` on Seats, Refunds, Callbacks and Due narrows as you type with a count; Esc clears; Orders keeps
/// its search with n/N.
final class ListFilterUpdateTests: XCTestCase {
    let now = fixedNow

    func makeState() -> AppState {
        consoleState(width: 80, height: 24, now: now)
    }

    func due(_ id: String, route: String) -> DueItem {
        DueItem(kind: .ticket, id: id, route: route, dueAt: now + 600, what: "issue tickets", orderId: 1, refundRowId: nil, callbackId: nil, refund: nil)
    }

    func type(_ s: inout AppState, _ text: String) -> [Effect] {
        text.flatMap { Update.apply(&s, .key(.char($0)), now: now) }
    }

    func testRefundsFilterReloadsOnEveryKeyAndCountsMatches() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("3")), now: now)
        s.refunds.selected = 4
        XCTAssertEqual(Update.apply(&s, .key(.char("/")), now: now), [])
        XCTAssertEqual(s.prompt, .filter(""))
        XCTAssertEqual(type(&s, "RF1"), [.loadRefunds, .loadRefunds, .loadRefunds])
        XCTAssertEqual(s.listFilters[.refunds], "RF1")
        XCTAssertEqual(s.refunds.selected, 0, "a new filter starts at the top")
        _ = Update.apply(&s, .refundsLoaded([], total: 7, capped: true), now: now)
        XCTAssertTrue(FrameRenderer.render(s, now: now).text()[23].contains("/RF1"))
        XCTAssertTrue(FrameRenderer.render(s, now: now).text()[23].contains("7+ match"), FrameRenderer.render(s, now: now).text()[23])
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [])
        XCTAssertNil(s.prompt)
        XCTAssertEqual(s.listFilters[.refunds], "RF1", "Enter keeps the filter")
        XCTAssertTrue(FrameRenderer.render(s, now: now).text()[23].hasPrefix("/RF1 7+ match · Esc clears"), FrameRenderer.render(s, now: now).text()[23])
        XCTAssertEqual(Update.apply(&s, .key(.escape), now: now), [.loadRefunds])
        XCTAssertNil(s.listFilters[.refunds], "Esc in the view clears it")
    }

    func testEscWhileTypingClearsAndBackspaceWidens() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("4")), now: now)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        _ = type(&s, "BK")
        XCTAssertEqual(Update.apply(&s, .key(.backspace), now: now), [.loadCallbacks])
        XCTAssertEqual(s.listFilters[.callbacks], "B")
        XCTAssertEqual(Update.apply(&s, .key(.ctrl("c")), now: now), [.loadCallbacks])
        XCTAssertNil(s.prompt)
        XCTAssertNil(s.listFilters[.callbacks])
        XCTAssertFalse(s.quit, "Ctrl-C in a prompt never quits")
    }

    func testDueFiltersInMemoryOnEveryColumnAndKeepsTheTabCount() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("5")), now: now)
        _ = Update.apply(&s, .dueLoaded([due("BO1", route: "杭州→上海"), due("BO2", route: "南京→苏州"), due("BO3", route: "杭州→宁波")]), now: now)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        XCTAssertEqual(type(&s, "杭州"), [])
        XCTAssertEqual(s.due.rows.map(\.id), ["BO1", "BO3"])
        XCTAssertEqual(ListFilterUpdate.count(s), "2 of 3")
        XCTAssertTrue(FrameRenderer.render(s, now: now).text()[0].contains("Due 3"), "the tab bar counts all that is due")
        // A reload keeps the filter.
        _ = Update.apply(&s, .dueLoaded([due("BO1", route: "杭州→上海"), due("BO4", route: "南京→苏州")]), now: now)
        XCTAssertEqual(s.due.rows.map(\.id), ["BO1"])
    }

    func testSeatsFilterCountsAgainstTheDayAndOrdersKeepsSearch() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("2")), now: now)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        XCTAssertEqual(type(&s, "G1"), [.loadSeats, .loadSeats])
        _ = Update.apply(&s, .seatsLoaded([], summary: SeatsDaySummary(schedules: 40, seatsTotal: 0, seatsLeft: 0, stopped: 0), matching: 3), now: now)
        XCTAssertEqual(s.seats.total, 3)
        XCTAssertEqual(ListFilterUpdate.count(s), "3 of the day's 40")
        _ = Update.apply(&s, .key(.enter), now: now)
        _ = Update.apply(&s, .key(.char("1")), now: now)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        XCTAssertEqual(s.prompt, .search(""), "Orders keeps its search")
        _ = Update.apply(&s, .key(.escape), now: now)
        _ = Update.apply(&s, .key(.char("2")), now: now)
        XCTAssertEqual(s.listFilters[.seats], "G1", "each list keeps its own filter")
    }

    /// "杭州" on Refunds said "0 match" beside rows reading 杭州→上海: the prompt says what each view's filter matches,
    /// before anything is typed and when nothing matches, whole at 80 columns.
    func testThePromptSaysWhatTheFilterMatches() {
        for (tab, words) in [("2", "schedule id, line or city"), ("3", "refund, order or Fliggy id prefix"),
                             ("4", "order id or callback key prefix"), ("5", "any column")] {
            var s = makeState()
            _ = Update.apply(&s, .key(.char(Character(tab))), now: now)
            _ = Update.apply(&s, .key(.char("/")), now: now)
            XCTAssertTrue(FrameRenderer.render(s, now: now).text()[23].contains("filters by \(words) · Esc clears"),
                          FrameRenderer.render(s, now: now).text()[23])
        }
        var s = makeState()
        _ = Update.apply(&s, .key(.char("3")), now: now)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        _ = type(&s, "杭州")
        _ = Update.apply(&s, .refundsLoaded([], total: 0, capped: false), now: now)
        let line = FrameRenderer.render(s, now: now).text()[23]
        XCTAssertTrue(line.contains("0 match (refund, order or Fliggy id prefix)"), line)
    }
}
