// What one dispatcher pass did, for the `dispatch` summary line, the console and tests.

import Foundation

public struct DispatchReport: Equatable, Sendable {
    public var claimed = 0
    public var sent = 0
    public var retried = 0
    public var deadLettered = 0
    /// Rows whose claim another dispatcher took over before the answer was recorded.
    public var lostClaims = 0
    /// Claims given back unsent (lease too short for another call, or stopping).
    public var released = 0
    /// Rows queued in an older, unpublished shape and brought to the published one before sending
    /// (CallbackUpgrade); they are counted under sent / retried / dead-lettered as well.
    public var upgraded = 0
    /// Sending is switched off by the kill switch (`meta.sending_paused`).
    public var paused = false
    /// Why nothing can be sent with this configuration; rows stay pending.
    public var refused: String?
    /// The last attempt that will be tried again (no answer, or an answer saying "later"): the gateway's trouble, for
    /// the console's status line (issue 12: "nothing says the gateway is down when every call is refused").
    public var lastFailure: String?

    public init() {}

    public mutating func add(_ other: DispatchReport) {
        claimed += other.claimed
        sent += other.sent
        retried += other.retried
        deadLettered += other.deadLettered
        lostClaims += other.lostClaims
        released += other.released
        upgraded += other.upgraded
        paused = paused || other.paused
        refused = refused ?? other.refused
        lastFailure = other.lastFailure ?? lastFailure
    }

    public var summary: String {
        var line = "sent \(sent), retried \(retried), dead-lettered \(deadLettered)"
        if lostClaims > 0 { line += ", claims lost \(lostClaims)" }
        if upgraded > 0 { line += ", upgraded to the published shape \(upgraded)" }
        if paused { line += " (sending is paused)" }
        if let refused { line += " (\(refused))" }
        return line
    }
}

/// Tunables; the defaults suit production, tests shorten the times.
public struct DispatcherSettings: Sendable {
    /// Rows claimed per transaction.
    public var batchSize = 32
    /// Seconds a claim holds; a dispatcher that dies frees its rows after this long.
    public var leaseSeconds = 60
    /// Bound on one whole HTTP exchange.
    public var requestTimeout: TimeInterval = 10
    /// A row still failing in a passing way after this many attempts becomes a dead letter.
    public var maxAttempts = 12
    /// Sleep between polls when nothing is due.
    public var idleSleep: TimeInterval = 0.5
    public var retryPolicy = RetryPolicy()

    public init() {}
}
