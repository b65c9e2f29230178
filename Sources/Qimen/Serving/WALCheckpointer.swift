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
    private var worker: BackgroundWorker?

    public init(path: String, interval: TimeInterval = 0.05, restartFrames: Int = 16_000,
                excludingWriters: @escaping @Sendable (() -> Void) -> Void) {
        self.path = path
        self.interval = interval
        self.restartFrames = restartFrames
        self.excludingWriters = excludingWriters
    }

    public func start() throws {
        nonisolated(unsafe) let store = try Store(path: path, create: false)   // the worker's thread is its only user
        let (restart, excluding) = (restartFrames, excludingWriters)
        // The final round restarts the WAL whatever its length, so what is left behind is small.
        let worker = BackgroundWorker(name: "busops-wal-checkpoint", period: interval, finalRound: true) { last in
            Self.round(store, restartFrames: last ? 0 : restart, excludingWriters: excluding)
            return .period
        }
        self.worker = worker
        worker.start()
    }

    /// Ends after one last complete checkpoint, so the WAL left behind is small.
    public func stop() { worker?.stop() }

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
}
