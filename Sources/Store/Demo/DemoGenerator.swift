import Foundation

/// Builds a realistic demo store: real cities, stations (some geofenced), two weeks of schedules, and orders
/// in every order and ticket status with refunds and callbacks in every state. Deterministic for a seed and day.
public enum DemoGenerator {
    public struct Options: Sendable {
        public var orders: Int
        public var seed: UInt64
        public var now: Int
        public init(orders: Int = 2000, seed: UInt64 = 1, now: Int = ChinaTime.now()) {
            self.orders = orders; self.seed = seed; self.now = now
        }
    }

    /// Creates the store at `path`. Refuses to touch an existing file unless `force`.
    @discardableResult
    public static func create(path: String, options: Options, force: Bool) throws -> Store {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard force else {
                throw StoreError(.conflict, "\(path) already exists; pass --force to replace it")
            }
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        }
        DemoMemory.keepFreedMemory()
        let store = try Store(path: path)
        let db = store.db
        // Bulk load: no fsync, secondary indexes built once at the end (far faster than row by row).
        // Nothing to protect while a fresh file is built: no journal, a large page cache, WAL switched on after.
        try db.execute("PRAGMA journal_mode = OFF")
        try db.execute("PRAGMA synchronous = OFF")
        try db.execute("PRAGMA cache_size = -262144")
        try db.execute("PRAGMA temp_store = MEMORY")
        try db.execute("PRAGMA threads = 2")   // parallel sorter for the index builds at the end
        // The generator writes parents before children by construction (and the tests check the result);
        // per-row foreign-key lookups would double the cost of the load.
        try db.execute("PRAGMA foreign_keys = OFF")
        try db.execute("PRAGMA locking_mode = EXCLUSIVE")
        // Indexes whose key grows with insertion order only append at the right edge: keep those. So do the ones
        // led by a status with few values ((status, id), (state, next attempt), ('refund', RF…)): each status appends
        // at the end of its own range, a handful of hot pages; that is cheaper than another scan of the table later.
        // The others would insert at random places for every row; building them once at the end is far cheaper.
        let appendOnly: Set<String> = ["tickets_by_order", "refunds_by_order", "outbox_by_order", "seat_holds_by_expiry",
                                       "orders_by_status", "refunds_by_status", "audit_by_entity", "outbox_due"]
        let indexes = try secondaryIndexes(db).filter { !appendOnly.contains($0.0) }
        for (name, _) in indexes { try db.execute("DROP INDEX \(name)") }
        var rng = DemoRandom(seed: options.seed)
        let timing = ProcessInfo.processInfo.environment["BUSOPS_DEMO_TIMING"] != nil
        var mark = Date()
        func phase(_ name: String) {
            if timing { FileHandle.standardError.write("  \(name): \(Int(Date().timeIntervalSince(mark) * 1000)) ms\n".data(using: .utf8)!) }
            mark = Date()
        }
        try db.transaction {
            try db.run("INSERT INTO meta (key, value) VALUES ('demo', '1'), ('demo_seed', ?), ('demo_generated_at', ?)",
                       .text(String(options.seed)), .of(options.now))
            try insertGeography(db)
            var schedules = try DemoSchedules.insert(db, options: options, rng: &rng)
            phase("schedules")
            try DemoOrders.insert(db, options: options, schedules: &schedules, rng: &rng)
            phase("orders")
            try DemoSchedules.writeCounters(db, schedules)
        }
        phase("commit")
        for (_, sql) in indexes { try db.execute(sql) }
        phase("indexes")
        // The planner only needs approximate statistics: sampling ~1000 rows per index is as good as scanning millions.
        try db.execute("PRAGMA analysis_limit = 1000")
        try db.execute("ANALYZE")
        phase("analyze")
        try db.execute("PRAGMA foreign_keys = ON")
        try db.execute("PRAGMA locking_mode = NORMAL")
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute("PRAGMA synchronous = NORMAL")
        try db.execute("PRAGMA cache_size = -2000")
        return store
    }

    static func secondaryIndexes(_ db: Connection) throws -> [(String, String)] {
        let s = try db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        try s.bind([])
        return try s.all { ($0.text(0), $0.text(1)) }
    }

    static func insertGeography(_ db: Connection) throws {
        for c in DemoGeography.cities {
            try db.run("INSERT INTO cities (code, name, province) VALUES (?, ?, ?)", .text(c.code), .text(c.name), .text(c.province))
        }
        for st in DemoGeography.stations {
            if let area = st.area { try Geofence.validate(area) }
            try db.run("""
                INSERT INTO stations (code, name, address, city_code, station_type, longitude, latitude, geofence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, .text(st.code), .text(st.name), .text(st.address), .text(st.cityCode), .of(st.area == nil ? 1 : 2),
                   .real(st.lng), .real(st.lat), .of(st.area.map(Geofence.encode)))
            for f in st.features {
                try db.run("INSERT INTO station_features (station_code, feature) VALUES (?, ?)", .text(st.code), .text(f))
            }
        }
    }
}
