import Foundation
import TestFixtures
import XCTest
import Store

/// Issue 15's CLI crash matrix, bounded for CI: `busops refund approve|reject … --yes` SIGKILLed at random moments
/// (some 80 tries, a quarter or more of them kills, well under 60 s; fewer tries left it one kill short under load), then SQL invariants: no half action. Each action is one BEGIN IMMEDIATE with
/// its audit and outbox rows (docs/ARCHITECTURE.md), so a kill leaves all of it or none.
final class ActionCrashMatrixTests: XCTestCase {
    func testSIGKILLedRefundDecisionsLeaveNoHalfAction() throws {
        let temp = TemporaryStore(label: "busops-crash")
        let db = temp.path
        let demo = temp.busopsDemo(orders: 1200, seed: 5)
        XCTAssertEqual(demo.status, 0, demo.output)
        let pending = try Store(path: db, readOnly: true).db.prepare(
            "SELECT refund_id FROM refunds WHERE status = 'pending' ORDER BY id LIMIT 80").all { $0.text(0) }
        XCTAssertGreaterThanOrEqual(pending.count, 20)
        let started = Date()
        var kills = 0
        for (i, refund) in pending.enumerated() where Date().timeIntervalSince(started) < 40 {
            let args = i % 3 == 2 ? ["refund", "reject", refund, "--code", "1", "--reason", "departed", "--db", db, "--yes"]
                                  : ["refund", "approve", refund, "--fee", "0", "--db", db, "--yes"]
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TmuxSession.binary)
            p.arguments = args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            // 0–60 ms: from before the store is open to after the commit (a debug build's action takes ~30–80 ms).
            usleep(UInt32.random(in: 0...60_000))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); kills += 1 }
            p.waitUntilExit()
        }
        XCTAssertGreaterThanOrEqual(kills, 10, "enough kills landed mid-action")
        let store = try Store(path: db)
        let s = store.db
        for refund in pending {
            let status = try s.scalarText("SELECT status FROM refunds WHERE refund_id = ?", .text(refund)) ?? "?"
            let decided = status != "pending"
            let audits = try s.scalarInt("SELECT count(*) FROM audit WHERE entity_id = ? AND action IN ('refund.approve', 'refund.reject')",
                                         .text(refund)) ?? 0
            let outbox = try s.scalarInt("SELECT count(*) FROM outbox o JOIN refunds r ON r.id = o.refund_id WHERE r.refund_id = ?",
                                         .text(refund)) ?? 0
            XCTAssertEqual(audits, decided ? 1 : 0, "\(refund) \(status): audit row ⇔ decided")
            XCTAssertEqual(outbox > 0, decided, "\(refund) \(status): outbox row ⇔ decided")
            if status == "approved" || status == "done" {
                let unrefunded = try s.scalarInt("""
                    SELECT count(*) FROM tickets t JOIN refunds r ON r.id = (SELECT id FROM refunds WHERE refund_id = ?)
                    WHERE (t.id = r.ticket_id OR (r.ticket_id IS NULL AND t.order_id = r.order_id)) AND t.status != 5
                    """, .text(refund)) ?? 0
                XCTAssertEqual(unrefunded, 0, "\(refund) approved ⇒ its tickets refunded")
            }
        }
        XCTAssertEqual(try s.scalarInt("SELECT count(*) FROM refunds WHERE amount_fen + fee_fen > paid_fen"), 0, "refunded never exceeds paid")
        XCTAssertEqual(try s.scalarInt("""
            SELECT count(*) FROM schedules sc WHERE
              sc.seats_sold != (SELECT count(*) FROM tickets t JOIN orders o ON o.id = t.order_id
                                WHERE o.schedule_id = sc.schedule_id AND o.status IN (2, 3, 9) AND t.status IN (-1, 1, 2, 4, 6))
              OR sc.seats_held != (SELECT coalesce(sum(h.seats), 0) FROM seat_holds h WHERE h.schedule_id = sc.schedule_id)
            """), 0, "seat counters match the tickets")
        XCTAssertEqual(store.runQuickCheck(now: Int(Date().timeIntervalSince1970)).ok, true)
    }
}
