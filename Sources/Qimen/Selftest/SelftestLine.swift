/// One printed check of `busops selftest`: `ok   63236 lineSchedule[].scheduleId: String`,
/// `FAIL 63226 status: expected String, got Number 3`, or `skip 63225 refund apply: …`.
///
/// `subject` names the field (a path into the answer) or the rule; `detail` says what was
/// expected or found. Both may carry text the server sent, so `text` passes them through
/// `TerminalSafe` before they reach a terminal.
public struct SelftestLine: Equatable, Sendable, CustomStringConvertible {
    public enum Outcome: String, Sendable {
        case ok = "ok  "
        case fail = "FAIL"
        /// Not a protocol failure, but a step that could not run (e.g. the order is still issuing).
        case skip = "skip"
    }

    public let outcome: Outcome
    /// The interface's page number (`63226`), or `sign` / `flow` for checks outside one interface.
    public let code: String
    public let subject: String
    public let detail: String?

    public init(_ outcome: Outcome, _ code: String, _ subject: String, _ detail: String? = nil) {
        self.outcome = outcome
        self.code = code
        self.subject = subject
        self.detail = detail
    }

    public static func ok(_ code: String, _ subject: String, _ detail: String? = nil) -> SelftestLine {
        SelftestLine(.ok, code, subject, detail)
    }

    public static func fail(_ code: String, _ subject: String, _ detail: String? = nil) -> SelftestLine {
        SelftestLine(.fail, code, subject, detail)
    }

    public var passed: Bool { outcome != .fail }

    public var text: String {
        let tail = detail.map { ": " + TerminalSafe.text($0) } ?? ""
        return "\(outcome.rawValue) \(code) \(TerminalSafe.text(subject))\(tail)"
    }

    public var description: String { text }
}
