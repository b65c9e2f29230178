import Foundation
import XCTest
@testable import Store
@testable import Views
import TestFixtures

final class ThemeTests: XCTestCase {
    static let themesDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes").path

    func testShippedThemesParseAndCoverMeaning() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let t = try Theme.load(name: name, searchPaths: [Self.themesDir])
            XCTAssertEqual(t.name, name)
            XCTAssertNotNil(t.entries[.normal], name)
            XCTAssertNotNil(t.entries[.selected], name)
        }
        XCTAssertEqual(Theme.available(searchPaths: [Self.themesDir]), ["default", "high-contrast", "light", "mono"])
    }

    func testBuiltinDefaultMatchesTheFile() throws {
        let file = try String(contentsOfFile: Self.themesDir + "/default.theme", encoding: .utf8)
        XCTAssertEqual(file.trimmingCharacters(in: .newlines), BuiltinTheme.defaultText.trimmingCharacters(in: .newlines))
        // Every role has a look in the default theme, so nothing falls back by accident.
        for role in Role.all { XCTAssertNotNil(Theme.builtinDefault.entries[role], role.name) }
    }

    func testMissingDefaultFallsBackToBuiltinButOtherNamesFail() throws {
        let empty = TempDirectory("busops-themes").file("none")
        XCTAssertEqual(try Theme.load(name: "default", searchPaths: [empty]), Theme.builtinDefault)
        XCTAssertThrowsError(try Theme.load(name: "solarized", searchPaths: [empty])) { e in
            XCTAssertTrue("\(e)".contains("not found"), "\(e)")
        }
        XCTAssertThrowsError(try Theme.load(name: "../../etc/passwd", searchPaths: [Self.themesDir]))
    }

    func testFirstSearchPathWins() throws {
        let temp = TempDirectory("busops-themes")
        let dir = temp.dir
        try "normal = red black\n".write(toFile: dir + "/light.theme", atomically: true, encoding: .utf8)
        let t = try Theme.load(name: "light", searchPaths: [dir, Self.themesDir])
        XCTAssertEqual(t.entries[.normal], ThemeEntry(fg: .index(1), bg: .index(0)))
    }

    func testParserFormatAndLineNumberedErrors() throws {
        let t = try ThemeParser.parse("""
            # comment
            normal = #d0d0d0 default   # trailing comment
            selected = 231 24 bold reverse
            status.issued = bright-green
            """, name: "t")
        XCTAssertEqual(t.entries[.normal], ThemeEntry(fg: .rgb(0xd0, 0xd0, 0xd0), bg: .terminalDefault))
        XCTAssertEqual(t.entries[.selected], ThemeEntry(fg: .index(231), bg: .index(24), attributes: [.bold, .reverse]))
        XCTAssertEqual(t.entries[.status(.issued)]?.fg, .index(10))

        func error(_ text: String) -> String {
            do { _ = try ThemeParser.parse(text, name: "bad"); return "no error" } catch { return "\(error)" }
        }
        XCTAssertEqual(error("normal = red\nselcted = blue"), "bad.theme:2: unknown role \"selcted\"")
        XCTAssertEqual(error("normal = red\n\nheader = #12345g"),
                       "bad.theme:3: \"#12345g\" is not a colour (#rrggbb, 0-255, a name, default) or an attribute (bold, dim, underline, reverse)")
        XCTAssertEqual(error("normal = red blue green"), "bad.theme:1: more than two colours for \"normal\" (foreground, background)")
        XCTAssertEqual(error("normal red"), "bad.theme:1: expected `role = colours`, got \"normal red\"")
        XCTAssertEqual(error("normal = red\nnormal = blue"), "bad.theme:2: role \"normal\" already set on line 1")
        XCTAssertEqual(error("header = red"), "bad.theme: the theme must set `normal`")
        XCTAssertEqual(error("normal = 256"), "bad.theme:1: \"256\" is not a colour (#rrggbb, 0-255, a name, default) or an attribute (bold, dim, underline, reverse)")
    }

    func testColourDegradation() {
        let teal = ThemeColor.rgb(0, 135, 135)
        XCTAssertEqual(teal.degraded(to: .truecolor), teal)
        XCTAssertEqual(teal.degraded(to: .c256), .index(30))              // cube (0, 135, 135)
        XCTAssertEqual(teal.degraded(to: .c8), .index(6))                 // cyan
        XCTAssertEqual(teal.degraded(to: .none), .terminalDefault)
        XCTAssertEqual(ThemeColor.rgb(0x30, 0x30, 0x30).degraded(to: .c256), .index(236))   // grey ramp
        XCTAssertEqual(ThemeColor.rgb(0x30, 0x30, 0x30).degraded(to: .c8), .index(0))       // dark grey → black
        XCTAssertEqual(ThemeColor.rgb(0xd0, 0xd0, 0xd0).degraded(to: .c8), .index(7))
        XCTAssertEqual(ThemeColor.rgb(0xff, 0x5f, 0x5f).degraded(to: .c8), .index(1))       // red
        XCTAssertEqual(ThemeColor.rgb(0xff, 0xd7, 0x5f).degraded(to: .c8), .index(3))       // yellow
        XCTAssertEqual(ThemeColor.rgb(0x5f, 0xd7, 0x5f).degraded(to: .c8), .index(2))       // green
        XCTAssertEqual(ThemeColor.index(196).degraded(to: .c8), .index(1))
        XCTAssertEqual(ThemeColor.index(12).degraded(to: .c8), .index(4))                   // bright blue → blue
        XCTAssertEqual(ThemeColor.terminalDefault.degraded(to: .c8), .terminalDefault)
    }

    /// Meaning survives every depth: the selection and each order status stay distinguishable
    /// from plain text, and with no colour the selection is reversed and errors are bold.
    func testMeaningSurvivesEveryDepth() throws {
        for name in ["default", "light", "high-contrast", "mono"] {
            let theme = try Theme.load(name: name, searchPaths: [Self.themesDir])
            for depth in ColorDepth.allCases {
                let normal = theme.resolve(Role.normal, depth: depth)
                XCTAssertNotEqual(theme.resolve(.selected, depth: depth), normal, "\(name) \(depth)")
                XCTAssertNotEqual(theme.resolve(.error, depth: depth), normal, "\(name) \(depth)")
                XCTAssertNotEqual(theme.resolve(.tabActive, depth: depth), theme.resolve(.tabInactive, depth: depth), "\(name) \(depth)")
                if depth == .none {
                    XCTAssertTrue(theme.resolve(.selected, depth: depth).attributes.contains(.reverse), name)
                    XCTAssertTrue(theme.resolve(.error, depth: depth).attributes.contains(.bold), name)
                    XCTAssertEqual(theme.resolve(.selected, depth: depth).fg, .terminalDefault)
                }
            }
        }
        // With colour, the default theme shows issued, awaiting-ticket and refunding in different colours even at 8.
        for depth in [ColorDepth.truecolor, .c256, .c8] {
            let fgs = Set([OrderStatus.issued, .awaitingTicket, .refunding].map { Theme.builtinDefault.resolve(.status($0), depth: depth).fg })
            XCTAssertEqual(fgs.count, 3, "\(depth)")
        }
    }

    func testStyleFlagsCombineWithTheme() {
        let r = Theme.builtinDefault.resolve(Style(.normal, bold: true, reverse: true), depth: .c256)
        XCTAssertEqual(r.attributes, [.bold, .reverse])
        XCTAssertEqual(r.fg, .index(252))
    }
}

