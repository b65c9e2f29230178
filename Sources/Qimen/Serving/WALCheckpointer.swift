import Foundation
import Store

/// Checkpoints the WAL on its own thread so create-order requests never pay for it.
///
/// SQLite's automatic checkpoint runs inside whichever commit crosses 1000 pages: under
/// create-order load that is every dozen orders, each time a copy and two fsyncs inside a
/// request (the p99). Here the copying runs beside the writers (PASSIVE blocks nobody); once
/// the WAL is past `restartFrames`, a last short pass runs while the handler admits no
/// writer, so the checkpoint completes and the next commit starts the WAL from the beginning.
/// Pair it with `StorePool(deferCheckpoints: true)`.
public final class WALCheckpointer: @unchecked Sendable {
    private let path: String
    private let interval: TimeInterval
    private let restartFrames: Int
    private let excludingWriters: @Sendable (() -> Void) -> Void
    private let condition = NSCondition()
    private var stopping = false
    private var running = false

    public init(path: String, interval: TimeInterval = 0.05, restartFrames: Int = 16_000,
                excludingWriters: @escaping @Sendable (() -> Void) -> Void) {
        self.path = path
        self.interval = interval
        self.restartFrames = restartFrames
        self.excludingWriters = excludingWriters
    }

    public func start() throws {
        let box = CheckpointStoreBox(try Store(path: path, create: false))
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in run(box.store) }
        thread.name = "busops-wal-checkpoint"
        thread.start()
    }

    /// Ends after one last complete checkpoint, so the WAL left behind is small.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    /// One round: frames in the WAL after a passive pass (and a final pass if it is long).
    @discardableResult
    public static func round(_ store: Store, restartFrames: Int, excludingWriters: (() -> Void) -> Void) -> Int {
        let frames = passive(store)
        guard frames >= restartFrames else { return frames }
        var after = frames
        excludingWriters { after = passive(store) }
        return after
    }

    static func passive(_ store: Store) -> Int { store.passiveCheckpoint() }

    private func run(_ store: Store) {
        condition.lock()
        while true {
            let last = stopping
            condition.unlock()
            Self.round(store, restartFrames: last ? 0 : restartFrames, excludingWriters: excludingWriters)
            condition.lock()
            if last { break }
            if !stopping { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}

private final class CheckpointStoreBox: @unchecked Sendable {
    let store: Store
    init(_ store: Store) { self.store = store }
}
