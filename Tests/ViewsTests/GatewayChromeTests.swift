import XCTest
@testable import Views

/// Issue 12: the gateway's health always on the status line, and a PROD / SANDBOX / LOCAL badge no theme or
/// NO_COLOR can take away.
final class GatewayChromeTests: XCTestCase {
    func testFailingGatewayAndBadgeAt80x24() {
        var c = Fixtures.chrome()
        c.gatewayBadge = "PROD"
        c.gateway = .init(text: "✖ TOP failing since 14:02: HTTP 502 transport Bad Gateway", failing: true)
        c.dueAlert = "⚠ 2 due within 15 min (:due)"
        var s = Screen(width: 80, height: 24)
        Chrome.render(c, into: &s)
        Golden.check(s, "chrome-gateway-80x24", styles: true)
        XCTAssertTrue(s.text()[0].contains(" PROD ") && s.text()[0].hasSuffix("DEMO"), s.text()[0])
        XCTAssertTrue(s.text()[22].hasPrefix(" ✖ TOP failing since 14:02"), s.text()[22])
        XCTAssertTrue(s.text()[22].contains("15:04:05 GMT+8"), "the clock keeps its place")
        let badgeX = s.text()[0].distance(from: s.text()[0].startIndex, to: s.text()[0].range(of: "PROD")!.lowerBound)
        XCTAssertEqual(s[badgeX, 0].style.role, .gatewayBadge)
        // OK is short and leaves the store path its room.
        c.gateway = .init(text: "TOP ok", failing: false)
        c.dueAlert = nil
        Chrome.render(c, into: &s)
        XCTAssertTrue(s.text()[22].hasPrefix(" TOP ok …"), s.text()[22])
    }

    func testBadgeIsReverseBoldInEveryThemeAndDepth() throws {
        // A theme that tries to hide it (foreground = background, no attributes) changes nothing.
        let hostile = try ThemeParser.parse("normal = white black\ngatewayBadge = black black\n", name: "hostile")
        for theme in [Theme.builtinDefault, hostile] {
            for depth in [ColorDepth.truecolor, .c256, .c8, .none] {
                let r = theme.resolve(Style(.gatewayBadge), depth: depth)
                XCTAssertTrue(r.attributes.contains(.reverse) && r.attributes.contains(.bold), "\(theme.name) \(depth)")
                XCTAssertEqual(r.fg, .terminalDefault)
                XCTAssertEqual(r.bg, .terminalDefault)
                // A view asking for reverse on top must not cancel it either.
                XCTAssertTrue(theme.resolve(Style(.gatewayBadge, reverse: true), depth: depth).attributes.contains(.reverse))
            }
        }
    }
}