final class TerminalEnvironmentTests: XCTestCase {
    func testColorDepthDetection() {
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "xterm-256color", "NO_COLOR": "1"], terminfoColors: 256), ColorDepth.none)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "xterm-256color", "NO_COLOR": ""], terminfoColors: 256), .c256)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], terminfoColors: 256), .truecolor)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "tmux-256color", "COLORTERM": "24bit"], terminfoColors: 256), .truecolor)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "screen-256color"], terminfoColors: 256), .c256)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "linux"], terminfoColors: 8), .c8)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "linux", "COLORTERM": "truecolor"], terminfoColors: 8), .c8)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "vt100"], terminfoColors: -1), ColorDepth.none)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "vt100", "COLORTERM": "truecolor"], terminfoColors: -1), ColorDepth.none)
        XCTAssertEqual(ColorDepth.detect(env: ["TERM": "dumb"], terminfoColors: 8), ColorDepth.none)
    }

    func testOSC52() {
        XCTAssertEqual(ClipboardSequence.osc52("BO0000000123", env: [:]), "\u{1B}]52;c;Qk8wMDAwMDAwMTIz\u{07}")
        let tmux = ClipboardSequence.osc52("BO1", env: ["TMUX": "/tmp/tmux-0/default,1,0"])
        XCTAssertEqual(tmux, "\u{1B}]52;c;Qk8x\u{07}\u{1B}Ptmux;\u{1B}\u{1B}]52;c;Qk8x\u{07}\u{1B}\\")
        XCTAssertEqual(ClipboardSequence.osc52("票", env: ["STY": "1.pts"]), "\u{1B}P\u{1B}]52;c;56Wo\u{07}\u{1B}\\")
    }
}

