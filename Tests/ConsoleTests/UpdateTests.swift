import Foundation
import TestFixtures
import XCTest
@testable import Console
@testable import Store
import Operations

/// `Update.apply` is pure: these drive it with events and check the state and the effects it asks for.
final class UpdateTests: XCTestCase {
    let now = fixedNow

    func makeState(readOnly: Bool = false) -> AppState {
        consoleState(readOnly: readOnly, width: 80, height: 24, now: now)
    }

    func order(_ id: Int64) -> OrderSummary {
        OrderSummary(id: id, agentOrderId: "BO\(id)", mainBizOrderId: "39\(id)", status: .issued, departsAt: now + 3600,
                     fromCity: "杭州", toCity: "上海", contactName: "张三", contactPhone: "13800000000", ticketCount: 1,
                     totalFen: 9800, createdAt: now)
    }

    func loaded(_ s: inout AppState, ids: ClosedRange<Int64>, top: OrderCursor? = nil) {
        _ = Update.apply(&s, .ordersLoaded(top: top, rows: ids.reversed().map(order), selected: 0), now: now)
    }

    func testMovingDownWithinThePageNeedsNoQuery() {
        var s = makeState()
        loaded(&s, ids: 1...40)
        XCTAssertEqual(Update.apply(&s, .key(.char("j")), now: now), [])
        XCTAssertEqual(s.orders.selected, 1)
        XCTAssertEqual(Update.apply(&s, .key(.down), now: now), [])
        XCTAssertEqual(s.orders.selected, 2)
    }

    func testMovingPastTheLastRowPagesByKeyset() {
        var s = makeState()
        loaded(&s, ids: 1...40)
        s.orders.selected = s.orders.pageSize - 1
        let effects = Update.apply(&s, .key(.char("j")), now: now)
        let second = s.orders.rows[1]
        XCTAssertEqual(effects, [.loadOrders(.from(second.cursor(.created), keepSelection: s.orders.rows[s.orders.pageSize].id))])
    }

    func testGAndShiftGGoToTheEnds() {
        var s = makeState()
        loaded(&s, ids: 1...40)
        XCTAssertEqual(Update.apply(&s, .key(.char("G")), now: now), [.loadOrders(.end)])
        XCTAssertEqual(Update.apply(&s, .key(.char("g")), now: now), [.loadOrders(.from(nil, keepSelection: nil))])
    }

    func testAnotherProcessCommitReloadsWhatIsOnScreenKeepingTheSelection() {
        var s = makeState()
        loaded(&s, ids: 1...40)
        s.orders.selected = 3
        let selectedId = s.orders.selectedOrder!.id
        let effects = Update.apply(&s, .externalChange(dataVersion: 9, at: now), now: now)
        XCTAssertEqual(effects, [.loadOrders(.from(nil, keepSelection: selectedId)), .loadHealth])
        XCTAssertEqual(s.live.dataVersion, 9)
    }

