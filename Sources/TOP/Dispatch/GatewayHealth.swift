import Foundation

/// How the gateway answered the dispatcher lately, for the console's status line (issue 12: "nothing says the
/// gateway is down when every call is refused"). Failing from the first batch that only failed until one that sent.
public struct GatewayHealth: Equatable, Sendable {
    /// When the current run of failures began (epoch seconds); nil while calls go through.
    public var failingSince: Int?
    /// The last failure's words (HTTP status, code, message), or the refusal that keeps anything from being sent.
    public var lastError: String?
    /// Whether a call has been answered since the dispatcher started.
    public var everSent = false

    public init(failingSince: Int? = nil, lastError: String? = nil, everSent: Bool = false) {
        self.failingSince = failingSince; self.lastError = lastError; self.everSent = everSent
    }

    /// Folds one batch in: a batch that sent anything is proof the gateway answers; one that only failed (or was
    /// refused by the configuration) starts or continues a failing run; an idle batch changes nothing.
    public mutating func observe(_ batch: DispatchReport, now: Int) {
        if let refused = batch.refused {
            failingSince = failingSince ?? now
            lastError = refused
        } else if batch.sent > 0 {
            failingSince = nil
            lastError = nil
            everSent = true
        } else if let failure = batch.lastFailure {
            failingSince = failingSince ?? now
            lastError = failure
        }
    }
}
