import XCTest
@testable import Store
@testable import Views

/// Every view inside the chrome at 80x24 and 120x40, with Chinese data.
final class ViewGoldenTests: XCTestCase {
    static let sizes = [(80, 24), (120, 40)]

    func frame(_ w: Int, _ h: Int, tab: Int = 0, chrome: ChromeModel? = nil, _ body: (inout Screen, Rect) -> Void) -> Screen {
        var screen = Screen(width: w, height: h)
        let rect = Chrome.render(chrome ?? Fixtures.chrome(tab: tab), into: &screen)
        body(&screen, rect)
        return screen
    }

    func testOrders() {
        for (w, h) in Self.sizes {
            var m = OrdersViewModel(rows: Fixtures.orders(40), selected: 2)
            m.moreBelow = true
            let s = frame(w, h) { OrdersView.render(m, into: &$0, rect: $1) }
            Golden.check(s, "orders-\(w)x\(h)", styles: true)
            // The header the issue names, exactly.
            XCTAssertTrue(s.text()[0].contains("Orders  Seats  Refunds  Callbacks"))
            XCTAssertTrue(s.text()[2].contains("发车 (GMT+8)"))
            // Masked by default: no full phone on the list.
            XCTAssertFalse(s.text().joined().contains("13812345678"))
            XCTAssertTrue(s.text().joined().contains("138****5678"))
        }
    }

    func testOrdersUnmaskedFilteredEmptyAndLoading() {
        var m = OrdersViewModel(rows: Fixtures.orders(3), selected: 0)
        m.maskPersonal = false
        m.filterLabel = "出票成功"
        m.search = "张三"
        let s = frame(120, 40) { OrdersView.render(m, into: &$0, rect: $1) }
        XCTAssertTrue(s.text().joined().contains("张三 13812345678"))
        XCTAssertTrue(s.text()[1].contains("Filter: 出票成功"))
        XCTAssertTrue(s.text()[1].contains("Search: 张三"))

        var empty = OrdersViewModel(rows: [], selected: nil)
        empty.filterLabel = "退票中"
        Golden.check(frame(80, 24) { OrdersView.render(empty, into: &$0, rect: $1) }, "orders-empty-80x24")
        empty.loaded = false
        XCTAssertTrue(frame(80, 24) { OrdersView.render(empty, into: &$0, rect: $1) }.text().joined().contains("Loading…"))
    }

    func testOrdersColumnsAdaptToWidth() {
        let m = OrdersViewModel(rows: Fixtures.orders(3), selected: 0)
        let wide = frame(120, 40) { OrdersView.render(m, into: &$0, rect: $1) }.text()[2]
        let narrow = frame(80, 24) { OrdersView.render(m, into: &$0, rect: $1) }.text()[2]
        XCTAssertTrue(wide.contains("飞猪订单号") && wide.contains("票数"))
        XCTAssertFalse(narrow.contains("飞猪订单号"))
        XCTAssertTrue(narrow.contains("订单号") && narrow.contains("金额(元)") && narrow.contains("状态"))
    }

    func testOrderDetail() {
        for (w, h) in Self.sizes {
            let m = OrderDetailViewModel(detail: Fixtures.detail())
            let s = frame(w, h) { OrderDetailView.render(m, into: &$0, rect: $1) }
            Golden.check(s, "detail-\(w)x\(h)", styles: w == 120)
            XCTAssertFalse(s.text().joined().contains("33010619900307123X"))
        }
        // Revealed and scrolled to the end: full certificate, the audit trail at the bottom.
        var m = OrderDetailViewModel(detail: Fixtures.detail(), revealed: true)
        let rect = Rect(x: 0, y: 1, width: 80, height: 21)
        m.scroll = OrderDetailView.maxScroll(m, rect: rect)
        XCTAssertGreaterThan(m.scroll, 0)
        let s = frame(80, 24) { OrderDetailView.render(m, into: &$0, rect: $1) }
        Golden.check(s, "detail-revealed-end-80x24")
        XCTAssertTrue(s.text().joined().contains("客服小王"))
        // The failed callback's response is shown in full, wrapped; the request only once revealed.
        let hidden = OrderDetailView.lines(OrderDetailViewModel(detail: Fixtures.detail()), width: 78)
        let shown = OrderDetailView.lines(OrderDetailViewModel(detail: Fixtures.detail(), revealed: true), width: 78)
        func text(_ lines: [[TextSpan]]) -> String { lines.map { $0.map(\.text).joined() }.joined(separator: "\n") }
        XCTAssertTrue(text(hidden).contains("request_id"))
        XCTAssertFalse(text(hidden).contains("method=taobao"))
        XCTAssertTrue(text(shown).contains("method=taobao"))
        let wrapped = shown.filter { $0.count == 1 && $0[0].text.hasPrefix("        ") }
        XCTAssertGreaterThanOrEqual(wrapped.count, 5)
        XCTAssertTrue(wrapped.allSatisfy { DisplayWidth.of($0[0].text) <= 78 })
        let top = frame(80, 24) { OrderDetailView.render(OrderDetailViewModel(detail: Fixtures.detail(), revealed: true), into: &$0, rect: $1) }
        XCTAssertTrue(top.text().joined().contains("33010619900307123X"))
    }