    func testTabsNumbersAndCommands() {
        var s = makeState()
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(s.tab, .seats)
        _ = Update.apply(&s, .key(.char("4")), now: now)
        XCTAssertEqual(s.tab, .callbacks)
        _ = Update.apply(&s, .key(.char(":")), now: now)
        for c in "seats 2026-11-22" { _ = Update.apply(&s, .key(.char(c)), now: now) }
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.loadSeats])
        XCTAssertEqual(s.tab, .seats)
        XCTAssertEqual(ChinaTime.date(s.seatsDay), "2026-11-22")
        XCTAssertEqual(s.commandHistory, ["seats 2026-11-22"])
        _ = Update.apply(&s, .key(.char("]")), now: now)
        XCTAssertEqual(ChinaTime.date(s.seatsDay), "2026-11-23")
        _ = Update.apply(&s, .key(.char(":")), now: now)
        _ = Update.apply(&s, .key(.up), now: now)
        XCTAssertEqual(s.prompt, .command("seats 2026-11-22"), "history recalls the last command")
        _ = Update.apply(&s, .key(.escape), now: now)
        _ = Update.apply(&s, .key(.char(":")), now: now)
        for c in "seats 2026-13-40" { _ = Update.apply(&s, .key(.char(c)), now: now) }
        _ = Update.apply(&s, .key(.enter), now: now)
        XCTAssertEqual(s.message?.kind, .error)
        _ = Update.apply(&s, .key(.char(":")), now: now)
        _ = Update.apply(&s, .key(.char("q")), now: now)
        _ = Update.apply(&s, .key(.enter), now: now)
        XCTAssertTrue(s.quit)
    }

    func testSearchAndNextMatch() {
        var s = makeState()
        loaded(&s, ids: 1...40)
        XCTAssertEqual(Update.apply(&s, .key(.char("n")), now: now), [], "no search yet")
        XCTAssertEqual(s.message?.kind, .error)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        for c in "张" { _ = Update.apply(&s, .key(.char(c)), now: now) }
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.search(query: "张", forward: true)])
        XCTAssertEqual(Update.apply(&s, .key(.char("N")), now: now), [.search(query: "张", forward: false)])
        let hit = order(7)
        XCTAssertEqual(Update.apply(&s, .searchResult(hit, query: "张"), now: now), [.loadOrders(.from(hit.cursor(.created), keepSelection: 7))])
    }

    func testEnterOpensDetailAndEscapeGoesBack() {
        var s = makeState()
        loaded(&s, ids: 1...5)
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.loadDetail(5, revealed: false)])
        XCTAssertEqual(s.detail?.orderId, 5)
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertNil(s.detail)
    }

    func testReadOnlyRefusesEveryWritingKey() {
        var s = makeState(readOnly: true)
        _ = Update.apply(&s, .key(.char("3")), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("A")), now: now), [])
        XCTAssertTrue(s.message?.text.hasPrefix("read-only") ?? false, s.message?.text ?? "")
        XCTAssertNil(s.overlay)
    }

    func testHelpIsGeneratedFromTheKeyTable() {
        let rows = KeyTable.helpRows(for: KeyTable.contexts(tab: .orders, inDetail: false))
        for binding in KeyTable.bindings where [.global, .list, .orders].contains(binding.context) {
            XCTAssertTrue(rows.contains { $0.help == binding.help }, binding.help)
        }
        var s = makeState()
        _ = Update.apply(&s, .key(.char("?")), now: now)
        XCTAssertEqual(s.overlay, .help)
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertNil(s.overlay)
    }

    func testConfirmationDefaultsToCancel() {
        var s = makeState()
        let pending = PendingAction(request: .approveRefund(refundId: "RF1", feeFen: 0),
                                    shown: ActionPreview(title: "Approve", lines: [], version: 1, method: nil))
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Approve", lines: [], pending: pending)), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [], "Enter on the default button cancels")
        XCTAssertNil(s.overlay)
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Approve", lines: [], pending: pending)), now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.perform(pending)])
    }
}

extension UpdateTests {
    func testChangeScheduleOpensAFormBoundToTheVersionSeen() throws {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("2")), now: now)
        let row = ScheduleSeats(scheduleId: "L-1", lineId: "L", departsAt: now + 7200, fromTimeType: 1, windowEndAt: nil, fromCity: "杭州",
                                toCity: "上海", seatsTotal: 45, seatsSold: 3, seatsHeld: 1, priceFen: 9800, serviceFeeFen: 0, onSale: true,
                                stopReason: nil, stopReasonCode: nil, version: 7)
        _ = Update.apply(&s, .seatsLoaded([row]), now: now)
        _ = Update.apply(&s, .key(.char("C")), now: now)
        guard case .form(let f)? = s.overlay else { return XCTFail("a form opens: \(String(describing: s.overlay))") }
        XCTAssertEqual(f.purpose, FormPurpose(unit: "schedule.change", row: .schedule(row)))
        XCTAssertEqual(f.purpose.row.version, 7)
        XCTAssertEqual(f.fields.map(\.value), ["98.00", ChinaTime.minute(now + 7200)])
        let unit = try XCTUnwrap(ActionUnits.named("schedule.change"))
        XCTAssertEqual(try unit.request(row: f.purpose.row, typed: ["price": "88.5", "departs": ChinaTime.minute(now + 7200)]),
                       ActionRequest(unit: "schedule.change", subject: "L-1", values: ["price": "8850", "departs": ChinaTime.minute(now + 7200)],
                                     expectedVersion: 7))
        XCTAssertThrowsError(try unit.request(row: f.purpose.row, typed: ["price": "88.555", "departs": ""]))
    }
}

