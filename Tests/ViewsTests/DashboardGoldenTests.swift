import XCTest
@testable import Store
@testable import Views

/// The Dashboard (issue 13) at 80x24 and 120x40, in UTF-8 (eighth blocks) and under LANG=C / TERM=vt100 (ASCII: no
/// chart or frame character above 0x7F, city names and data as they are), and without colour (the style map: each
/// series is told apart by glyph and label, not colour).
final class DashboardGoldenTests: XCTestCase {
    static func data() -> DashboardData {
        let now = Fixtures.now
        var d = DashboardData(day: ChinaTime.startOfDay(now), now: now)
        for h in 0..<24 {
            let shape = [0, 0, 0, 0, 0, 1, 3, 8, 12, 10, 9, 11, 14, 12, 10, 9, 7, 0, 0, 0, 0, 0, 0, 0][h]
            d.today[h] = .init(orders: shape * 3, tickets: shape * 5)
            d.lastWeek[h] = .init(orders: [0, 0, 0, 0, 0, 2, 4, 6, 9, 11, 12, 10, 9, 8, 8, 7, 6, 8, 7, 5, 3, 2, 1, 0][h] * 3, tickets: 0)
            if (6...21).contains(h) {
                d.departuresToday[h] = .init(total: 200, sold: h * 8, held: h % 3 * 4)
                d.departuresTomorrow[h] = .init(total: 200, sold: h * 3, held: h % 2 * 6)
            }
            if h <= 15 {
                var acks = Array(repeating: 0, count: AckLatency.buckets)
                if shape > 0 { acks[1] = shape * 2 - 1; acks[3 + h % 4] = 1 }   // one slow acknowledgement an hour: p95 moves with it
                d.calls[h] = .init(sent: shape * 2, retried: shape / 3, dead: h == 9 ? 2 : 0, acks: acks)
            }
        }
        d.pending = [.init(refunds: 3, paidFen: 45000), .init(refunds: 5, paidFen: 61050), .init(refunds: 2, paidFen: 19800),
                     .init(refunds: 12, paidFen: 230000)]
        d.traffic = [
            .init(interface: "qimen.taobao.bus.seat.query", perMinute: (0..<60).map { 10 + $0 % 7 }, requests: 759, errors: 0),
            .init(interface: "qimen.taobao.bus.order.create", perMinute: (0..<60).map { $0 % 5 == 0 ? 3 : 0 }, requests: 36, errors: 2),
        ]
        d.soldFen = 1_234_500; d.paidOrders = 96; d.refundedFen = 98_000; d.refunds = 7; d.feesFen = 4_900
        return d
    }

    func frame(_ w: Int, _ h: Int, _ m: DashboardViewModel) -> Screen {
        var screen = Screen(width: w, height: h)
        var chrome = Fixtures.chrome(tab: 4)
        chrome.tabs = ["Orders", "Seats", "Refunds", "Callbacks", "Dashboard"]
        let rect = Chrome.render(chrome, into: &screen)
        DashboardView.render(m, into: &screen, rect: rect)
        return screen
    }

    func testGoldens() {
        for (w, h) in [(80, 24), (120, 40)] {
            let utf8 = frame(w, h, DashboardViewModel(data: Self.data(), glyphs: .unicode))
            Golden.check(utf8, "dashboard-\(w)x\(h)", styles: w == 80)
            let ascii = frame(w, h, DashboardViewModel(data: Self.data(), glyphs: .ascii))
            Golden.check(ascii, "dashboard-ascii-\(w)x\(h)")
            let text = ascii.text()
            // Below the header (the chrome's own path and badges are ASCII too), nothing above 0x7F.
            for line in text.dropFirst(1).dropLast(2) {
                XCTAssertTrue(line.unicodeScalars.allSatisfy { $0.isASCII }, "\(w)x\(h) ASCII: \(line)")
            }
            let all = utf8.text().joined(separator: "\n")
            for figure in ["12345.00", "980.00", "49.00", "net 11365.00", "<15m 3", "older 12", "= 22, 3558.50 yuan", "seat.query", "order.create", "5% err"] {
                XCTAssertTrue(all.contains(figure), "\(w)x\(h) shows \(figure)\n\(all)")
            }
            XCTAssertTrue(all.contains("█") && all.contains("▁"), "eighth blocks in UTF-8")
        }
    }

    /// NO_COLOR: the frame as the terminal shows it with no colours at all (each cell's attributes after the theme's
    /// monochrome mapping: R reverse, B bold, U underline, d dim, space none). The charts' series stay apart by
    /// glyph and by these attributes, never by colour.
    func testNoColorGoldens() {
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = frame(w, h, DashboardViewModel(data: Self.data(), glyphs: .unicode))
            let theme = Theme.builtinDefault
            let map = (0..<screen.height).map { y in
                String((0..<screen.width).map { x -> Character in
                    let a = theme.resolve(screen[x, y].style, depth: .none).attributes
                    if a.contains(.reverse) { return "R" }
                    if a.contains(.bold) { return "B" }
                    if a.contains(.underline) { return "U" }
                    if a.contains(.dim) { return "d" }
                    return " "
                })
            }
            Golden.compare(map.joined(separator: "\n") + "\n", "dashboard-\(w)x\(h).nocolor.txt", file: #filePath, line: #line)
            XCTAssertTrue(map.contains { $0.contains("R") }, "the active tab and badges stay visible without colour")
        }
    }

    func testGlyphsFollowLocaleAndTerminal() {
        XCTAssertEqual(ChartGlyphs.detect(["LANG": "en_US.UTF-8", "TERM": "xterm-256color"]), .unicode)
        XCTAssertEqual(ChartGlyphs.detect(["LANG": "C", "TERM": "xterm"]), .ascii)
        XCTAssertEqual(ChartGlyphs.detect(["LANG": "zh_CN.utf8", "TERM": "vt100"]), .ascii)
        XCTAssertEqual(ChartGlyphs.detect(["LC_ALL": "C", "LANG": "en_US.UTF-8", "TERM": "xterm"]), .ascii)
        XCTAssertEqual(ChartGlyphs.detect(["LANG": "C.UTF-8", "TERM": "linux"]), .ascii)
        XCTAssertEqual(ChartGlyphs.unicode.spark([0, 1, 4, 8], max: 8), " ▁▄█")
        XCTAssertEqual(ChartGlyphs.ascii.fill(sold: 5, held: 1, total: 10, width: 10), "#####+....")
    }

    /// A busy day's money at 80x24 read "net -163" for -16316.65: every figure is whole, fees and net on a line
    /// of their own where they do not fit beside the rest.
    func testMoneyFiguresAreWholeAt80Columns() {
        var d = Self.data()
        d.soldFen = 239_600; d.paidOrders = 12; d.refundedFen = 1_871_265; d.refunds = 115; d.feesFen = 54_735
        for (w, h) in [(80, 24), (120, 40)] {
            let text = frame(w, h, DashboardViewModel(data: d, glyphs: .unicode)).text().joined(separator: "\n")
            for figure in ["sold 2396.00 (12)", "refunded 18712.65 (115)", "fees 547.35", "net -16316.65"] {
                XCTAssertTrue(text.contains(figure), "\(figure) at \(w)x\(h):\n\(text)")
            }
        }
    }
}
