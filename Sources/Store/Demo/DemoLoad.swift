import Foundation
import StandardStreams

/// The bulk load behind `DemoGenerator.create`, spread over both cores. This thread writes orders, seat holds,
/// refunds and outbox rows into the store file; a side writer (`DemoSideWriter`) writes the schedules, tickets and
/// audit rows into a second database (in memory) through its own connection, on its own thread; a third thread
/// generates the rows for both. Each then builds its own secondary indexes, at the same time, and the side tables
/// are copied into the store whole.
///
/// The split balances the two writers as measured at 1M orders: orders cost the most per row, tickets are the most
/// rows. With outbox rows on the side too, the side was the bottleneck (the generator waited 3.3 s for it) and the
/// copy 0.8 s longer; with only tickets there, the store's writer was (and the side idle 1.6 s).
enum DemoLoad {
    /// Rows the side writer gets (besides the schedules, which it writes itself).
    static let sideKinds: Set<DemoPipe.Kind> = [.ticket, .audit]

    /// Tables the side writer fills; in the store file they stay empty, with all their indexes, until the copy.
    static let sideTables: Set<String> = ["schedules", "schedule_stops", "segment_prices", "refund_rules", "transfer_points",
                                          "tickets", "audit"]

    /// Indexes whose key grows with insertion order only append at the right edge: they stay during the load. So do
    /// the ones led by a status with few values ((status, id), (state, next attempt), ('refund', RF…)): each status
    /// appends at the end of its own range, a handful of hot pages, cheaper than another scan of the table later.
    /// The others would insert at random places for every row: dropped, and built once at the end.
    static let liveIndexes: Set<String> = ["tickets_by_order", "refunds_by_order", "outbox_by_order", "seat_holds_by_expiry",
                                          "orders_by_status", "refunds_by_status", "audit_by_entity", "outbox_due",
                                          "outbox_dead", "outbox_retrying"]

    static func build(partial: String, options: DemoGenerator.Options) throws {
        DemoMemory.keepFreedMemory()
        var timing = DemoTiming()
        let db = try Connection(path: partial, uri: true)   // attaches the side by its URI at the end
        try Migrator.migrate(db)
        try bulkPragmas(db)
        let indexes = try dropRandomIndexes(db, tables: { !sideTables.contains($0) })
        let triggers = try dropInsertTriggers(db)
        let side = try DemoSideWriter(orders: options.orders, beside: partial)
        do {
            var rng = DemoRandom(seed: options.seed)
            var schedules = try DemoSchedules.insert(nil, options: options)   // the side writes them
            try db.transaction {
                try db.run("INSERT INTO meta (key, value) VALUES ('demo', '1'), ('demo_seed', ?), ('demo_generated_at', ?)",
                           .text(String(options.seed)), .of(options.now))
                try DemoGenerator.insertGeography(db)
                timing.phase("open, geography")
                try DemoOrders.insert(db, side: side, options: options, schedules: &schedules, rng: &rng)
                timing.phase("orders")
            }
            timing.phase("commit")
            for (_, sql) in indexes { try db.execute(sql) }
            timing.phase("indexes")
            try side.finish()
            timing.phase("side indexes (wait)")
        } catch {
            side.abandon()
            throw error
        }
        try side.copy(into: db, tables: sideTables.sorted())
        timing.phase("copy side tables")
        for sql in triggers { try db.execute(sql) }
        try db.execute(Schema3.recount)   // the counting triggers were off during the load
        try db.execute(Schema12.recount)   // the outbox's pending and failed counts too
        timing.phase("triggers, counters")
        try db.execute(Schema4.rebuild)   // so was the refund queue's
        timing.phase("refund queue")
        try db.execute(Schema8.recountDays)   // and the day totals' (the side's schedules came without them)
        try db.execute(Schema5.recountRoutes)   // and the routes' days
        timing.phase("day totals, route days")
        try db.execute(Schema7.recount)   // and the dashboard's aggregates
        timing.phase("dashboard aggregates")
        try db.execute(Schema10.recount)   // and the settlement's per-route days
        timing.phase("settlement days")
        try db.execute(Schema11.recount)   // and the callbacks' times to acknowledge
        timing.phase("acknowledgement times")
        // Full statistics (~0.6 s at 1M orders). Sampled ones (`analysis_limit`) were cheaper but wrong where it
        // matters: they put ~3 orders on each schedule, and the planner then sorted the whole orders table for
        // the newest-first page (DemoQueryPlanTests).
        try db.execute("ANALYZE")
        timing.phase("analyze")
    }

    /// Nothing to protect while a fresh file is built: no journal, no fsync, a large page cache. The store is
    /// reopened normally (WAL, foreign keys on) once it is complete.
    static func bulkPragmas(_ db: Connection, exclusive: Bool = true) throws {
        try db.execute("PRAGMA journal_mode = OFF")
        try db.execute("PRAGMA synchronous = OFF")
        try db.execute("PRAGMA cache_size = -262144")
        try db.execute("PRAGMA temp_store = MEMORY")
        try db.execute("PRAGMA threads = 2")   // parallel sorter for the index builds at the end
        // The generator writes parents before children by construction (and the tests check the result); per-row
        // foreign-key lookups would double the cost of the load, and SQLite copies whole tables only with them off.
        try db.execute("PRAGMA foreign_keys = OFF")
        if exclusive { try db.execute("PRAGMA locking_mode = EXCLUSIVE") }
    }

    /// Drops the triggers that fire on INSERT (the generator writes what they would: refunds carry their order's
    /// departure); answers their SQL to create them again, unchanged, after the load. A trigger runs a statement
    /// per row, and SQLite copies a table whole only into a table without triggers.
    static func dropInsertTriggers(_ db: Connection) throws -> [String] {
        let s = try db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '% AFTER INSERT ON %'")
        try s.bind([])
        let triggers = try s.all { ($0.text(0), $0.text(1)) }
        for (name, _) in triggers { try db.execute("DROP TRIGGER \(name)") }
        return triggers.map(\.1)
    }

    /// Drops the random-insert indexes of the tables `filled` selects; answers them for building at the end.
    static func dropRandomIndexes(_ db: Connection, tables filled: (String) -> Bool) throws -> [(String, String)] {
        let s = try db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        try s.bind([])
        let indexes = try s.all { ($0.text(0), $0.text(1), $0.text(2)) }
            .filter { filled($0.1) && !liveIndexes.contains($0.0) }
            .map { ($0.0, $0.2) }
        for (name, _) in indexes { try db.execute("DROP INDEX \(name)") }
        return indexes
    }
}

/// `BUSOPS_DEMO_TIMING=1`: each phase's wall time on stderr.
struct DemoTiming {
    private let on = ProcessInfo.processInfo.environment["BUSOPS_DEMO_TIMING"] != nil
    private var mark = Date()

    mutating func phase(_ name: String) {
        if on { StandardStream.error.write("  \(name): \(Int(Date().timeIntervalSince(mark) * 1000)) ms\n") }
        mark = Date()
    }
}