extension UpdateTests {
    func testAPausedSearchCarriesOnWithN() {
        var s = makeState()
        loaded(&s, ids: 1...40)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        for c in "司马" { _ = Update.apply(&s, .key(.char(c)), now: now) }
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.search(query: "司马", forward: true)])
        _ = Update.apply(&s, .searchPaused(query: "司马", forward: true, resumeAfter: 20_000), now: now)
        XCTAssertTrue(s.message?.text.contains("n searches on") ?? false, s.message?.text ?? "")
        XCTAssertEqual(Update.apply(&s, .key(.char("n")), now: now), [.continueSearch(query: "司马", forward: true, from: 20_000)])
        XCTAssertEqual(Update.apply(&s, .key(.char("N")), now: now), [.search(query: "司马", forward: false)], "the other direction starts afresh")
        _ = Update.apply(&s, .searchResult(nil, query: "司马"), now: now)
        XCTAssertNil(s.searchResume)
    }
}

extension UpdateTests {
    /// Personal data shows only after its audit row is committed; hiding it again needs no audit.
    func testRevealWaitsForItsAuditRow() throws {
        var s = makeState()
        loaded(&s, ids: 1...5)
        _ = Update.apply(&s, .key(.enter), now: now)
        let store = try TempDemoDetail.make(now: now)
        _ = Update.apply(&s, .detailLoaded(store), now: now)
        let id = store.summary.agentOrderId
        XCTAssertEqual(Update.apply(&s, .key(.char("v")), now: now), [.audit(action: "reveal.personal-data", entity: "order", id: id)])
        XCTAssertEqual(s.detail?.revealed, false, "nothing shown before the audit row exists")
        _ = Update.apply(&s, .revealAudited(agentOrderId: id), now: now)
        XCTAssertEqual(s.detail?.revealed, true)
        XCTAssertEqual(Update.apply(&s, .key(.char("v")), now: now), [])
        XCTAssertEqual(s.detail?.revealed, false)
    }
}

/// One real order detail from a small demo store.
enum TempDemoDetail {
    static func make(now: Int) throws -> OrderDetail {
        let temp = TemporaryStore(label: "busops-reveal")
        let store = try temp.demo(orders: 5, seed: 1, now: now)
        return try XCTUnwrap(store.orderDetail(id: 5))
    }
}

extension UpdateTests {
    /// The Refunds list holds a window around the selection and moves it as the operator scrolls.
    func testRefundsListLoadsAWindowAroundTheSelection() throws {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("3")), now: now)
        let detail = try TempDemoDetail.make(now: now)
        let row = PendingRefund(refund: RefundRecord(id: 1, refundId: "RF1", terms: RefundTerms(orderId: 1, ticketId: nil, source: .online, scene: .common,
                                                     reasonCode: nil, reason: nil, paidFen: 100, feeFen: 0, amountFen: 0), status: .pending,
                                                     idempotencyKey: "RT1", resultCode: nil, requestedAt: now, decidedAt: nil, decidedBy: nil, version: 1),
                                agentOrderId: detail.summary.agentOrderId, mainBizOrderId: "1", departsAt: now + 3600, fromCity: "杭州",
                                toCity: "上海", contactName: "张三", passengerNames: "张三", currentFeeFen: 0, currentFeePercent: 0, secondsToNextTier: nil)
        let page = s.listHeight
        func rows(_ start: Int, _ count: Int) -> [PendingRefund] {
            (start..<start + count).map { n in var r = row; r.refund.id = Int64(n); r.refund.refundId = "RF\(n)"; return r }
        }
        _ = Update.apply(&s, .refundsLoaded(rows(0, 3 * page), start: 0, total: 5000), now: now)
        var asked = false
        var presses = 0
        while !asked && presses < 3 * page {
            asked = Update.apply(&s, .key(.char("j")), now: now).contains(.loadRefunds)
            presses += 1
        }
        XCTAssertTrue(asked, "a new window is asked for before the selection reaches the loaded rows' end")
        XCTAssertLessThan(s.refunds.selected, 3 * page - 1)
        XCTAssertEqual(OffsetListState<PendingRefund>.window(selected: s.refunds.selected, page: page, total: 5000).start, s.refunds.selected - page / 2)

        // G goes to the end of the whole queue, not of the loaded rows, and the window follows.
        XCTAssertTrue(Update.apply(&s, .key(.char("G")), now: now).contains(.loadRefunds))
        XCTAssertEqual(s.refunds.selected, 4999)
        let w = OffsetListState<PendingRefund>.window(selected: 4999, page: page, total: 5000)
        _ = Update.apply(&s, .refundsLoaded(rows(w.start, 5000 - w.start), start: w.start, total: 5000), now: now)
        XCTAssertEqual(s.refunds.selectedRow?.refund.refundId, "RF4999")
        let screen = FrameRenderer.render(s, now: now)
        let text = (0..<screen.height).map { y in (0..<screen.width).map { screen[$0, y].text }.joined() }.joined(separator: "\n")
        XCTAssertTrue(text.contains("/5000"), "the position shows the whole queue:\n\(text)")
        XCTAssertTrue(text.contains("4999-5000/5000") || text.contains("-5000/5000"), text)
    }
}

