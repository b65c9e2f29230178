import Foundation
import TestFixtures
import XCTest

/// Issue 12, the gateway's "ok" on the status line through the real console: it dispatches to a loopback gateway
/// that is down (refused, "✖ TOP failing since"), then `busops fake-top` comes up on that port; the next retry is
/// answered and the status line says "TOP ok", and keeps saying it after a key press and a view change. Only
/// loopback: no real gateway is ever called.
final class GatewayOkTmuxTests: TmuxStoreTestCase {
    func testStatusLineTurnsOkAfterASuccessfulSendAt80x24() throws { try turnsOk(width: 80, height: 24) }
    func testStatusLineTurnsOkAfterASuccessfulSendAt120x40() throws { try turnsOk(width: 120, height: 40) }

    /// The status line: the line above the hint line (the last).
    func statusLine(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let body = screen.hasSuffix("\n") ? lines.dropLast() : lines[...]
        return body.dropLast().last ?? ""
    }

    func sentAfterARetry() -> Int {
        Int(SQLiteCLI.query(db, "SELECT count(*) FROM outbox WHERE state = 'sent' AND attempts > 1").first ?? "") ?? -1
    }

    func turnsOk(width: Int, height: Int) throws {
        let port = try LoopbackPort.unused()
        let env = ["BUSOPS_TOP_GATEWAY": "http://127.0.0.1:\(port)/router/rest", "BUSOPS_TOP_APP_KEY": FakeTopProcess.appKey,
                   "BUSOPS_TOP_SECRET": FakeTopProcess.secret, "NO_COLOR": "1"]
        let retriedBefore = sentAfterARetry()
        let t = try startConsole(width: width, height: height, env: env)
        // The demo store has callbacks due: the first batch is refused by the closed port.
        let failing = expect(t, "✖ TOP failing since", "the refused calls first", timeout: 5)
        XCTAssertFalse(statusLine(failing).contains("TOP ok"), statusLine(failing))

        let fake = try FakeTopProcess(dir: dir, port: port)
        defer { fake.stop() }
        // A refused row retries within Backoff's first ceiling (2 s); the answered batch turns the line ok.
        let ok = t.waitFor(timeout: 6) { self.statusLine($0).hasPrefix(" TOP ok") }
        XCTAssertTrue(ok.ok, "TOP ok once a call is answered:\n\(ok.screen)\ncalls: \(fake.calls())")
        XCTAssertFalse(ok.screen.contains("failing"), ok.screen)
        XCTAssertTrue(ok.screen.split(separator: "\n").first?.contains(" LOCAL ") == true, "the loopback badge stays:\n\(ok.screen)")
        let answered = fake.calls().filter { $0["sign_ok"] as? Bool == true && $0["answer"] as? String == "ok" }
        XCTAssertFalse(answered.isEmpty, "fake-top answered a signed call: \(fake.calls())")
        XCTAssertGreaterThan(sentAfterARetry(), retriedBefore, "a refused callback went through on its retry")

        t.send("2")
        let seats = expect(t, "on sale", "a key press and a view change")
        XCTAssertTrue(statusLine(seats).hasPrefix(" TOP ok"), "still on the status line: \(statusLine(seats))")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0, "the console quits cleanly with its dispatcher stopped")
    }
}
