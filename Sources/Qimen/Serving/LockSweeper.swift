import Foundation
import Store

/// Releases unpaid seat locks past their time every few seconds, so seats come back on sale
/// even when no create-order call arrives to trigger the release on its way.
/// Runs on its own thread with its own connection.
public final class LockSweeper: @unchecked Sendable {
    private let path: String
    private let interval: TimeInterval
    private let clock: @Sendable () -> Date
    private let onSweep: @Sendable (Result<Int, Error>) -> Void
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var started = false

    /// `onSweep` hears every pass that released something, and every failure.
    public init(path: String, interval: TimeInterval = 5, clock: @escaping @Sendable () -> Date = { Date() },
                onSweep: @escaping @Sendable (Result<Int, Error>) -> Void = { _ in }) {
        self.path = path
        self.interval = interval
        self.clock = clock
        self.onSweep = onSweep
    }

    public func start() throws {
        let store = try Store(path: path, create: false)
        let box = StoreBox(store)
        let thread = Thread { [self] in run(box.store) }
        thread.name = "busops-lock-sweeper"
        condition.lock()
        started = true
        condition.unlock()
        thread.start()
    }

    /// Waits for a pass in progress to finish (its transaction commits or rolls back whole).
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while started && !finished { condition.wait() }
        condition.unlock()
    }

    /// One pass now, on the caller's connection (tests, and the first pass at start).
    @discardableResult
    public static func sweep(_ store: Store, now: Date) throws -> Int {
        try store.sweepExpiredHolds(now: Int(now.timeIntervalSince1970))
    }

    private func run(_ store: Store) {
        condition.lock()
        while !stopping {
            condition.unlock()
            do {
                let released = try Self.sweep(store, now: clock())
                if released > 0 { onSweep(.success(released)) }
            } catch {
                onSweep(.failure(error))
            }
            condition.lock()
            if !stopping { _ = condition.wait(until: Date().addingTimeInterval(interval)) }
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Hands a connection to the sweeper's thread, which is then its only user.
private final class StoreBox: @unchecked Sendable {
    let store: Store
    init(_ store: Store) { self.store = store }
}
