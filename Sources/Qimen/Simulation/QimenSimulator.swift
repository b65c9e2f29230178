import Foundation
import Store
import TOP

/// Fliggy's side of a busy day, for demos (`busops simulate`) and tests: buyers search
/// cities and schedules, check seats, lock seats, pay and get tickets; some never pay
/// (cancel), some orders are closed, some tickets are refunded. Requests are signed like the
/// Qimen gateway's and paced to `rate` per second across `workers` threads until `duration`.
public final class QimenSimulator: @unchecked Sendable {
    public struct Options: Sendable {
        public var rate: Double = 20
        public var duration: TimeInterval = 60
        public var seed: UInt64 = 1
        public var workers = 4
        /// Per-request bound, so a stalled endpoint cannot stretch the run past its duration by much.
        public var requestTimeout: TimeInterval = 5

        /// Every field at its default; callers set what they change.
        public init() {}
    }

    private let client: QimenClient
    private let options: Options
    private let pacer: Pacer
    private let lock = NSLock()
    private var summary = SimulationSummary()

    public init(client: QimenClient, options: Options) {
        self.client = client
        self.options = options
        self.pacer = Pacer(rate: options.rate, duration: options.duration)
    }

    /// Runs to the end of the duration (blocking) and answers what was sent.
    public func run() -> SimulationSummary {
        let started = Date()
        let group = DispatchGroup()
        for worker in 0..<max(1, options.workers) {
            group.enter()
            let thread = Thread { [self] in
                var buyer = SimulatedBuyer(simulator: self, worker: worker,
                                           rng: SimulationRandom(seed: options.seed &* 1_000_003 &+ UInt64(worker)))
                buyer.run()
                group.leave()
            }
            thread.start()
        }
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        summary.elapsed = Date().timeIntervalSince(started)
        return summary
    }

    /// One paced, signed call. nil when the run is over (no slot left) or the call failed in
    /// transport; the answer otherwise, whatever its retCode.
    func call(_ interface: QimenInterface, _ body: JSON) -> JSON? {
        guard pacer.waitForSlot() else { return nil }
        let code: String
        var answer: JSON?
        do {
            let json = try client.call(interface, body: body, timeout: options.requestTimeout)
            code = json["retCode"]?.stringValue ?? "no-retCode"
            answer = json
        } catch {
            code = "transport-error"
        }
        lock.lock()
        summary.add(interface.shortName, code)
        lock.unlock()
        return answer
    }

    var isOver: Bool { pacer.isOver }
}

/// Hands out send times `start + k / rate` until the duration ends, shared by all workers.
final class Pacer: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let interval: TimeInterval
    private let duration: TimeInterval
    private var issued = 0

    init(rate: Double, duration: TimeInterval) {
        interval = 1 / max(0.01, rate)
        self.duration = duration
    }

    var isOver: Bool { Date().timeIntervalSince(start) >= duration }

    func waitForSlot() -> Bool {
        lock.lock()
        let offset = Double(issued) * interval
        issued += 1
        lock.unlock()
        guard offset < duration else { return false }
        let wait = start.addingTimeInterval(offset).timeIntervalSinceNow
        if wait > 0 { Thread.sleep(forTimeInterval: wait) }
        return !isOver
    }
}
