import Foundation
import Store

/// Releases unpaid seat locks past their time every few seconds, so seats come back on sale even when no
/// create-order call arrives to trigger the release on its way. A StoreWorker (its own connection).
public final class LockSweeper: Sendable {
    private let worker: StoreWorker

    /// `onSweep` hears every pass that released something, and every failure.
    public init(path: String, interval: TimeInterval = 5, clock: @escaping @Sendable () -> Date = { Date() },
                onSweep: @escaping @Sendable (Result<Int, Error>) -> Void = { _ in }) {
        worker = StoreWorker(path: path, name: "busops-lock-sweeper", period: interval) { store, _ in
            do {
                let released = try Self.sweep(store, now: clock())
                if released > 0 { onSweep(.success(released)) }
            } catch {
                onSweep(.failure(error))
            }
        }
    }

    /// Opens the worker's connection here, so a missing store fails at start, not on the thread.
    public func start() throws { try worker.start() }

    /// Waits for a pass in progress to finish (its transaction commits or rolls back whole).
    public func stop() { worker.stop() }

    /// One pass now, on the caller's connection (tests, and the first pass at start).
    @discardableResult
    public static func sweep(_ store: Store, now: Date) throws -> Int {
        try store.sweepExpiredHolds(now: Int(now.timeIntervalSince1970))
    }
}
