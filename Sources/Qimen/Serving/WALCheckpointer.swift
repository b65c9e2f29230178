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
public final class WALCheckpointer: Sendable {
    private let worker: StoreWorker

    public init(path: String, interval: TimeInterval = 0.05, restartFrames: Int = 16_000,
                excludingWriters: @escaping @Sendable (() -> Void) -> Void) {
        // The final round restarts the WAL whatever its length, so what is left behind is small.
        worker = StoreWorker(path: path, name: "busops-wal-checkpoint", period: interval, finalRound: true) { store, last in
            Self.round(store, restartFrames: last ? 0 : restartFrames, excludingWriters: excludingWriters)
        }
    }

    /// Opens the worker's connection here, so a missing store fails at start, not on the thread.
    public func start() throws { try worker.start() }

    /// Ends after one last complete checkpoint, so the WAL left behind is small.
    public func stop() { worker.stop() }

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