    func testSeats() {
        for (w, h) in Self.sizes {
            let m = SeatsViewModel(day: Fixtures.day, schedules: (0..<6).map(Fixtures.schedule), selected: 1)
            let s = frame(w, h, tab: 1) { SeatsView.render(m, into: &$0, rect: $1) }
            Golden.check(s, "seats-\(w)x\(h)", styles: true)
            XCTAssertTrue(s.text().joined().contains("停运"))
        }
    }

    func testSeatBarProportions() {
        let bar = SeatsView.bar(sold: 40, held: 2, total: 45, width: 16)
        XCTAssertEqual(bar.map(\.style.role), [.barSold, .barHeld, .barLeft])
        XCTAssertEqual(bar.map { $0.text.count }, [14, 1, 1])
        XCTAssertEqual(SeatsView.bar(sold: 0, held: 0, total: 45, width: 10).map(\.text), [String(repeating: "░", count: 10)])
        XCTAssertEqual(SeatsView.bar(sold: 45, held: 0, total: 45, width: 10).map(\.text), [String(repeating: "█", count: 10)])
        // 44 of 45 sold still shows the one seat left.
        XCTAssertEqual(SeatsView.bar(sold: 44, held: 0, total: 45, width: 10).map { $0.text.count }, [9, 1])
    }

    func testRefunds() {
        for (w, h) in Self.sizes {
            let m = RefundsViewModel(rows: (0..<4).map(Fixtures.pendingRefund), total: 4, selected: 0)
            let s = frame(w, h, tab: 2) { RefundsView.render(m, into: &$0, rect: $1) }
            Golden.check(s, "refunds-\(w)x\(h)", styles: true)
            XCTAssertTrue(s.text().joined().contains("2h13m"))
            XCTAssertTrue(s.text().joined().contains("不可退"))
        }
        // Deep in a long queue the sub-header says where.
        // The rows are the window loaded from position 18; the screen starts at 20 with 21 selected.
        var deep = RefundsViewModel(rows: (0..<6).map(Fixtures.pendingRefund), total: 134, offset: 20, selected: 21)
        deep.first = 18
        let s = frame(80, 24, tab: 2) { RefundsView.render(deep, into: &$0, rect: $1) }
        XCTAssertTrue(s.text()[1].hasSuffix("21-24/134"))
        let windowed = RefundsViewModel(rows: Array((0..<6).map(Fixtures.pendingRefund).dropFirst(2)), total: 134, offset: 20, selected: 21)
        let same = frame(80, 24, tab: 2) { RefundsView.render(windowed, into: &$0, rect: $1) }
        XCTAssertNotEqual(s.text(), same.text(), "rows are taken from the window's start, not its first row")
        XCTAssertEqual(s.text()[3], frame(80, 24, tab: 2) { RefundsView.render({ var m = deep; m.first = 20; m.rows = Array(deep.rows.dropFirst(2)); return m }(), into: &$0, rect: $1) }.text()[3])
    }

    func testCallbacks() {
        for (w, h) in Self.sizes {
            let rows = [Fixtures.callback(0, state: .failed), Fixtures.callback(1, state: .failed, method: "taobao.bus.agent.refund.confirm"),
                        Fixtures.callback(2, state: .pending), Fixtures.callback(3, state: .sent)]
            var m = CallbacksViewModel(rows: rows, total: 4, now: Fixtures.now, selected: 2)
            m.pending = 1; m.failed = 2
            let s = frame(w, h, tab: 3) { CallbacksView.render(m, into: &$0, rect: $1) }
            Golden.check(s, "callbacks-\(w)x\(h)", styles: true)
            XCTAssertTrue(s.text().joined().contains("bookticket"))
        }
    }

