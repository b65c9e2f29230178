import Foundation

/// The second writer of the demo load: schedules (with their stops, prices and rules), tickets and audit rows go
/// into a side file
/// with the store's schema, through a second SQLite connection on its own thread, so two cores write at once (one
/// SQLite connection only ever uses one). The side then builds its own secondary indexes while the store file
/// builds its own, and `copy` moves the finished tables into the store: with identical schemas, an empty
/// destination and foreign keys off, `INSERT INTO t SELECT * FROM side.t` copies records and index entries as they
/// are (SQLite's transfer optimization) instead of decoding and re-inserting them.
final class DemoSideWriter: @unchecked Sendable {
    let path: String
    let pipe = DemoPipe(maxBatches: 64)
    private var store: Store?
    private var options = DemoGenerator.Options()
    private var indexes: [(String, String)] = []
    private let done = DispatchSemaphore(value: 0)
    private var started = false
    private var error: Error?

    init(path: String) throws {
        self.path = path
        let store = try Store(path: path)   // same migrations, so the same schema as the store file
        try DemoLoad.bulkPragmas(store.db)
        indexes = try DemoLoad.dropRandomIndexes(store.db, tables: { DemoLoad.sideTables.contains($0) })
        self.store = store
    }

    /// The schedules with their final seat counters, set by the generating thread before it closes `pipe`.
    var counters: [DemoSchedules.Slot] = []

    /// Starts the writing thread: the schedules, every batch from `pipe` and the seat counters in one transaction,
    /// then the side's index builds.
    func start(options: DemoGenerator.Options) throws {
        guard store != nil else { return }
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
        guard let store else { return }
        let statements = try DemoStatements(store.db)
        try store.db.transaction {
            _ = try DemoSchedules.insert(store.db, options: options)
            while let batch = pipe.next() {
                try batch.replay(statements)
                pipe.recycle(batch)
            }
            if pipe.isCancelled { throw StoreError(.invalid, "demo load cancelled") }
            try DemoSchedules.writeCounters(store.db, counters)
        }
        for (_, sql) in indexes { try store.db.execute(sql) }
    }

    /// Waits for the side to be written and indexed, and closes it (its exclusive lock would keep the store out).
    func finish() throws {
        if started { done.wait(); started = false }
        store = nil
        if let error { throw error }
    }

    /// After a failure elsewhere: stop the side writer and wait for it, so its file can be removed.
    func abandon() {
        pipe.cancel()
        try? finish()
    }

    /// Moves the side tables into `db` (their tables there are empty, their indexes all present) and detaches.
    func copy(into db: Connection, tables: [String]) throws {
        try db.run("ATTACH DATABASE ? AS side", .text(path))
        defer { try? db.execute("DETACH DATABASE side") }
        try db.transaction {
            for table in tables { try db.execute("INSERT INTO main.\(table) SELECT * FROM side.\(table)") }
        }
    }
}
