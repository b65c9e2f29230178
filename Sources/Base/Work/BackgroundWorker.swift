import Foundation

/// The one background-worker type (docs/ARCHITECTURE.md): a named thread that runs `round` at once and then again
/// after each pause, until `stop()`. `stop()` wakes the thread from its pause, waits for the round in progress (its
/// transaction commits or rolls back whole) and, when asked, lets it run one final round with `last` set (the WAL
/// checkpointer's complete last pass). The dispatcher, the lock sweeper and the checkpointer are rounds of this.
public final class BackgroundWorker: @unchecked Sendable {
    /// What a round asks for next.
    public enum Next: Sendable {
        /// Pause for the worker's period.
        case period
        /// Pause this long (0: go on at once).
        case after(TimeInterval)
        /// End the worker (nothing more it could do, e.g. its store vanished).
        case finish
    }

    public let name: String
    private let period: TimeInterval
    private let finalRound: Bool
    private let round: @Sendable (_ last: Bool) -> Next
    private let condition = NSCondition()
    private var stopping = false
    private var running = false

    public init(name: String, period: TimeInterval, finalRound: Bool = false, round: @escaping @Sendable (_ last: Bool) -> Next) {
        self.name = name
        self.period = period
        self.finalRound = finalRound
        self.round = round
    }

    public func start() {
        condition.lock()
        running = true
        condition.unlock()
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// True once `stop()` was called: long rounds check it between steps.
    public var isStopping: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopping
    }

    /// Asks the worker to end and waits up to `timeout` seconds for it. True when it has ended.
    @discardableResult
    public func stop(timeout: TimeInterval = .infinity) -> Bool {
        let deadline = timeout.isFinite ? Date().addingTimeInterval(timeout) : nil
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        condition.broadcast()
        while running {
            // No distantFuture deadline: corelibs Foundation's wait(until:) overflows on it.
            guard let deadline else { condition.wait(); continue }
            if !condition.wait(until: deadline) { return !running }
        }
        return true
    }

    private func run() {
        condition.lock()
        while true {
            let last = stopping
            if last && !finalRound { break }
            condition.unlock()
            let next = round(last)
            condition.lock()
            if last { break }
            if case .finish = next { break }
            let pause: TimeInterval
            switch next {
            case .period: pause = period
            case .after(let seconds): pause = seconds
            case .finish: pause = 0
            }
            if !stopping && pause > 0 { _ = condition.wait(until: Date().addingTimeInterval(pause)) }
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
