import Foundation

/// The second writer of the demo load: tickets (half the rows, a third of the bytes) go into a side file
/// with the store's schema, through a second SQLite connection on its own thread, so two cores write at once (one
/// SQLite connection only ever uses one). The side then builds its own secondary indexes while the store file
/// builds its own, and `copy` moves the finished tables into the store: with identical schemas, an empty
/// destination and foreign keys off, `INSERT INTO t SELECT * FROM side.t` copies records and index entries as they
/// are (SQLite's transfer optimization) instead of decoding and re-inserting them.
final class DemoSideWriter: @unchecked Sendable {
    let path: String
    let pipe = DemoPipe()
    private var store: Store?
    private var writer: DemoWriter?
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

    /// Starts the writing thread: every batch from `pipe` in one transaction, then the side's index builds.
    func start(now: Int) throws {
        guard let store else { return }
        var w = DemoWriter(db: store.db, now: now)
        try w.prepare()
        writer = w
        started = true
        Thread.detachNewThread { [self] in
            do { try run() } catch {
                self.error = error
                pipe.cancel()   // the generator must not block on a writer that stopped
            }
            writer = nil        // its statements, so the connection can close
            done.signal()
        }
    }

    private func run() throws {
        guard let store, let writer else { return }
        let statements = DemoPipe.Kind.allCases.map { writer.statement($0) }
        try store.db.transaction {
            while let batch = pipe.next() {
                try batch.replay(statements)
                pipe.recycle(batch)
            }
            if pipe.isCancelled { throw StoreError(.invalid, "demo load cancelled") }
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
