import XCTest
@testable import Console
import Store

/// Issue 12, "Many consoles, one store": other processes' commits are taken in at most once per window, a commit seen
/// inside the window is taken in when it ends, and the loop sleeps through the window instead of polling.
final class RefreshPacerTests: XCTestCase {
    func testTheFirstChangeIsTakenInAtOnceAndLaterOnesOncePerWindow() {
        var p = RefreshPacer(window: 0.1)
        XCTAssertNil(p.hold(at: 5.0), "nothing taken in yet: no reason to hold")
        XCTAssertTrue(p.changeSeen(at: 5.0), "a change after a quiet spell is on screen at once")
        XCTAssertFalse(p.pending)
        XCTAssertEqual(p.hold(at: 5.03)!, 0.07, accuracy: 1e-9, "the rest of the window")
        XCTAssertFalse(p.changeSeen(at: 5.03), "inside the window: wait")
        XCTAssertTrue(p.pending, "and remember it")
        XCTAssertFalse(p.changeSeen(at: 5.0999))
        XCTAssertNil(p.hold(at: 5.1001), "the window is over")
        XCTAssertTrue(p.changeSeen(at: 5.1001), "taken in when the window ends")
        XCTAssertFalse(p.pending)
        // 40 commits a second for a second. The loop looks at the store when a commit wakes it, except inside the
        // window, where it sleeps until the window ends and looks then.
        var commits = (1...40).map { 7.0 + Double($0) * 0.025 }
        var oldestUnseen: Double?
        var now = 7.0, reloads = 0, worst = 0.0
        while let next = commits.first ?? (oldestUnseen != nil ? now : nil) {
            now = p.hold(at: now).map { now + $0 + 1e-9 } ?? max(now, next)   // the loop sleeps whole milliseconds, rounded up
            while let c = commits.first, c <= now + 1e-9 { commits.removeFirst(); oldestUnseen = oldestUnseen ?? c }
            if let u = oldestUnseen, p.changeSeen(at: now) { reloads += 1; worst = max(worst, now - u); oldestUnseen = nil }
        }
        XCTAssertNil(oldestUnseen, "the last commit is on screen too")
        XCTAssertLessThanOrEqual(reloads, 11, "about 10 reloads for 40 commits")
        XCTAssertGreaterThanOrEqual(reloads, 10)
        XCTAssertLessThanOrEqual(worst, 0.1 + 1e-6, "no commit waits longer than one window")
    }

    /// Through the whole loop on a memory terminal: a new order another process commits reaches the screen at the next
    /// look; a second one committed right after that reload waits out the window, then shows.
    func testANewOrderReachesTheScreenAndASecondWaitsOutTheWindow() throws {
        let dir = NSTemporaryDirectory() + "busops-pacer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try DemoGenerator.create(path: dir + "/s.sqlite", options: .init(orders: 120, seed: 3, now: ChinaTime.now()), force: false)
        let writer = try Store(path: store.path)
        func insertOrder() throws -> String {
            let last = try writer.db.scalarInt("SELECT max(id) FROM orders") ?? 0
            let id = "BO" + String(format: "%010d", last + 1)
            try writer.db.run("""
                INSERT INTO orders (id, agent_order_id, main_biz_order_id, schedule_id, from_station, to_station, departs_at, contact_name,
                  contact_phone, ticket_count, total_fen, status, created_at, updated_at, version)
                SELECT ?, ?, ?, schedule_id, from_station, to_station, departs_at, contact_name, contact_phone, ticket_count, total_fen,
                  1, created_at, updated_at, 1 FROM orders WHERE id = ?
                """, .int(last + 1), .text(id), .text("rtest\(last + 1)"), .int(last))
            return id
        }
        setenv("BUSOPS_POLL_ONLY", "1", 1)   // every turn looks at the store: the pacer alone decides
        defer { unsetenv("BUSOPS_POLL_ONLY") }
        let term = MemoryTerminal(width: 120, height: 40, script: Array(repeating: nil, count: 3000))
        var phase = 0, reads = 0
        var first = "", second = ""
        var since = Date()
        var failures: [String] = []
        term.beforeRead = { [unowned term] in
            reads += 1
            usleep(1000)
            let screen = term.text.joined(separator: "\n")
            let elapsed = Date().timeIntervalSince(since)
            do {
                switch phase {
                case 0 where reads == 5:
                    first = try insertOrder(); since = Date(); phase = 1
                case 1:
                    if screen.contains(first) {
                        second = try insertOrder(); since = Date(); phase = 2
                    } else if elapsed > 1 { failures.append("the first new order never reached the screen"); term.endScript() }
                case 2:
                    if elapsed < 0.05 {
                        if screen.contains(second) { failures.append("the second order was taken in inside the window"); term.endScript() }
                    } else if screen.contains(second) {
                        phase = 3; term.endScript()
                    } else if elapsed > 1 { failures.append("the second order never reached the screen"); term.endScript() }
                default: break
                }
            } catch { failures.append("\(error)"); term.endScript() }
        }
        let session = SessionInfo(storePath: store.path, isDemo: true, readOnly: false, readOnlyReason: nil)
        let app = ConsoleApp(store: store, session: session, options: ConsoleOptions(themeName: "default", mouse: false, dispatch: false), terminal: term)
        XCTAssertEqual(try app.run(), 0)
        XCTAssertEqual(failures, [])
        XCTAssertEqual(phase, 3, "both new orders on screen")
    }
}
