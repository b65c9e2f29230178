import Foundation
import Store

/// A BackgroundWorker whose rounds run on a connection of its own (the worker's thread is its only user). The
/// connection is opened at `start()`, so a missing store fails there, not on the thread. The lock sweeper and the
/// WAL checkpointer are rounds of this.
final class StoreWorker: @unchecked Sendable {
    private let path: String
    private let name: String
    private let period: TimeInterval
    private let finalRound: Bool
    private let round: @Sendable (_ store: Store, _ last: Bool) -> Void
    private var worker: BackgroundWorker?

    init(path: String, name: String, period: TimeInterval, finalRound: Bool = false,
         round: @escaping @Sendable (_ store: Store, _ last: Bool) -> Void) {
        self.path = path
        self.name = name
        self.period = period
        self.finalRound = finalRound
        self.round = round
    }

    func start() throws {
        nonisolated(unsafe) let store = try Store(path: path, create: false)
        let round = self.round
        let worker = BackgroundWorker(name: name, period: period, finalRound: finalRound) { last in
            round(store, last)
            return .period
        }
        self.worker = worker
        worker.start()
    }

    /// Waits for the round in progress (and the final round, if asked for) to finish.
    func stop() { worker?.stop() }
}
