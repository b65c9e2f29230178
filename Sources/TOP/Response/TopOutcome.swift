// What a TOP call came to, and what the dispatcher should do next.

/// What Fliggy answered.
public enum TopOutcome: Equatable, Sendable {
    /// `is_success: true`.
    case accepted(code: String?, message: String?)
    /// `is_success: false`: a business refusal by Fliggy, not a transport failure.
    case refused(code: String?, message: String?)
    /// `error_response` from the gateway itself.
    case platformError(code: Int, msg: String, subCode: String?, subMsg: String?)
}

/// What to do with the outbox row after an attempt.
public enum Disposition: Equatable, Sendable {
    /// Finished; never send again.
    case done
    /// Send again later with the same idempotency key; `afterSeconds` when the gateway said how
    /// long to wait (a ban), else nil and the caller picks a backoff delay.
    case retry(afterSeconds: Int?)
    /// Stop and show the operator `reason`; retrying the same bytes cannot succeed.
    case deadLetter(reason: String)
}

/// A call that got no usable HTTP answer.
public enum TransportFailure: Equatable, Sendable {
    case connectionRefused
    case connectionReset
    case timeout
    /// Name resolution, TLS, or anything else below HTTP; the text is for the operator.
    case other(String)
}
