import Foundation
import TestFixtures
import XCTest

/// Issue 12, through the real console: the gateway's health stays on the status line (not a message one key
/// clears), a gateway refusing every call shows as failing since HH:MM with the last error, and the LOCAL badge
/// of a loopback gateway is drawn in reverse video even with NO_COLOR.
final class GatewayStatusTmuxTests: TmuxStoreTestCase {
    func testFailingGatewayStaysOnTheStatusLineWithItsBadgeAt80x24() throws { try failingGateway(width: 80, height: 24) }
    func testFailingGatewayStaysOnTheStatusLineWithItsBadgeAt120x40() throws { try failingGateway(width: 120, height: 40) }

    func failingGateway(width: Int, height: Int) throws {
        let port = try LoopbackPort.unused()
        let env = ["BUSOPS_TOP_GATEWAY": "http://127.0.0.1:\(port)/router/rest", "BUSOPS_TOP_APP_KEY": "12345678",
                   "BUSOPS_TOP_SECRET": "test-secret", "NO_COLOR": "1"]
        let t = try startConsole(width: width, height: height, env: env)
        // The demo store has callbacks due: the first batch fails against the closed port.
        let failing = expect(t, "✖ TOP failing since", "the refused calls show on the status line", timeout: 15)
        let status = failing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(status.first?.contains(" LOCAL ") == true, "the loopback gateway's badge:\n\(failing)")
        t.send("2")
        expect(t, "✖ TOP failing since", "still there after a key press and a view change")
        // Reverse video whatever the colours (NO_COLOR is set): the badge's cells carry the attribute.
        let header = t.styledScreen().split(separator: "\n").first.map(String.init) ?? ""
        let before = header.range(of: "LOCAL").map { String(header[..<$0.lowerBound].suffix(24)) } ?? ""
        XCTAssertTrue(before.contains("7m") || before.contains(";7"), "reverse video right before LOCAL: \(header.debugDescription)")
    }

    /// Taobao's two gateways: PROD without colour (NO_COLOR) at 80x24, SANDBOX in colour at 120x40, each in
    /// reverse video. Read-only and not dispatching, so nothing can reach them.
    func testProductionAndSandboxBadges() throws {
        for (url, badge, width, height, noColor) in [("https://eco.taobao.com/router/rest", "PROD", 80, 24, true),
                                                     ("https://gw.api.tbsandbox.com/router/rest", "SANDBOX", 120, 40, false)] {
            var env = ["BUSOPS_TOP_GATEWAY": url, "BUSOPS_TOP_APP_KEY": "12345678", "BUSOPS_TOP_SECRET": "test-secret"]
            if noColor { env["NO_COLOR"] = "1" }
            let t = try startConsole("--read-only --no-dispatch", width: width, height: height, env: env)
            let header = t.screen().split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertTrue(header.contains(" \(badge) "), "\(badge) at \(width)x\(height): \(header)")
            let styled = t.styledScreen().split(separator: "\n").first.map(String.init) ?? ""
            let before = styled.range(of: badge).map { String(styled[..<$0.lowerBound].suffix(24)) } ?? ""
            XCTAssertTrue(before.contains("7m") || before.contains(";7"), "reverse video right before \(badge): \(styled.debugDescription)")
            t.send("q")
            XCTAssertEqual(t.exitStatus(), 0)
        }
    }
}
