import XCTest
@testable import Store

/// Takes migration 12 (the outbox's state counters and the due callbacks' partial indexes) back out of a store, for
/// tests that make older stores.
enum Schema12Undo {
    static let sql = """
    DROP TRIGGER outbox_state_count_insert; DROP TRIGGER outbox_state_count_update; DROP TRIGGER outbox_state_count_delete;
    DROP INDEX outbox_dead; DROP INDEX outbox_retrying;
    DELETE FROM counters WHERE name IN ('outbox_pending', 'outbox_failed');
    DELETE FROM schema_migrations WHERE version = 12;
    """
}

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

    /// The status line's outbox counts (migration 12) equal a count of the rows after the bulk load and through
    /// every state change: within a class (pending → sending) nothing moves; sent counts nowhere.
    func testOutboxStateCountersFollowEveryWrite() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 600, seed: 7, now: fixedNow), force: false)
        func check(_ what: String) throws {
            let pending = Int(try store.db.scalarInt("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')") ?? -1)
            let failed = Int(try store.db.scalarInt("SELECT count(*) FROM outbox WHERE state = 'failed'") ?? -1)
            let h = try store.outboxHealth()
            XCTAssertEqual(h.pending, pending, "pending after \(what)")
            XCTAssertEqual(h.failed, failed, "failed after \(what)")
        }
        try check("the load")
        XCTAssertGreaterThan(try store.outboxHealth().pending + store.outboxHealth().failed, 0)
        let steps = [
            "UPDATE outbox SET state = 'sending' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'pending')",
            "UPDATE outbox SET state = 'sent' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'sending')",
            "UPDATE outbox SET state = 'failed' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'pending')",
            "UPDATE outbox SET state = 'pending' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'failed')",
            "UPDATE outbox SET state = 'failed' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'sent')",
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = (SELECT min(id) FROM outbox WHERE state = 'failed')",
            "DELETE FROM outbox WHERE id = (SELECT max(id) FROM outbox WHERE state = 'failed')",
            "DELETE FROM outbox WHERE id = (SELECT max(id) FROM outbox WHERE state = 'sent')",
            """
            INSERT INTO outbox (method, order_id, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
            SELECT method, order_id, 'COUNT-FAILED', params, 'failed', 1, 0, 0, 0 FROM outbox LIMIT 1
            """,
            """
            INSERT INTO outbox (method, order_id, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
            SELECT method, order_id, 'COUNT-SENT', params, 'sent', 1, 0, 0, 0 FROM outbox LIMIT 1
            """,
        ]
        for sql in steps {
            try store.db.execute(sql)
            XCTAssertEqual(store.db.changes, 1, sql)
            try check(sql)
        }
    }

    /// Migrating a store that already has outbox rows (schema 11 → 12) counts them and keeps them counted.
    func testMigrationCountsTheOutboxThere() throws {
        let t = TempStore()
        do {
            let store = try DemoGenerator.create(path: t.path, options: .init(orders: 300, seed: 8, now: fixedNow), force: false)
            // Back to schema 11: no outbox state counters, no triggers keeping them.
            try store.db.execute(Schema12Undo.sql)
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), 12)
        let count = { Int(try store.db.scalarInt("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')") ?? -1) }
        XCTAssertGreaterThan(try count(), 0)
        XCTAssertEqual(try store.outboxHealth().pending, try count())
        try store.db.execute("UPDATE outbox SET state = 'sent' WHERE id = (SELECT min(id) FROM outbox WHERE state = 'pending')")
        XCTAssertEqual(try store.outboxHealth().pending, try count())
    }
}
