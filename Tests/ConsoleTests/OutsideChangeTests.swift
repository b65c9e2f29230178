import XCTest
@testable import Console
import Store

/// Issue 12, "Many consoles, one store": an outside commit that changes nothing on the Orders list draws no frame; one
/// that adds an order draws it.
final class OutsideChangeTests: XCTestCase {
    func testOnlyWhatIsOnScreenCounts() {
        var s = AppState(session: SessionInfo(storePath: "/x", isDemo: false, readOnly: false), now: 1_800_000_000)
        let before = OutsideChangeInputs(s)
        XCTAssertNotNil(before)
        s.generation += 1
        s.live.dataVersion += 7
        s.live.lastChangeAt += 30
        XCTAssertEqual(OutsideChangeInputs(s), before, "which commit and when are not on screen while polling works")
        s.live.outboxFailed += 1
        XCTAssertNotEqual(OutsideChangeInputs(s), before, "the status line's counts are")
        s.live.outboxFailed -= 1
        s.orders.rows = [OrderSummary(id: 1, agentOrderId: "BO0000000001", mainBizOrderId: "r1", status: .awaitingPayment, departsAt: 0,
                                      fromCity: "杭州", toCity: "上海", contactName: "压", contactPhone: "13900000000", ticketCount: 1,
                                      totalFen: 100, createdAt: 0)]
        XCTAssertNotEqual(OutsideChangeInputs(s), before, "so are the rows")
        var failing = s
        failing.live.lastPollOK = false
        let f = OutsideChangeInputs(failing)
        failing.live.lastChangeAt += 1
        XCTAssertNotEqual(OutsideChangeInputs(failing), f, "while polling fails the data's age is on screen")
        s.detail = DetailState(orderId: 1)
        XCTAssertNil(OutsideChangeInputs(s), "other screens are always drawn")
    }

    /// The loop on a memory terminal: a commit to a table nothing on screen shows is taken in (its data version) and
    /// draws nothing; a new order is drawn.
    func testAnUnseenCommitDrawsNoFrameAndANewOrderDoes() throws {
        let dir = NSTemporaryDirectory() + "busops-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try DemoGenerator.create(path: dir + "/s.sqlite", options: .init(orders: 120, seed: 5, now: ChinaTime.now()), force: false)
        let writer = try Store(path: store.path)
        setenv("BUSOPS_POLL_ONLY", "1", 1)
        defer { unsetenv("BUSOPS_POLL_ONLY") }
        let term = MemoryTerminal(width: 120, height: 40, script: Array(repeating: nil, count: 3000))
        let session = SessionInfo(storePath: store.path, isDemo: true, readOnly: false, readOnlyReason: nil)
        let app = ConsoleApp(store: store, session: session, options: ConsoleOptions(themeName: "default", mouse: false, dispatch: false), terminal: term)
        var phase = 0, reads = 0, draws = 0, version: Int64 = 0, minute = 0
        var newOrder = ""
        var since = Date()
        var failures: [String] = []
        term.beforeRead = { [unowned term, unowned app] in
            reads += 1
            usleep(2000)
            let elapsed = Date().timeIntervalSince(since)
            do {
                switch phase {
                case 0 where reads == 5:
                    usleep(120_000)   // past any window a first look opened
                    draws = term.cellsWritten.count; version = app.state.live.dataVersion; minute = ChinaTime.now() / 60
                    try writer.db.execute("UPDATE meta SET value = 'x' WHERE key = 'demo'")
                    since = Date(); phase = 1
                case 1:
                    if app.state.live.dataVersion != version {
                        if term.cellsWritten.count != draws && ChinaTime.now() / 60 == minute {
                            failures.append("a commit that changes nothing on screen drew \(term.cellsWritten.count - draws) frame(s)")
                        }
                        usleep(120_000)
                        let last = try writer.db.scalarInt("SELECT max(id) FROM orders") ?? 0
                        newOrder = "BO" + String(format: "%010d", last + 1)
                        try writer.db.run("""
                            INSERT INTO orders (id, agent_order_id, main_biz_order_id, schedule_id, from_station, to_station, departs_at,
                              contact_name, contact_phone, ticket_count, total_fen, status, created_at, updated_at, version)
                            SELECT ?, ?, ?, schedule_id, from_station, to_station, departs_at, contact_name, contact_phone, ticket_count,
                              total_fen, 1, created_at, updated_at, 1 FROM orders WHERE id = ?
                            """, .int(last + 1), .text(newOrder), .text("routside\(last + 1)"), .int(last))
                        draws = term.cellsWritten.count; since = Date(); phase = 2
                    } else if elapsed > 1 { failures.append("the meta commit was never seen"); term.endScript() }
                case 2:
                    if term.text.joined(separator: "\n").contains(newOrder) {
                        XCTAssertGreaterThan(term.cellsWritten.count, draws)
                        XCTAssertGreaterThan(term.cellsWritten.last ?? 0, 0, "the new frame wrote cells")
                        phase = 3; term.endScript()
                    } else if elapsed > 1 { failures.append("the new order never reached the screen"); term.endScript() }
                default: break
                }
            } catch { failures.append("\(error)"); term.endScript() }
        }
        XCTAssertEqual(try app.run(), 0)
        XCTAssertEqual(failures, [])
        XCTAssertEqual(phase, 3)
    }
}
