import XCTest
@testable import Console
import Operations
@testable import Store
@testable import Views

/// Issue 12, "Keys in sight": the hint line comes from the key table for the screen as it is, fits 80 columns, and
/// the help overlay scrolls so the view's own keys are reachable at 80x24.
final class KeyHintsTests: XCTestCase {
    let now = fixedNow

    func makeState(readOnly: Bool = false, width: Int = 80, height: Int = 24) -> AppState {
        consoleState(readOnly: readOnly, width: width, height: height, now: now)
    }

    func bottomLine(_ s: AppState) -> String {
        FrameRenderer.render(s, now: now).text()[s.height - 1]
    }

    func testEachViewShowsItsOwnActionKeysAt80Columns() {
        var s = makeState()
        let expected: [(Tab, [String])] = [
            (.orders, ["Enter detail", "/ search", "s sort"]),
            (.seats, ["S stop", "C change", "[ day"]),
            (.refunds, ["A approve", "R reject", "Enter order"]),
            (.callbacks, ["T retry"]),
            (.due, ["Enter open"]),
        ]
        for (tab, keys) in expected {
            _ = Update.apply(&s, .key(.char(Character(String(tab.rawValue + 1)))), now: now)
            let line = bottomLine(s)
            for k in keys { XCTAssertTrue(line.contains(k), "\(tab): \(line)") }
            XCTAssertTrue(line.trimmingCharacters(in: .whitespaces).hasSuffix("? help"), line)
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80)
        }
    }

    /// On Orders `/` searches and in a detail `q` goes back: the hint line offered "/ filter" and "q quit" there too,
    /// keys that did something else. Each hint's key, pressed on that screen, must reach the binding it names.
    func testNoHintIsShadowedByAMoreSpecificKey() throws {
        let s = makeState(width: 160)
        let orders = KeyHints.hints(s, now: now).map { "\($0.keys) \($0.label)" }
        XCTAssertTrue(orders.contains("/ search"), "\(orders)")
        XCTAssertFalse(orders.contains("/ filter"), "\(orders)")
        let quit = try XCTUnwrap(KeyTable.bindings.first { $0.context == .global && $0.action == .quit })
        XCTAssertTrue(KeyHints.reached(quit, in: KeyTable.contexts(tab: .orders, inDetail: false)))
        XCTAssertFalse(KeyHints.reached(quit, in: KeyTable.contexts(tab: .orders, inDetail: true)), "q goes back in a detail")
        for tab in 1...5 {
            var t = makeState(width: 160)
            _ = Update.apply(&t, .key(.char(Character(String(tab)))), now: now)
            for h in KeyHints.hints(t, now: now) {
                let key = try XCTUnwrap(KeyTable.bindings.first { $0.hint == h.label && $0.keys[0].label == h.keys })
                let dispatched = KeyTable.binding(for: key.keys[0], in: KeyHints.contexts(t))
                XCTAssertEqual(dispatched?.action, key.action, "tab \(tab): \(h.keys) \(h.label)")
            }
        }
    }

    func testEveryHintIsABindingThatDispatches() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("3")), now: now)
        for h in KeyHints.hints(s, now: now) {
            let key = KeyTable.bindings.first { $0.hint == h.label && $0.keys[0].label == h.keys }
            XCTAssertNotNil(key, "\(h.keys) \(h.label) is not in the key table")
        }
    }

    func testHintsFollowTheMessageAndGiveWayToIt() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("3")), now: now)
        s.message = StatusMessage(kind: .info, text: "filter: all")
        let line = bottomLine(s)
        XCTAssertTrue(line.hasPrefix("filter: all"), line)
        XCTAssertTrue(line.contains("A approve"), line)
        s.message = StatusMessage(kind: .error, text: String(repeating: "x", count: 79))
        XCTAssertFalse(bottomLine(s).contains("approve"), "a long message keeps the line")
    }

    func testReadOnlyHidesWritingKeysAndDetailHidesDueOnlyKeys() {
        var s = makeState(readOnly: true)
        _ = Update.apply(&s, .key(.char("3")), now: now)
        XCTAssertFalse(KeyHints.hints(s, now: now).contains { $0.keys == "A" }, "A would only be refused")
        var w = makeState()
        w.detail = DetailState(orderId: 1)
        let hints = KeyHints.hints(w, now: now)
        XCTAssertEqual(hints.first, KeyHint("Esc", "back"))
        XCTAssertTrue(hints.contains(KeyHint("I", "issue")))
        XCTAssertFalse(hints.contains { $0.keys == "A" || $0.keys == "T" }, "A/R/T work only on a detail opened from Due")
    }

    /// An issued order's detail offered "I issue  F fail" and an unpaid one's "O offline refund  M money refund":
    /// keys the operator would only be refused ("order … is 出票成功 …; only an order awaiting its tickets …").
    func testDetailOffersOnlyTheOrderActionsItsStatusAllows() throws {
        let fx = try ActionStoreFixture()
        func keys(_ status: OrderStatus) throws -> [String] {
            var s = consoleState(width: 160, now: fx.now)
            s.detail = DetailState(orderId: 1, detail: try fx.detail(status: status))
            return KeyHints.hints(s, now: fx.now).map(\.keys)
        }
        let awaiting = try keys(.awaitingTicket), issued = try keys(.issued), unpaid = try keys(.awaitingPayment)
        XCTAssertTrue(["I", "F", "M", "N"].allSatisfy(awaiting.contains), "\(awaiting)")
        XCTAssertFalse(awaiting.contains("O"), "no ticket to refund at the station yet: \(awaiting)")
        XCTAssertTrue(["O", "M", "N"].allSatisfy(issued.contains), "\(issued)")
        XCTAssertFalse(issued.contains("I") || issued.contains("F"), "already issued: \(issued)")
        XCTAssertFalse(["I", "F", "O", "M"].contains(where: unpaid.contains), "not paid: \(unpaid)")
        XCTAssertTrue(unpaid.contains("N"), "a note fits any order: \(unpaid)")
    }

    func testDialogsShowTheirOwnKeys() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("?")), now: now)
        XCTAssertTrue(bottomLine(s).contains("j/k scroll"), bottomLine(s))
        XCTAssertTrue(bottomLine(s).contains("Esc close"), bottomLine(s))
    }

    /// "↓ scroll" was on the hint line under every confirmation, though ↓ moves only one taller than the screen.
    func testScrollIsOfferedOnlyUnderAConfirmationThatScrolls() {
        let pending = PendingAction(request: .setSending(paused: true),
                                    shown: ActionPreview(title: "Pause sending", lines: ["pause"], version: 0, method: nil))
        var s = makeState()
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Pause", lines: ["pause sending"], pending: pending)), now: now)
        XCTAssertFalse(KeyHints.hints(s, now: now).contains { $0.label == "scroll" }, bottomLine(s))
        var t = makeState()
        let long = (1...60).map { "line \($0)" }
        _ = Update.apply(&t, .confirmReady(ConfirmState(title: "Pause", lines: long, pending: pending)), now: now)
        XCTAssertTrue(KeyHints.hints(t, now: now).contains { $0.label == "scroll" }, bottomLine(t))
    }

    /// "n next" was on the Orders hint line before any search, where n only says "no search yet".
    func testNextMatchIsOfferedOnlyAfterASearch() {
        var s = makeState(width: 160)
        XCTAssertFalse(KeyHints.hints(s, now: now).contains { $0.keys == "n" }, bottomLine(s))
        _ = Update.apply(&s, .key(.char("/")), now: now)
        typeKeys(&s, "13800", now: now)
        _ = Update.apply(&s, .key(.enter), now: now)
        XCTAssertTrue(KeyHints.hints(s, now: now).contains(KeyHint("n", "next")), bottomLine(s))
    }

    /// A detail opened from a Due refund row: at 80 columns "A approve" gave way to "O offline refund  M money
    /// refund", and once the refund was approved A/R stayed, only to meet "refund … was changed by root".
    func testADetailFromADueRefundLeadsWithItsKeysUntilTheRefundIsDecided() throws {
        let fx = try ActionStoreFixture()
        let row = try fx.refundableRow()
        var s = consoleState(width: 80, height: 24, now: fx.now)
        var d = try XCTUnwrap(try fx.store.orderDetail(id: row.refund.orderId))
        s.detail = DetailState(orderId: d.summary.id, dueRefund: row)
        _ = Update.apply(&s, .detailLoaded(d), now: fx.now)
        let line = FrameRenderer.render(s, now: fx.now).text()[23]
        XCTAssertTrue(line.hasPrefix("Esc back  A approve  R reject"), line)
        let i = try XCTUnwrap(d.refunds.firstIndex { $0.id == row.refund.id })
        d.refunds[i].status = .approved
        _ = Update.apply(&s, .detailLoaded(d), now: fx.now)
        XCTAssertNil(s.detail?.dueRefund, "the decided refund is let go")
        XCTAssertFalse(KeyHints.hints(s, now: fx.now).contains { $0.keys == "A" || $0.keys == "R" }, FrameRenderer.render(s, now: fx.now).text()[23])
    }

    func testHintLineFitsKeepingHelpLast() {
        let hints = [KeyHint("A", "approve"), KeyHint("R", "a very long label that will not fit"), KeyHint("T", "retry")]
        let fitted = HintLine.fit(hints, last: KeyHint("?", "help"), width: 30)
        XCTAssertEqual(fitted, [KeyHint("A", "approve"), KeyHint("T", "retry"), KeyHint("?", "help")])
        XCTAssertEqual(HintLine.fit(hints, last: KeyHint("?", "help"), width: 6), [KeyHint("?", "help")])
    }

    /// At 80 columns the help's ":" row ended ":orders [ID] :seats [DATE] :refunds :", the other commands cut off:
    /// every command is on screen somewhere as the help scrolls, at 80x24 and at 120x40.
    func testHelpWrapsLongRowsSoEveryCommandIsReadable() {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = makeState(width: w, height: h)
            _ = Update.apply(&s, .key(.char("?")), now: now)
            var seen = ""
            for _ in 0...HelpOverlay.maxScroll(OverlayUpdate.helpRows(s), area: Rect(x: 0, y: 1, width: w, height: s.bodyHeight)) {
                seen += FrameRenderer.render(s, now: now).text().joined(separator: "\n") + "\n"
                _ = Update.apply(&s, .key(.char("j")), now: now)
            }
            for c in PromptCommands.all { XCTAssertTrue(seen.contains(c.usage), "\(c.usage) at \(w)x\(h)") }
        }
    }

    func testHelpScrollsToTheViewsKeysAndBack() {
        var s = makeState()
        _ = Update.apply(&s, .key(.char("3")), now: now)
        _ = Update.apply(&s, .key(.char("?")), now: now)
        XCTAssertEqual(s.overlay, .help)
        let rows = OverlayUpdate.helpRows(s)
        let body = Rect(x: 0, y: 1, width: 80, height: 21)
        let last = HelpOverlay.maxScroll(rows, area: body)
        XCTAssertGreaterThan(last, 0, "at 80x24 the Refunds help is longer than the screen")
        let helpText = { FrameRenderer.render(s, now: self.now).text().joined(separator: "\n") }
        XCTAssertTrue(helpText().contains("approve refund"), "the view's own keys come first")
        _ = Update.apply(&s, .key(.char("G")), now: now)
        XCTAssertEqual(s.helpScroll, last)
        XCTAssertTrue(helpText().contains("pause / resume sending"), "the last global key is reachable")
        _ = Update.apply(&s, .key(.char("j")), now: now)
        XCTAssertEqual(s.helpScroll, last, "no scrolling past the end")
        _ = Update.apply(&s, .key(.char("k")), now: now)
        XCTAssertEqual(s.helpScroll, last - 1)
        _ = Update.apply(&s, .key(.pageUp), now: now)
        _ = Update.apply(&s, .key(.char("g")), now: now)
        XCTAssertEqual(s.helpScroll, 0)
        _ = Update.apply(&s, .key(.pageDown), now: now)
        XCTAssertEqual(s.helpScroll, min(last, 18))
        _ = Update.apply(&s, .key(.ctrl("c")), now: now)
        XCTAssertNil(s.overlay, "Ctrl-C closes the help")
        XCTAssertFalse(s.quit, "and does not quit")
        _ = Update.apply(&s, .key(.char("?")), now: now)
        XCTAssertEqual(s.helpScroll, 0, "the help opens at its top")
    }
}
