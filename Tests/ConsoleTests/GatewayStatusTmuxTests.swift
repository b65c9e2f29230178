import Foundation
import XCTest

/// Issue 12, through the real console: the gateway's health stays on the status line (not a message one key
/// clears), a gateway refusing every call shows as failing since HH:MM with the last error, and the LOCAL badge
/// of a loopback gateway is drawn in reverse video even with NO_COLOR.
final class GatewayStatusTmuxTests: TmuxStoreTestCase {
    /// A loopback port nobody listens on: every call fails at once (connection refused).
    func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    func testFailingGatewayStaysOnTheStatusLineWithItsBadge() throws {
        let env = ["BUSOPS_TOP_GATEWAY": "http://127.0.0.1:\(closedPort())/router/rest", "BUSOPS_TOP_APP_KEY": "12345678",
                   "BUSOPS_TOP_SECRET": "test-secret", "NO_COLOR": "1"]
        let t = try startConsole(width: 80, height: 24, env: env)
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
}
