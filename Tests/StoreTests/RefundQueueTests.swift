import XCTest
@testable import Store

/// `refund_queue` (migration 4) is what the Refunds view reads: it must always equal the pending refunds derived
/// from the tables, after a bulk demo load (which runs without its triggers), a migration of an older store, and
/// through every kind of write afterwards.
final class RefundQueueTests: XCTestCase {
    func queued(_ db: Connection) throws -> [[SQLValue]] { try rows(db, "SELECT * FROM refund_queue ORDER BY 1, 2") }
    func derived(_ db: Connection) throws -> [[SQLValue]] { try rows(db, Schema4.rows + " ORDER BY 1, 2") }

    func rows(_ db: Connection, _ sql: String) throws -> [[SQLValue]] {
        let s = try db.prepare(sql)
        try s.bind([])
        defer { s.reset() }
        var out: [[SQLValue]] = []
        while try s.step() { out.append((0..<Int32(sqlite3ColumnCount(s))).map { s.value($0) }) }
        return out
    }

    func testQueueFollowsEveryWrite() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 600, seed: 6, now: fixedNow), force: false)
        let db = store.db
        XCTAssertGreaterThan(try queued(db).count, 0)
        XCTAssertEqual(try queued(db), try derived(db), "after the demo load")

        try db.execute("UPDATE refunds SET status = 'approved' WHERE id = (SELECT min(id) FROM refunds WHERE status = 'pending')")
        try db.execute("UPDATE refunds SET status = 'pending' WHERE id = (SELECT min(id) FROM refunds WHERE status = 'done')")
        try db.execute("UPDATE refunds SET reason = 'changed', version = version + 1 WHERE id = (SELECT max(id) FROM refunds WHERE status = 'pending')")
        for key in ["QUEUE", "GONE"] {
            try db.execute("""
                INSERT INTO refunds (refund_id, order_id, source, scene, paid_fen, fee_fen, amount_fen, status, idempotency_key, requested_at)
                SELECT 'RF-\(key)', order_id, 'online', 'common', 100, 0, 0, 'pending', 'RT-\(key)', 0 FROM refunds LIMIT 1
                """)
        }
        try db.execute("DELETE FROM refunds WHERE refund_id = 'RF-GONE'")
        // A schedule moved: the order's departure moves its refunds, and with them their place in the queue.
        try db.execute("""
            UPDATE orders SET departs_at = departs_at + 7200
            WHERE id = (SELECT order_id FROM refunds WHERE status = 'pending' ORDER BY id DESC LIMIT 1 OFFSET 1)
            """)
        XCTAssertEqual(try queued(db), try derived(db), "after decisions, edits, deletes, inserts and a moved departure")
        XCTAssertEqual(try queued(db).count, Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending'") ?? -1))

        // The view reads it: the new refund is there with its order's ids, and rule tiers that quote a fee.
        let all = try store.pendingRefunds(now: fixedNow, limit: 10_000).rows
        let added = try XCTUnwrap(all.first { $0.refund.refundId == "RF-QUEUE" })
        XCTAssertFalse(added.agentOrderId.isEmpty)
        XCTAssertEqual(all.map(\.departsAt), all.map(\.departsAt).sorted())
        XCTAssertTrue(all.contains { $0.currentFeePercent != nil })
    }

    /// A store written at version 3 (pending refunds, no queue) gets its queue filled by the migration.
    func testMigrationFromVersionThreeFillsTheQueue() throws {
        let t = TempStore()
        var pending = 0
        do {
            let store = try DemoGenerator.create(path: t.path, options: .init(orders: 400, seed: 8, now: fixedNow), force: false)
            pending = Int(try store.db.scalarInt("SELECT count(*) FROM refunds WHERE status = 'pending'") ?? 0)
            // The later migrations come out first, newest first, then migration 4.
            try store.db.execute(Schema12Undo.sql)
            try store.db.execute(Schema11Undo.sql)
            try store.db.execute(Schema10Undo.sql)
            try store.db.execute(OutboxByMethodUndo.sql)
            try store.db.execute(Schema8Undo.sql)
            try store.db.execute(Schema7Undo.sql)
            try store.db.execute(Schema5Undo.sql)
            try store.db.execute("""
                DROP TRIGGER refund_queue_insert; DROP TRIGGER refund_queue_update; DROP TRIGGER refund_queue_delete;
                DROP TABLE refund_queue; DROP INDEX schedules_by_day;
                DROP TRIGGER schedule_days_insert; DROP TRIGGER schedule_days_update; DROP TRIGGER schedule_days_delete;
                DROP TABLE schedule_days;
                CREATE INDEX schedules_by_day ON schedules(from_date, departs_at);
                DELETE FROM schema_migrations WHERE version >= 4;
                """)
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        XCTAssertGreaterThan(pending, 0)
        XCTAssertEqual(try queued(store.db).count, pending)
        XCTAssertEqual(try queued(store.db), try derived(store.db))
        XCTAssertGreaterThan(try store.db.scalarInt("SELECT count(*) FROM schedule_days") ?? 0, 0, "day totals counted")
    }

    func testRulesTextParsesInTierOrder() {
        XCTAssertEqual(Store.rules(queued: "24,,10;0,2,;2,24,50"), [
            RefundRule(hoursFrom: 0, hoursTo: 2, feePercent: nil),
            RefundRule(hoursFrom: 2, hoursTo: 24, feePercent: 50),
            RefundRule(hoursFrom: 24, hoursTo: nil, feePercent: 10)])
        XCTAssertEqual(Store.rules(queued: ""), [])
    }
}
