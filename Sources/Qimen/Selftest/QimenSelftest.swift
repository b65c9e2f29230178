import Foundation
import Store
import TOP

/// `busops selftest --qimen URL`: plays Fliggy against a running Qimen endpoint, like the
/// merchant backend's schedule self-test page. Every interface is called with the published
/// request shapes in a buyer's order (cities, schedules, seats, lock, repeat lock, query,
/// issue, refund fee, refund, stopped schedules, cancel, close), and every answer is checked
/// against docs/PROTOCOL.md (Qimen): envelope, fields, types, formats, and the schedule rules.
///
/// It places real orders (a run id in `alitripOrderId`), so point it at a test store.
public final class QimenSelftest {
    public struct Options: Sendable {
        /// Days searched for a schedule with seats, today first.
        public var days: Int
        /// Bound on the 63236 calls made while searching.
        public var maxScheduleQueries: Int
        /// Bound on one HTTP exchange.
        public var timeout: TimeInterval
        /// How long an order answered "2" (issuing) is polled for "3" before the refund steps are skipped.
        public var issueWait: TimeInterval

        public init(days: Int = 7, maxScheduleQueries: Int = 60, timeout: TimeInterval = 10, issueWait: TimeInterval = 5) {
            self.days = days
            self.maxScheduleQueries = maxScheduleQueries
            self.timeout = timeout
            self.issueWait = issueWait
        }
    }

    let client: QimenClient
    let options: Options
    let report: SelftestReport
    let clock: @Sendable () -> Date
    /// Makes the run's order ids unique (epoch milliseconds at the start).
    let runId: String
    var rng: SimulationRandom

    public init(client: QimenClient, options: Options = Options(), clock: @escaping @Sendable () -> Date = { Date() },
                emit: @escaping (SelftestLine) -> Void = { _ in }) {
        self.client = client
        self.options = options
        self.clock = clock
        self.report = SelftestReport(emit: emit)
        let ms = Int(clock().timeIntervalSince1970 * 1000)
        self.runId = Digits.pad(ms % 10_000_000_000_000, 13)
        self.rng = SimulationRandom(seed: UInt64(ms))
    }

    /// Runs every step (blocking) and answers the report; `report.exitCode` is the status.
    public func run() -> SelftestReport {
        checkSignRefusal()
        guard let found = findSchedule() else {
            report.add(.fail("flow", "purchase steps", "not run: no schedule to buy on (see above)"))
            return report
        }
        checkStableIds(found)
        orderFlow(found.choice)
        sideOrders(found.choice)
        stoppedSchedules(found.choice)
        return report
    }

    var now: Int { Int(clock().timeIntervalSince1970) }

    /// One call expected to succeed: envelope and shape lines, the answer when it succeeded.
    /// `step` names the call in failure lines when one interface is called for several reasons.
    @discardableResult
    func ask(_ interface: QimenInterface, _ body: JSON, step: String? = nil) -> JSON? {
        let code = PublishedShapes.code(interface)
        guard let answer = send(interface, body, step: step) else { return nil }
        report.add(AnswerEnvelope.check(code, answer).map { label($0, step) })
        guard AnswerEnvelope.succeeded(answer) else { return nil }
        report.add(PublishedShapes.check(interface, answer))
        return answer
    }

    /// The raw answer, or a FAIL line when the endpoint could not be reached or answered no JSON.
    func send(_ interface: QimenInterface, _ body: JSON, step: String? = nil) -> JSON? {
        do {
            return try client.call(interface, body: body, timeout: options.timeout)
        } catch {
            report.add(label(.fail(PublishedShapes.code(interface), "request", String(describing: error)), step))
            return nil
        }
    }

    func label(_ line: SelftestLine, _ step: String?) -> SelftestLine {
        guard let step, line.outcome == .fail else { return line }
        return SelftestLine(line.outcome, line.code, line.subject + " (\(step))", line.detail)
    }

    /// A rule check outside one answer's shape: ok or FAIL with the reason.
    func expect(_ condition: Bool, _ code: String, _ subject: String, ok: String, fail: @autoclosure () -> String) {
        report.add(condition ? .ok(code, subject, ok) : .fail(code, subject, fail()))
    }

    func newPeople(_ count: Int) -> [SimulatedPeople.Person] {
        (0..<count).map { _ in SimulatedPeople.person(&rng) }
    }

    /// Digits only, unique per run and per order (`n` 1…99).
    func alitripOrderId(_ n: Int) -> String { "7" + runId + Digits.pad(n, 2) }

    func alipayTradeNo(_ n: Int) -> String { ChinaTime.date(now).replacingOccurrences(of: "-", with: "") + "2200" + runId + Digits.pad(n, 2) }
}
