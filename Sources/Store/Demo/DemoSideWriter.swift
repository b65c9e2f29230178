import CSQLite
import Foundation

/// The second writer of the demo load: schedules (with their stops, prices and rules), tickets and audit rows go
/// into a side database with the store's schema, through a second SQLite connection on its own thread, so two
/// cores write at once (one SQLite connection only ever uses one). The side then builds its own secondary indexes
/// while the store file builds its own, and `copy` moves the finished tables into the store: with identical
/// schemas, an empty destination and foreign keys off, `INSERT INTO t SELECT * FROM side.t` copies records and
/// index entries as they are (SQLite's transfer optimization) instead of decoding and re-inserting them.
///
/// The side lives in memory (SQLite's memdb VFS; a name starting with "/" is shared by the connections of this
/// process): its pages are never written to a file and read back, and nothing is left on disk if the load fails.
/// It is freed when its connection closes, so that waits until the store has copied it. SQLite allocates no block
/// of 2 GiB or more, so a memdb side tops out near 1.5M orders; a larger load puts the side in a file beside the
/// store's `.partial`, removed when the side is freed.
final class DemoSideWriter: @unchecked Sendable {
    let uri: String
    let pipe = DemoPipe(maxBatches: 64)
    private var db: Connection?
    private var options = DemoGenerator.Options()
    private var indexes: [(String, String)] = []
    /// The side's file when it is not in memory.
    private let file: String?
    private let done = DispatchSemaphore(value: 0)
    private var started = false
    private var error: Error?

    static let inMemoryMaxOrders = 1_500_000

    init(orders: Int, beside partial: String) throws {
        if orders <= Self.inMemoryMaxOrders {
            file = nil
            uri = "file:/busops-demo-side-\(UUID().uuidString)?vfs=memdb"   // unique: loads may run side by side (tests)
        } else {
            let path = partial + ".side"
            file = path
            Self.remove(path)
            // A file: URI; the characters a URI gives meaning to are escaped.
            uri = "file:" + path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3F")
                .replacingOccurrences(of: "#", with: "%23")
        }
        let db = try Connection(path: uri, uri: true)
        // memdb caps a database at 1 GiB unless told otherwise; the side of a 5M-order store is about 2 GB.
        // (Should this ever fail, the load stops with SQLITE_FULL and leaves nothing behind.)
        var limit: Int64 = 1 << 40
        _ = sqlite3_file_control(db.handle, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit)
        try Migrator.migrate(db)   // the same migrations, so the same schema as the store file
        try DemoLoad.bulkPragmas(db, exclusive: false)   // the store's connection reads it at the end
        indexes = try DemoLoad.dropRandomIndexes(db, tables: { DemoLoad.sideTables.contains($0) })
        self.db = db
    }

    /// The schedules with their final seat counters, set by the generating thread before it closes `pipe`.
    var counters: [DemoSchedules.Slot] = []

    /// Starts the writing thread: the schedules, every batch from `pipe` and the seat counters in one transaction,
    /// then the side's index builds.
    func start(options: DemoGenerator.Options) throws {
        guard db != nil else { return }
        self.options = options
        started = true
        Thread.detachNewThread { [self] in
            do { try run() } catch {
                self.error = error
                pipe.cancel()   // the generator must not block on a writer that stopped
            }
            done.signal()
        }
    }

    private func run() throws {
        guard let db else { return }
        let statements = try DemoStatements(db)
        try db.transaction {
            _ = try DemoSchedules.insert(db, options: options)
            while let batch = pipe.next() {
                try batch.replay(statements)
                pipe.recycle(batch)
            }
            if pipe.isCancelled { throw StoreError(.invalid, "demo load cancelled") }
            try DemoSchedules.writeCounters(db, counters)
        }
        for (_, sql) in indexes { try db.execute(sql) }
    }

    /// Waits for the side to be written and indexed.
    func finish() throws {
        if started { done.wait(); started = false }
        if let error { throw error }
    }

    /// After a failure elsewhere: stop the side writer, wait for it and free the side.
    func abandon() {
        pipe.cancel()
        try? finish()
        free()
    }

    private func free() {
        db = nil
        if let file { Self.remove(file) }
    }

    static func remove(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Moves the side tables into `db` (their tables there are empty, their indexes all present), then frees the side.
    func copy(into store: Connection, tables: [String]) throws {
        defer { free() }
        try store.run("ATTACH DATABASE ? AS side", .text(uri))
        defer { try? store.execute("DETACH DATABASE side") }
        try store.transaction {
            for table in tables { try store.execute("INSERT INTO main.\(table) SELECT * FROM side.\(table)") }
        }
    }
}