final class ThemeDocumentationTests: XCTestCase {
    /// docs/THEMES.md lists every role a theme can set, so the documentation cannot fall behind.
    func testEveryRoleIsDocumented() throws {
        let doc = try String(contentsOfFile: ThemeTests.themesDir + "/../docs/THEMES.md", encoding: .utf8)
        for role in Role.all { XCTAssertTrue(doc.contains("`\(role.name)`"), role.name) }
    }
}

/// What the operator actually gets per colour depth, as goldens: at 8 colours one digit per cell
/// (foreground 0–7, `.` default); with no colour one letter per cell for the attributes that
/// carry the meaning (R reverse, B bold, U underline, D dim, combinations by first letter order).
final class DepthGoldenTests: XCTestCase {
    static func map(_ screen: Screen, _ theme: Theme, _ depth: ColorDepth) -> [String] {
        (0..<screen.height).map { y in
            String((0..<screen.width).map { x -> Character in
                let r = theme.resolve(screen[x, y].style, depth: depth)
                if depth == .c8 {
                    if case .index(let i) = r.fg { return Character(String(i)) }
                    return "."
                }
                let a = r.attributes
                switch (a.contains(.reverse), a.contains(.bold), a.contains(.underline), a.contains(.dim)) {
                case (true, true, _, _): return "X"       // reverse + bold
                case (true, _, _, _): return "R"
                case (_, true, true, _): return "Y"       // bold + underline
                case (_, true, _, _): return "B"
                case (_, _, true, _): return "U"
                case (_, _, _, true): return "D"
                default: return "."
                }
            })
        }
    }

    func testOrdersAtEightColoursAndNoColour() throws {
        var screen = Screen(width: 80, height: 24)
        let body = Chrome.render(Fixtures.chrome(), into: &screen)
        OrdersView.render(OrdersViewModel(rows: Fixtures.orders(30), selected: 2), into: &screen, rect: body)
        let theme = Theme.builtinDefault
        Golden.compare(Self.map(screen, theme, .c8).joined(separator: "\n") + "\n", "orders-80x24.c8.txt", file: #filePath, line: #line)
        Golden.compare(Self.map(screen, theme, .none).joined(separator: "\n") + "\n", "orders-80x24.none.txt", file: #filePath, line: #line)
        // The selected row is reversed across the whole width with no colour.
        XCTAssertEqual(Self.map(screen, theme, .none)[5], String(repeating: "X", count: 80))
    }
}

/// Issue 15: a poisoned ticket number must not become a command when pasted into a shell.
final class ClipboardTextTests: XCTestCase {
    func testOnlyThePrintableCharactersOfOneFieldAreCopied() {
        XCTAssertEqual(ClipboardText.field("T123\nrm -rf ~\n"), "T123rm -rf ~")
        XCTAssertEqual(ClipboardText.field("\u{1B}[31mT1\u{1B}[0m\r\t"), "T1")
        XCTAssertEqual(ClipboardText.field("A\u{1B}]52;c;ZWNobyBoaQ==\u{07}B"), "AB", "an OSC inside goes whole")
        XCTAssertEqual(ClipboardText.field("X\u{1B}P1;2|bad\u{1B}\\Y"), "XY", "a DCS up to ST goes whole")
        XCTAssertEqual(ClipboardText.field("T\u{202E}9\u{2028}8\u{0085}7\u{0}"), "T987", "bidi override, separators, C1, NUL")
        XCTAssertEqual(ClipboardText.field("  票号 TK0001  "), "票号 TK0001")
    }

    func testTheSequenceCarriesOnlyTheCleanField() throws {
        let seq = ClipboardSequence.osc52("T1\n\u{1B}[2Jecho pwned\r", env: [:])
        let b64 = try XCTUnwrap(seq.split(separator: ";").last?.dropLast())
        XCTAssertEqual(String(data: try XCTUnwrap(Data(base64Encoded: String(b64))), encoding: .utf8), "T1echo pwned")
        XCTAssertFalse(seq.dropFirst().dropLast().contains("\n"))
    }
}
