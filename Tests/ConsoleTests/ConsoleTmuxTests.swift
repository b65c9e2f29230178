import Foundation
import XCTest

/// The console driven through tmux, read from the screen like an operator would.
final class ConsoleTmuxTests: TmuxStoreTestCase {
    func testOrdersAppearLiveAndQuitRestoresTerminalWithStatusZero() throws {
        let t = try TmuxSession(command: "\(TmuxSession.binary) --db \(db)")
        // The whole first frame: rows and the status line (tmux can be read while a frame is half drawn).
        // The status line cuts the path from the left to the room the gateway and due badges leave ("⚠ 25 due
        // within 15 min" is one column wider than "⚠ 9 …", and the count moves with the time of day): the last
        // 16 characters always fit at 120 columns.
        let first = t.waitFor { $0.contains("BO0000000300") && $0.contains(self.db.suffix(16)) }
        XCTAssertTrue(first.ok, "newest order on screen:\n\(first.screen)")
        XCTAssertTrue(first.screen.contains("Orders"), first.screen)
        XCTAssertTrue(first.screen.contains(db.suffix(16)), "store path on the status line:\n\(first.screen)")
        // Another process commits a new order: it appears without a key press.
        let tick = TmuxSession.busops(["demo", "--db", db, "--tick", "1"])
        XCTAssertEqual(tick.status, 0, tick.output)
        let newId = tick.output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(newId, "BO0000000301")
        let live = t.waitFor(newId, timeout: 5)
        XCTAssertTrue(live.ok, "new order appears live:\n\(live.screen)")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
        let after = t.screen()
        XCTAssertFalse(after.contains("BO0000000301"), "the console's screen is gone after q:\n\(after)")
    }
}
