import Foundation
import XCTest
@testable import Operations
import Store
import TestFixtures

/// A fresh store file in a temporary directory, removed when the test ends (TestFixtures' one temp-store fixture).
typealias TempDir = TemporaryStore

/// 2026-11-21 10:00 GMT+8: demo data and rule tiers are reproducible.
let fixedNow = TemporaryStore.fixedNow
let alice = Actor(operatorName: "alice", source: "ssh:10.0.0.7")
let bob = Actor(operatorName: "bob", source: "local")

/// A demo store plus helpers to find rows in a given state and to check what an action left behind.
final class DemoFixture {
    let temp = TemporaryStore(label: "busops-ops")
    let store: Store

    init(orders: Int = 400, seed: UInt64 = 3) throws {
        store = try temp.demo(orders: orders, seed: seed, now: fixedNow)
    }

    func ops(_ actor: Actor = alice, now: Int = fixedNow) -> Operations { Operations(store: store, actor: actor, now: { now }) }

    /// Preview then execute, as the CLI does with --yes.
    @discardableResult
    func run(_ action: ActionRequest, as actor: Actor = alice, now: Int = fixedNow) throws -> ActionResult {
        let o = ops(actor, now: now)
        return try o.execute(action, confirming: try o.preview(action))
    }

    func text(_ sql: String, _ args: SQLValue...) throws -> String? { try store.firstText(sql, args) }

    func int(_ sql: String, _ args: SQLValue...) throws -> Int { try store.firstInt(sql, args) }

    func detail(_ agentOrderId: String) throws -> OrderDetail {
        try store.orderDetail(id: try store.orderId(agentOrderId: agentOrderId)!)!
    }

    /// A future order in `status` whose schedule refunds per order (true) or per ticket (false).
    func order(status: OrderStatus, perOrder: Bool? = nil, minTickets: Int = 1) throws -> String {
        let mode = perOrder.map { " AND s.is_order_refund = \($0 ? 1 : 0)" } ?? ""
        let id = try text("""
            SELECT o.agent_order_id FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id
            WHERE o.status = ? AND o.departs_at > ? AND o.ticket_count >= ? AND s.on_sale = 1\(mode)
              AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.status = 'pending')
              AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.status NOT IN (1, 2))
            ORDER BY o.id LIMIT 1
            """, .of(status.rawValue), .of(fixedNow), .of(minTickets))
        return try XCTUnwrap(id, "no demo order in status \(status.rawValue)")
    }

    /// A pending refund per order (true) or per ticket (false) on a schedule departing after `hoursAhead`.
    func pendingRefund(perOrder: Bool, hoursAhead: Int = 0) throws -> String {
        let id = try text("""
            SELECT r.refund_id FROM refunds r JOIN orders o ON o.id = r.order_id
            WHERE r.status = 'pending' AND r.ticket_id IS \(perOrder ? "" : "NOT ")NULL AND o.departs_at > ?
            ORDER BY o.departs_at LIMIT 1
            """, .of(fixedNow + hoursAhead * 3600))
        return try XCTUnwrap(id, "no pending \(perOrder ? "per-order" : "per-ticket") refund")
    }

    /// Schedules whose counters disagree with their tickets and holds (must be 0 after every action).
    func seatMismatches() throws -> Int {
        try int("""
            SELECT count(*) FROM schedules s WHERE
              s.seats_sold != (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
                               WHERE o.schedule_id = s.schedule_id AND o.status IN (2, 3, 9) AND t.status IN (-1, 1, 2, 4, 6))
              OR s.seats_held != (SELECT coalesce(sum(h.seats), 0) FROM seat_holds h WHERE h.schedule_id = s.schedule_id)
              OR s.seats_total - s.seats_sold - s.seats_held < 0
            """)
    }

    /// Row counts and a checksum of every table an action may write: equal snapshots mean nothing was written.
    func snapshot() throws -> [Int] {
        try ["orders", "tickets", "refunds", "outbox", "audit", "seat_holds", "schedules", "meta"].flatMap { t in
            [try int("SELECT count(*) FROM \(t)"),
             try int("SELECT coalesce(sum(\(t == "meta" ? "length(value)" : (t == "seat_holds" ? "seats" : "rowid"))), 0) FROM \(t)")]
        } + [try int("SELECT coalesce(sum(version), 0) FROM orders"), try int("SELECT coalesce(sum(version), 0) FROM refunds"),
             try int("SELECT coalesce(sum(version), 0) FROM schedules"), try int("SELECT coalesce(sum(version), 0) FROM tickets")]
    }

    func latestOutbox() throws -> OutboxRecord {
        try XCTUnwrap(try store.outboxRecord(id: Int64(try int("SELECT max(id) FROM outbox"))))
    }

    func latestAudit() throws -> (op: String, source: String, action: String, entityId: String, before: String?, after: String?) {
        let s = try store.db.prepare("SELECT operator, source, action, entity_id, before, after FROM audit ORDER BY id DESC LIMIT 1")
        try s.bind([])
        return try s.all { ($0.text(0), $0.text(1), $0.text(2), $0.text(3), $0.optionalText(4), $0.optionalText(5)) }.first!
    }
}

/// Asserts the action is refused with `kind` ("invalid", "malformed", "conflict", "notFound", "notAllowed") and that nothing
/// at all was written: row counts, versions, and the store's data_version as another connection sees it.
func assertRefused(_ f: DemoFixture, _ action: ActionRequest, kind: String, contains text: String,
                   file: StaticString = #filePath, line: UInt = #line) throws {
    let watcher = try Store(path: f.store.path)
    let before = try f.snapshot()
    let dataVersion = try watcher.dataVersion()
    let o = f.ops()
    var err: Error?
    // Unbound (no version): the refusal must come from the input or the row state, not from a stale version.
    do { _ = try o.run(action, shown: nil, progress: nil) } catch { err = error }
    guard let e = err as? OperationError else { return XCTFail("expected a refusal, got \(String(describing: err))", file: file, line: line) }
    XCTAssertEqual(caseName(e), kind, e.message, file: file, line: line)
    XCTAssertTrue(e.message.contains(text), "message '\(e.message)' lacks '\(text)'", file: file, line: line)
    XCTAssertEqual(try f.snapshot(), before, "a refused action wrote something", file: file, line: line)
    XCTAssertEqual(try watcher.dataVersion(), dataVersion, "another connection saw a commit", file: file, line: line)
}

func caseName(_ e: OperationError) -> String {
    switch e {
    case .invalid: return "invalid"
    case .malformed: return "malformed"
    case .conflict: return "conflict"
    case .notFound: return "notFound"
    case .notAllowed: return "notAllowed"
    }
}
