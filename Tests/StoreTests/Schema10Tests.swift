import XCTest
@testable import Store

/// Takes migration 10 (the settlement's per-route days and the reconciliation's indexes) back out of a store, so a
/// test can make a version-9 store.
enum Schema10Undo {
    static let sql = """
    DROP TRIGGER day_routes_orders_insert; DROP TRIGGER day_routes_orders_update; DROP TRIGGER day_routes_orders_delete;
    DROP TRIGGER day_routes_refunds_insert; DROP TRIGGER day_routes_refunds_update; DROP TRIGGER day_routes_refunds_delete;
    DROP TABLE day_routes; DROP INDEX outbox_by_created; DROP INDEX orders_by_updated;
    DELETE FROM schema_migrations WHERE version = 10;
    """
}

final class Schema10Tests: XCTestCase {
    /// What the triggers kept through live changes equals what migration 10 counts from the data on a version-9 store.
    func testVersionSevenStoreMigratesToTheSameTotals() throws {
        let t = TempStore()
        let before: [String]
        do {
            let store = try DemoGenerator.create(path: t.path, options: .init(orders: 800, seed: 8, now: fixedNow), force: false)
            let later = fixedNow + 900
            _ = try DemoTicker.tick(store: store, newOrders: 30, now: later, seed: 4)
            try store.db.run("""
                UPDATE refunds SET status = 'approved', decided_at = ?, fee_fen = 0, amount_fen = paid_fen, version = version + 1
                WHERE id IN (SELECT id FROM refunds WHERE status = 'pending' ORDER BY id LIMIT 4)
                """, .of(later))
            try store.db.run("UPDATE refunds SET status = 'failed' WHERE id = (SELECT id FROM refunds WHERE status = 'approved' ORDER BY id LIMIT 1)")
            before = try dump(store.db)
            XCTAssertGreaterThan(before.count, 10)
            try store.db.execute(Schema12Undo.sql)
            try store.db.execute(Schema11Undo.sql)
            try store.db.execute(Schema10Undo.sql)
            XCTAssertEqual(try Migrator.currentVersion(store.db), 9)
        }
        let store = try Store(path: t.path)
        XCTAssertEqual(try Migrator.currentVersion(store.db), Migrator.latestVersion)
        XCTAssertEqual(try dump(store.db), before)
    }

    /// The reconciliation walks one day of two indexes, never a table (`report day` on the 1M store must not scan).
    func testReconciliationWalksIndexes() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 20_000, seed: 2, now: fixedNow), force: false)
        for (sql, index) in [(Store.unacknowledgedQuery, "outbox_by_created"), (Store.mismatchQuery, "orders_by_updated")] {
            let s = try store.db.prepare("EXPLAIN QUERY PLAN " + sql)
            try s.bind([.of(fixedNow - 36000), .of(fixedNow + 50400)])
            let plan = try s.all { $0.text(3) }
            let text = plan.joined(separator: "\n")
            XCTAssertTrue(plan.contains { $0.hasPrefix("SEARCH") && $0.contains("USING INDEX \(index)") }, text)
            XCTAssertFalse(plan.contains { $0.contains("TEMP B-TREE FOR GROUP BY") }, text)
            // The only scan allowed is of the mismatch query's own subquery (its rows, not a table's).
            XCTAssertLessThanOrEqual(plan.filter { $0.hasPrefix("SCAN") }.count, sql == Store.mismatchQuery ? 1 : 0, text)
        }
    }

    func dump(_ db: Connection) throws -> [String] {
        let s = try db.prepare("SELECT * FROM day_routes WHERE orders != 0 OR \(DayRefundKind.allCases.map { "\($0.rawValue)_refunds != 0" }.joined(separator: " OR ")) ORDER BY 1, 2, 3")
        try s.bind([])
        let n = Int32(sqlite3ColumnCount(s))
        return try s.all { r in (0..<n).map { r.text($0) }.joined(separator: "|") }
    }
}
