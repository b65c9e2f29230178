import XCTest
@testable import Store

/// The counters the Refunds and Callbacks headers read (migration 3) always equal a count of the rows: after a
/// bulk demo load (which runs without its triggers), and through every kind of write afterwards.
final class CountersTests: XCTestCase {
    func counts(_ store: Store) throws -> [Int64] {
        [try store.db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending'") ?? -1,
         try store.db.scalarInt("SELECT count(*) FROM refunds WHERE status = 'pending'") ?? -2,
         try store.db.scalarInt("SELECT value FROM counters WHERE name = 'outbox'") ?? -1,
         try store.db.scalarInt("SELECT count(*) FROM outbox") ?? -2]
    }

    func testCountersFollowEveryWrite() throws {
        let t = TempStore()
        let store = try t.demo(orders: 600, seed: 6, now: fixedNow)
        var c = try counts(store)
        XCTAssertEqual(c[0], c[1]); XCTAssertEqual(c[2], c[3])
        XCTAssertGreaterThan(c[0], 0)

        // Decide one pending refund, reopen a decided one, delete one, add one; outbox rows in and out.
        try store.db.execute("UPDATE refunds SET status = 'approved' WHERE id = (SELECT min(id) FROM refunds WHERE status = 'pending')")
        try store.db.execute("UPDATE refunds SET status = 'pending' WHERE id = (SELECT min(id) FROM refunds WHERE status = 'done')")
        try store.db.execute("UPDATE refunds SET reason = 'x' WHERE status = 'pending'")
        try store.db.execute("DELETE FROM refunds WHERE id = (SELECT max(id) FROM refunds WHERE status = 'pending')")
        try store.db.execute("""
            INSERT INTO refunds (refund_id, order_id, source, scene, paid_fen, fee_fen, amount_fen, status, idempotency_key, requested_at)
            SELECT 'RF-COUNT', order_id, 'online', 'common', 100, 0, 0, 'pending', 'RT-COUNT', 0 FROM refunds LIMIT 1
            """)
        try store.db.execute("DELETE FROM outbox WHERE id = (SELECT max(id) FROM outbox)")
        try store.db.execute("""
            INSERT INTO outbox (method, order_id, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
            SELECT method, order_id, 'COUNT-KEY', params, 'pending', 0, 0, 0, 0 FROM outbox LIMIT 1
            """)
        c = try counts(store)
        XCTAssertEqual(c[0], c[1], "pending refunds")
        XCTAssertEqual(c[2], c[3], "outbox rows")

        // The queue header reads the counter.
        XCTAssertEqual(Int64(try store.pendingRefunds(now: fixedNow, limit: 5).total), c[1])
        XCTAssertEqual(Int64(try store.callbacks(limit: 5).total), c[3])
    }
}
