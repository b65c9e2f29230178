import XCTest
@testable import Store

/// The demo generator's output is pinned: same seed and `now`, same rows with the same ids in the same rowid order.
/// The fingerprints were taken before the bulk load was reworked for speed (split writers, buffer binding); a change
/// here means the content changed, not just how it is written. Retaken once since, for a deliberate change: the
/// newest refunded order's refund is always approved with its callback pending (audit, outbox, refunds; counts equal);
/// and `counters` joined with migration 3, `refund_queue` with migration 4.
final class DemoFingerprintTests: XCTestCase {
    func testContentIsUnchangedForAFixedSeedAndNow() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 20000, seed: 3, now: fixedNow), force: false)
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM refund_queue"), try store.db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending'"))
        XCTAssertEqual(try fingerprint(store.db), [
            "audit:3413:c69ae63077657044",
            "cities:13:1e598fa82579fd8c",
            "counters:2:c505cd203273c761",   // migration 3; recounted after the load
            "meta:3:25efa0944fbae6ed",
            "orders:20000:a5af71bc44df15f9",
            "outbox:8245:160ab4766126d133",
            "refund_queue:1106:e1c7c56705a9f978",   // migration 4; rebuilt after the load
            "refund_rules:6496:fb7d96662258df7a",
            "refunds:4519:e39eeedb4b3bb69b",
            "schedule_days:14:1709277494c6da9a",   // migration 4; recounted after the load
            "schedule_stops:3360:2efa972bf136e3d0",
            "schedules:1344:8380f9fad8e4c21a",
            "seat_holds:2:1fc9659e32fc5f15",
            "segment_prices:2800:179702ce3033ed37",
            "station_features:19:b439b485a7114396",
            "stations:17:a6f73c957f420a38",
            "tickets:36235:9423ae87ac1f519f",
            "transfer_points:70:e798b8bf08cdce"])
    }

    /// Also the store's shape after the load: WAL, foreign keys on, every index of the schema, nothing left over
    /// (not even the half-built file a crashed load would have left).
    func testStoreIsANormalWALStoreAfterTheLoad() throws {
        let t = TempStore()
        try Data("left by a crashed load".utf8).write(to: URL(fileURLWithPath: t.path + ".partial"))
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 500, seed: 4, now: fixedNow), force: false)
        XCTAssertEqual(try store.db.scalarText("PRAGMA journal_mode"), "wal")
        XCTAssertEqual(try store.db.scalarInt("PRAGMA foreign_keys"), 1)
        XCTAssertEqual(try store.db.scalarText("PRAGMA integrity_check"), "ok")
        XCTAssertNil(try store.db.scalarText("PRAGMA foreign_key_check"))
        let s = try store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
        try s.bind([])
        XCTAssertEqual(try s.all { $0.text(0) }, [
            "audit_by_entity", "orders_by_departure", "orders_by_phone", "orders_by_schedule", "orders_by_status",
            "outbox_by_order", "outbox_due", "refunds_by_order", "refunds_by_status", "refunds_queue", "schedules_by_day",
            "seat_holds_by_expiry", "tickets_by_cert", "tickets_by_order", "tickets_by_phone"])
        let files = try FileManager.default.contentsOfDirectory(atPath: t.dir).filter { !["-wal", "-shm"].contains(where: $0.hasSuffix) }
        XCTAssertEqual(files, ["store.sqlite"])
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), 13)
    }

    /// FNV-1a over every table's rows in rowid order (statistics and migration timestamps left out), per table.
    func fingerprint(_ db: Connection) throws -> [String] {
        let tables = try db.prepare("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' AND name != 'schema_migrations'
            ORDER BY name
            """)
        try tables.bind([])
        var out: [String] = []
        for name in try tables.all({ $0.text(0) }) {
            // A WITHOUT ROWID table (refund_queue) is in key order, its first two columns.
            let withoutRowid = try db.scalarText("SELECT sql FROM sqlite_master WHERE name = ?", .text(name))?.hasSuffix("WITHOUT ROWID") ?? false
            let rows = try db.prepare(withoutRowid ? "SELECT * FROM \(name) ORDER BY 1, 2" : "SELECT rowid, * FROM \(name) ORDER BY rowid")
            try rows.bind([])
            var h: UInt64 = 0xcbf29ce484222325
            var count = 0
            func mix(_ s: String) { for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 } }
            while try rows.step() {
                count += 1
                for c in 0..<Int32(sqlite3ColumnCount(rows)) {
                    switch rows.value(c) {
                    case .int(let n): mix("i\(n)|")
                    case .real(let d): mix("r\(d)|")
                    case .text(let s): mix("t\(s)|")
                    case .null: mix("n|")
                    }
                }
            }
            rows.reset()
            out.append("\(name):\(count):\(String(h, radix: 16))")
        }
        return out
    }
}
