// Failures `busops fake-top` can inject, so the dispatcher's retry and dead-letter paths can be
// exercised on loopback without Fliggy.

public enum FakeTopFault: String, Sendable, CaseIterable {
    /// Close the connection without reading (the socket wrapper asks `takeConnectionRefusal`).
    case refuse
    /// Process the call, then never answer: the caller times out not knowing it succeeded,
    /// which is exactly the case idempotency keys exist for.
    case timeout
    /// HTTP 500 before processing.
    case http500
    /// Process the call, then answer with truncated JSON.
    case malformed
    /// error_response code 50, sub_code isv.invalid-parameter (caller's fault: dead letter).
    case isv
    /// error_response code 15, sub_code isp.remote-service-error (server side: retry).
    case isp
    /// error_response code 7 with "This ban will last for N more seconds".
    case ban
    /// is_success:false with a business result code.
    case notSuccess = "not-success"
    /// Process normally but answer late.
    case slow
}

/// A fault and how many calls it hits: `http500` (every call) or `http500:2` (the first two,
/// so a retry then succeeds).
public struct FakeTopFaultSpec: Equatable, Sendable {
    public var fault: FakeTopFault
    /// nil: every call.
    public var count: Int?

    public init(fault: FakeTopFault, count: Int? = nil) {
        self.fault = fault
        self.count = count
    }

    /// Parses `KIND` or `KIND:N`; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let fault = FakeTopFault(rawValue: String(parts[0])) else { return nil }
        var count: Int?
        if parts.count == 2 {
            guard let n = Int(parts[1]), n > 0 else { return nil }
            count = n
        }
        self.init(fault: fault, count: count)
    }

    public static let usage = "KIND or KIND:N, KIND one of " + FakeTopFault.allCases.map(\.rawValue).joined(separator: ", ")
}
