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
    ///
    /// The store is built as `PATH.partial` and renamed into place only when complete, so a crash or an error
    /// mid-load never leaves a half-built store at `path` (and `--force` keeps the old store until then).
    @discardableResult
    public static func create(path: String, options: Options, force: Bool) throws -> Store {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) && !force {
            throw StoreError(.conflict, "\(path) already exists; pass --force to replace it")
        }
        let partial = path + ".partial"
        removeStoreFiles(partial)   // left over by a crashed run
        do {
            try DemoLoad.build(partial: partial, options: options)
        } catch {
            removeStoreFiles(partial)
            throw error
        }
        // An old store's -wal/-shm must go first: SQLite would replay a stale WAL into the new file.
        for suffix in ["-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: path + suffix) }
        guard rename(partial, path) == 0 else {
            let reason = String(cString: strerror(errno))
            removeStoreFiles(partial)
            throw StoreError(.invalid, "cannot move the new demo store into place at \(path): \(reason)")
        }
        // Opening switches the finished file to WAL (the load ran without a journal).
        return try Store(path: path)
    }

    static func removeStoreFiles(_ file: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: file + suffix) }
    }

    static func insertGeography(_ db: Connection) throws {
        for c in DemoGeography.cities {
            try db.run("INSERT INTO cities (code, name, province, full_name) VALUES (?, ?, ?, ?)", .text(c.code), .text(c.name),
                       .text(c.province), .text(c.fullName))
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
