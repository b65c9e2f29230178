// Drains the outbox: claim due rows, sign each with a fresh timestamp around the business JSON
// exactly as committed (so the idempotency key inside it is the same on every attempt; a row
// committed in an older, unpublished shape is first upgraded once and stored so), POST,
// classify by the retry table, record. A crash at any point leaves either a pending row or a
// claimed one whose lease lapses; both are sent again and Fliggy de-duplicates on the key.

import Foundation
import Store

public final class OutboxDispatcher {
    public let dispatcherId: String
    private let store: Store
    private let config: TopConfig
    private let transport: TopTransport
    private let clock: () -> Date
    private let random: () -> Double
    private let settings: DispatcherSettings

    public init(store: Store, config: TopConfig, transport: TopTransport = GatewayTransport(),
                clock: @escaping () -> Date = Date.init, random: @escaping () -> Double = { Double.random(in: 0..<1) },
                settings: DispatcherSettings = DispatcherSettings(), dispatcherId: String = OutboxDispatcher.makeId()) {
        self.store = store
        self.config = config
        self.transport = transport
        self.clock = clock
        self.random = random
        self.settings = settings
        self.dispatcherId = dispatcherId
    }

    /// Host, process and a random tag: unique among every dispatcher sharing a store.
    public static func makeId() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        return "\(host):\(getpid()):\(UInt32.random(in: 0...UInt32.max) % 0xFFFFFF)"
    }

    /// Logged by `run` when a pause or refusal ends.
    public static let resumedMessage = "sending resumed"

    private var nowSeconds: Int { Int(clock().timeIntervalSince1970) }

    /// One batch: claim, send, record. Throws only store errors; a claimed row left behind by a
    /// throw is re-sent when its lease lapses.
    public func runOnce(dueBy: Int? = nil) throws -> DispatchReport {
        var report = DispatchReport()
        // A store deleted, moved or replaced under us: send nothing more from it (docs/STORE-SAFETY.md).
        if let gone = store.fileProblem() { throw StoreError(.vanished, gone) }
        if let blocker = config.sendingBlocker {
            report.refused = blocker
            return report
        }
        guard let gateway = config.gateway else { return report }
        if try store.isSendingPaused() {
            report.paused = true
            return report
        }
        // Room for at least two calls per claim, so the lease check below cannot starve a batch.
        let lease = max(settings.leaseSeconds, 2 * Int(settings.requestTimeout.rounded(.up)) + 2)
        let claimedAt = nowSeconds
        let rows = try store.claimDue(now: claimedAt, dispatcherId: dispatcherId, lease: lease, limit: settings.batchSize,
                                      dueBy: dueBy)
        report.claimed = rows.count
        let leaseEnd = claimedAt + lease
        for (index, row) in rows.enumerated() {
            // Never start a call that could outlive the claim: another dispatcher could take the
            // row over and send it concurrently. Give the rest back instead.
            if Double(nowSeconds) + settings.requestTimeout + 2 > Double(leaseEnd) {
                report.released += try store.releaseClaims(ids: rows[index...].map(\.id), dispatcherId: dispatcherId,
                                                           now: nowSeconds)
                break
            }
            if let gone = store.fileProblem() { throw StoreError(.vanished, gone) }
            try send(row, to: gateway, report: &report)
        }
        return report
    }

    /// Everything due now, batch after batch, then return (`busops dispatch --once`). Rows that
    /// are retried become due later than the pass start, so the pass ends.
    public func drain() throws -> DispatchReport {
        let start = nowSeconds
        var total = DispatchReport()
        while true {
            let batch = try runOnce(dueBy: start)
            total.add(batch)
            if batch.claimed == 0 || batch.paused || batch.refused != nil { return total }
        }
    }

    /// Runs until `stop()` answers true, idling briefly when nothing is due, and returns the
    /// totals. A pause or a refusal is reported through `log` once when it begins (and when it
    /// ends); store errors (a busy store, a full disk) are logged and retried after a pause.
    @discardableResult
    public func run(until stop: () -> Bool, log: (String) -> Void = { _ in }) -> DispatchReport {
        var state = LoopState()
        while !stop() {
            switch step(&state, log: log) {
            case .finish: return state.total
            case .after(let seconds): sleep(seconds, unless: stop)
            case .period: sleep(settings.idleSleep, unless: stop)
            }
        }
        return state.total
    }

    /// What a loop of batches remembers: the problem last told, and the counts so far.
    public struct LoopState: Sendable {
        var lastProblem: String?
        public var total = DispatchReport()
        /// The batch just run (the console's gateway health reads it).
        public var lastBatch = DispatchReport()
        public init() {}
    }

    /// One batch of a sending loop (`run(until:)` here, a BackgroundWorker in the console): tells a new problem (a
    /// pause, a refused configuration) once, and says when to go on — at once after a busy batch, after the idle
    /// pause otherwise, 2 s after a store error; never again once the store vanished.
    public func step(_ state: inout LoopState, log: (String) -> Void) -> BackgroundWorker.Next {
        do {
            let report = try runOnce()
            state.lastBatch = report
            let problem = report.refused ?? (report.paused ? "sending is paused" : nil)
            if problem != state.lastProblem { log(problem ?? Self.resumedMessage) }
            state.lastProblem = problem
            var counts = report
            counts.paused = false
            counts.refused = nil
            state.total.add(counts)
            return report.claimed == 0 ? .period : .after(0)
        } catch let e as StoreError where e.kind == .vanished {
            // Nothing this dispatcher could do would reach the store again: say so once and stop.
            log("dispatcher stopped: \(e.message)")
            return .finish
        } catch {
            log("dispatcher: \(error)")
            return .after(2)
        }
    }

    /// The pause between batches, ended early by `stop`.
    private func sleep(_ seconds: TimeInterval, unless stop: () -> Bool) {
        let end = Date().addingTimeInterval(seconds)
        while !stop(), Date() < end { Thread.sleep(forTimeInterval: min(0.05, seconds)) }
    }

    /// The idle pause, for a worker running `step`.
    public var idleSleep: TimeInterval { settings.idleSleep }

    private func send(_ row: OutboxRecord, to gateway: URL, report: inout DispatchReport) throws {
        guard let paramName = TopMethods.paramName(for: row.method) else {
            let attempt = OutboxAttempt(code: "unknown-method", message: "no TOP callback named \(row.method)")
            try count(store.recordDeadLetter(id: row.id, dispatcherId: dispatcherId, attempt: attempt, now: nowSeconds),
                      \.deadLettered, &report)
            return
        }
        // docs/PROTOCOL.md (TOP callbacks): only the published objects are sent. A row queued by an older busops in
        // another shape is upgraded first and the result written back, so the stored params stay
        // the bytes signed and sent; the idempotency key is the row's own, unchanged.
        var params = row.params
        let upgrade = try CallbackUpgrade.upgrade(method: row.method, params: row.params, refundRowId: row.refundId) {
            try row.orderId.flatMap { try store.outboxOrderFacts(orderId: $0) }
        }
        switch upgrade {
        case .current:
            break
        case let .upgraded(upgraded, why):
            guard try store.upgradeClaimedParams(id: row.id, dispatcherId: dispatcherId, params: upgraded, why: why,
                                                 now: nowSeconds) else {
                report.lostClaims += 1
                return
            }
            params = upgraded
            report.upgraded += 1
        case let .impossible(reason):
            let attempt = OutboxAttempt(code: "unpublished-shape", message: reason)
            try count(store.recordDeadLetter(id: row.id, dispatcherId: dispatcherId, attempt: attempt, now: nowSeconds),
                      \.deadLettered, &report)
            return
        }
        let request = try TopRequest.build(method: row.method, paramName: paramName, businessJSON: params,
                                           idempotencyKey: row.idempotencyKey, config: config, timestamp: clock())
        let result = transport.post(url: gateway, body: request.body, contentType: TopRequest.contentType,
                                    timeout: settings.requestTimeout)
        var attempt = OutboxAttempt(request: request.redactedDescription)
        let disposition: Disposition
        switch result {
        case let .failed(failure):
            attempt.code = "transport"
            attempt.message = failure.summary
            disposition = settings.retryPolicy.disposition(for: failure)
        case let .answered(status, body):
            attempt.httpStatus = status
            attempt.response = String(decoding: body.prefix(OutboxAttempt.maxResponseBytes), as: UTF8.self)
            let (outcome, verdict) = settings.retryPolicy.classify(status: status, body: body, method: row.method)
            Self.describe(outcome, status: status, into: &attempt)
            disposition = verdict
        }
        try record(row, disposition, attempt: attempt, report: &report)
    }

    private func record(_ row: OutboxRecord, _ disposition: Disposition, attempt: OutboxAttempt,
                        report: inout DispatchReport) throws {
        var attempt = attempt
        let now = nowSeconds
        switch disposition {
        case .done:
            try count(store.recordSent(id: row.id, dispatcherId: dispatcherId, attempt: attempt, now: now),
                      \.sent, &report)
        case let .deadLetter(reason):
            attempt.message = reason
            try count(store.recordDeadLetter(id: row.id, dispatcherId: dispatcherId, attempt: attempt, now: now),
                      \.deadLettered, &report)
        case let .retry(afterSeconds):
            report.lastFailure = [attempt.httpStatus.map { "HTTP \($0)" }, attempt.code, attempt.message]
                .compactMap { $0 }.joined(separator: " ")
            let attemptNumber = row.attempts + 1
            if attemptNumber >= settings.maxAttempts {
                attempt.message = "gave up after \(attemptNumber) attempts; last: \(attempt.message ?? "no answer")"
                try count(store.recordDeadLetter(id: row.id, dispatcherId: dispatcherId, attempt: attempt, now: now),
                          \.deadLettered, &report)
                return
            }
            let wait = afterSeconds.map { max(1, $0) } ?? Backoff.delay(attempt: attemptNumber, random: random())
            try count(store.recordRetry(id: row.id, dispatcherId: dispatcherId, attempt: attempt, nextAttemptAt: now + wait,
                                        now: now),
                      \.retried, &report)
        }
    }

    private func count(_ recorded: Bool, _ counter: WritableKeyPath<DispatchReport, Int>, _ report: inout DispatchReport) {
        if recorded { report[keyPath: counter] += 1 } else { report.lostClaims += 1 }
    }

    /// Codes and message of a TOP answer, in the outbox row's columns.
    static func describe(_ outcome: TopOutcome?, status: Int, into attempt: inout OutboxAttempt) {
        switch outcome {
        case let .accepted(code, message)?, let .refused(code, message)?:
            attempt.code = code
            attempt.message = message
        case let .platformError(code, msg, subCode, subMsg)?:
            attempt.code = String(code)
            attempt.subCode = subCode
            attempt.message = subMsg.map { "\(msg): \($0)" } ?? msg
        case nil:
            attempt.code = "http \(status)"
            attempt.message = (200..<300).contains(status) ? "answer is not a TOP response" : "HTTP \(status)"
        }
    }
}