extension UpdateTests {
    /// Switching back to a view loaded since the last commit costs no query; any commit (another process's or an
    /// action of this console), a new minute on the Refunds fees, or another Seats day loads it again.
    func testSwitchingBackReloadsOnlyWhatMayHaveChanged() {
        var s = makeState()
        XCTAssertEqual(Update.apply(&s, .key(.char("4")), now: now), [.loadCallbacks])
        _ = Update.apply(&s, .callbacksLoaded([], start: 0, total: 0), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("3")), now: now), [.loadRefunds])
        _ = Update.apply(&s, .refundsLoaded([], start: 0, total: 0), now: now)
        XCTAssertEqual(Update.apply(&s, .key(.char("2")), now: now), [.loadSeats])
        _ = Update.apply(&s, .seatsLoaded([], start: 0, summary: SeatsDaySummary(schedules: 0, seatsTotal: 0, seatsLeft: 0, stopped: 0)), now: now)

        XCTAssertEqual(Update.apply(&s, .key(.char("4")), now: now), [], "nothing committed since: the rows on hand are current")
        XCTAssertEqual(Update.apply(&s, .key(.char("3")), now: now), [])
        XCTAssertEqual(Update.apply(&s, .key(.char("3")), now: now + 60), [.loadRefunds], "a new minute re-quotes the fees")
        _ = Update.apply(&s, .refundsLoaded([], start: 0, total: 0), now: now + 60)

        _ = Update.apply(&s, .externalChange(dataVersion: 9, at: now + 60), now: now + 60)
        XCTAssertEqual(Update.apply(&s, .key(.char("4")), now: now + 60), [.loadCallbacks], "another process committed")
        _ = Update.apply(&s, .callbacksLoaded([], start: 0, total: 0), now: now + 60)
        _ = Update.apply(&s, .actionDone("approved"), now: now + 60)
        XCTAssertTrue(Update.apply(&s, .key(.char("2")), now: now + 60).contains(.loadSeats), "this console committed")
        _ = Update.apply(&s, .seatsLoaded([], start: 0, summary: SeatsDaySummary(schedules: 0, seatsTotal: 0, seatsLeft: 0, stopped: 0)), now: now + 60)
        XCTAssertEqual(Update.apply(&s, .key(.char("1")), now: now + 60), [.loadOrders(.from(s.orders.top, keepSelection: s.orders.selectedOrder?.id))])
        s.seatsDay += 86400
        XCTAssertEqual(Update.apply(&s, .key(.char("2")), now: now + 60), [.loadSeats], "another day")
    }
}

extension UpdateTests {
    /// A new minute re-quotes the Refunds queue on screen, and asks nothing of any other view but the due work
    /// (issue 12: the tab bar counts what is due within the hour, on every view).
    func testMinuteTurnReloadsOnlyTheRefundsOnScreen() {
        var s = makeState()
        XCTAssertEqual(Update.apply(&s, .minuteTurned, now: now + 60), [.loadDue])
        _ = Update.apply(&s, .key(.char("3")), now: now)
        XCTAssertEqual(Update.apply(&s, .minuteTurned, now: now + 60), [.loadRefunds, .loadDue])
    }
}