    func testHelpOverlay() {
        let rows = [HelpRow(section: "global", keys: "q Ctrl-C", help: "quit"), HelpRow(section: "global", keys: "Tab", help: "next view"),
                    HelpRow(section: "global", keys: "?", help: "this help"),
                    HelpRow(section: "orders", keys: "/", help: "search: order id, phone, 姓名, 证件"),
                    HelpRow(section: "orders", keys: "Enter", help: "open order detail")]
        for (w, h) in Self.sizes {
            let s = frame(w, h) { screen, rect in
                OrdersView.render(OrdersViewModel(rows: Fixtures.orders(30), selected: 0), into: &screen, rect: rect)
                HelpOverlay.render(HelpModel(rows: rows), into: &screen, area: rect)
            }
            Golden.check(s, "help-\(w)x\(h)")
            XCTAssertTrue(s.text().joined().contains(" Help "))
        }
    }

    func testConfirmDialogCancelFocusedFirst() {
        let m = ConfirmModel(title: "Approve refund", lines: ["订单 BO0000001000  张三", "实付 123.00  手续费 12.30  退款 110.70 元"])
        for (w, h) in Self.sizes {
            let s = frame(w, h, tab: 2) { overOrders(ConfirmDialog.render, m, &$0, $1) }
            Golden.check(s, "confirm-\(w)x\(h)", styles: w == 80)
        }
        var s = Screen(width: 80, height: 24)
        ConfirmDialog.render(m, into: &s, area: s.bounds)
        let row = s.text().firstIndex { $0.contains("[ Cancel ]") }!
        let line = s.text()[row]
        let cancelX = DisplayWidth.of(String(line[..<line.range(of: "[ Cancel ]")!.lowerBound]))
        XCTAssertEqual(s[cancelX, row].style.role, .dialogButtonFocused)
    }

    func testFormDialog() {
        let m = FormModel(title: "Issue tickets 出票", fields: [
            .init(label: "取票号", value: "T2026112200", hint: "ticket no"), .init(label: "取票密码", value: "8842", hint: "password", secret: true),
            .init(label: "检票口", value: "5号", hint: "gate"),
        ], focused: 1, error: "取票号 must be 6–32 letters or digits")
        for (w, h) in Self.sizes {
            let s = frame(w, h) { overOrders(FormDialog.render, m, &$0, $1) }
            Golden.check(s, "form-\(w)x\(h)", styles: w == 80)
            XCTAssertFalse(s.text().joined().contains("8842"))
        }
    }

    func testTooSmall() {
        var s = Screen(width: 40, height: 10)
        XCTAssertTrue(TooSmall.isTooSmall(width: 40, height: 10))
        XCTAssertFalse(TooSmall.isTooSmall(width: 80, height: 24))
        TooSmall.render(into: &s)
        Golden.check(s, "too-small-40x10")
        XCTAssertTrue(s.text()[4].contains("Terminal too small"))
        XCTAssertTrue(s.text()[5].contains("40x10, need 60x16"))
    }

    func testChromeBadgesPromptAndClock() {
        var c = Fixtures.chrome()
        c.readOnly = true
        c.sendingPaused = true
        c.live = false
        c.dataAge = 12
        c.prompt = .init(prefix: ":", text: "seats 2026-11-22")
        var s = Screen(width: 120, height: 24)
        Chrome.render(c, into: &s)
        Golden.check(s, "chrome-badges-120x24", styles: true)
        XCTAssertTrue(s.text()[0].hasSuffix("DEMO   READ-ONLY   SENDING PAUSED"))
        XCTAssertTrue(s.text()[22].contains("○ stale 12s"))
        XCTAssertTrue(s.text()[22].contains("15:04:05 GMT+8"))
        XCTAssertEqual(s.text()[23], ":seats 2026-11-22")
        c.clockShowsSeconds = false
        c.prompt = nil
        c.message = .init(.error, "read-only: nothing was written")
        Chrome.render(c, into: &s)
        XCTAssertTrue(s.text()[22].hasSuffix("15:04 GMT+8"))
        XCTAssertEqual(s[0, 23].style.role, .error)
    }
}

/// Renders an overlay over an orders list (what the operator sees behind a dialog).
func overOrders<M>(_ render: (M, inout Screen, Rect) -> Void, _ m: M, _ screen: inout Screen, _ rect: Rect) {
    OrdersView.render(OrdersViewModel(rows: Fixtures.orders(30), selected: 0), into: &screen, rect: rect)
    render(m, &screen, rect)
}
