import Store

/// Who acts: recorded in every audit row. `source` is the SSH client ("ssh:10.0.0.7") or "local".
public struct Actor: Sendable, Equatable {
    public var operatorName: String
    public var source: String
    public init(operatorName: String, source: String) { self.operatorName = operatorName; self.source = source }
}

/// What an action will do, shown before the operator confirms. `version` binds the confirmation to the
/// row state that was shown; `params` are the business JSON bodies that will be signed and sent.
public struct ActionPreview: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var version: Int
    /// The TOP callback method queued, nil when nothing is sent (pause/resume).
    public var method: String?
    public var params: [String]
    /// Personal data the lines carry, masked by the console until revealed (not part of what binds a confirmation).
    public var personal = PersonalValues()
    /// The one line a bulk confirmation lists for this row (issue 12: "lists every row it will touch"); the title
    /// when the action sets none. Free of personal data.
    public var brief: String?
    public init(title: String, lines: [String], version: Int, method: String?, params: [String] = [],
                personal: PersonalValues = PersonalValues()) {
        self.title = title; self.lines = lines; self.version = version; self.method = method; self.params = params
        self.personal = personal
    }

    /// How `current` differs from what was shown, in the terms that bind a confirmation: the row's version and
    /// the exact calls that will be sent (the lines are their description). nil when nothing that matters moved.
    public func difference(from shown: ActionPreview) -> String? {
        if version != shown.version { return "the row changed: version \(shown.version) → \(version)" }
        if method != shown.method { return "it would now send \(method ?? "nothing") instead of \(shown.method ?? "nothing")" }
        let now = Self.comparable(params), then = Self.comparable(shown.params)
        if now != then {
            let k = zip(now, then).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(now.count, then.count)
            // A line carrying the ticket password is not quoted: the refusal is shown in clear (status line, CLI).
            let line = zip(lines, shown.lines).first { $0 != $1 && !personal.carriesSecret($0) }.map { "now: \($0.0)" }
            return line ?? "call \(k + 1) of \(params.count) would carry other values"
        }
        return nil
    }

    /// Keys that state when the action happens (refund.confirm's `agent_return_time`, docs/PROTOCOL.md (TOP callbacks)): they are
    /// taken when it executes, seconds after the preview, so they never make a confirmation stale.
    static let actionTimeKeys: Set<String> = ["agent_return_time"]

    /// The params as the binding compares them: without the action-time keys.
    static func comparable(_ params: [String]) -> [String] {
        params.map { text in
            guard case .object(let members)? = try? JSON.parse(Array(text.utf8)) else { return text }
            return JSON.object(members.filter { !actionTimeKeys.contains($0.0) }).compactText
        }
    }
}

/// What was done, in one line an operator can read ("refund RF00000012 approved, 85.50 yuan queued").
public struct ActionResult: Sendable, Equatable {
    public var summary: String
    /// Outbox rows queued by the action, in order.
    public var callbackIds: [Int64]
    public init(summary: String, callbackIds: [Int64] = []) { self.summary = summary; self.callbackIds = callbackIds }
}

/// Why an action was refused. Messages are written for the operator and never carry a secret.
/// (Named apart from the console's own `CommandFailure`, which wraps these for exit status 1.)
public enum OperationError: Error, Equatable, CustomStringConvertible {
    /// A well-formed value the row refuses (a fee over what was paid, seat numbers for another number of tickets,
    /// nothing left to change); nothing was written.
    case invalid(String)
    /// The argument alone is the wrong shape (blank, not a number, negative, a phone not 11 digits, a control
    /// character, a code out of its range), whatever the store holds; nothing was read or written (InputValidation).
    /// The command line reports it as a usage error (exit 2, README).
    case malformed(String)
    /// Someone changed the row since it was shown; the message names who and the new state.
    case conflict(String)
    case notFound(String)
    /// The row is in a state where this action makes no sense.
    case notAllowed(String)

    public var message: String {
        switch self {
        case .invalid(let m), .malformed(let m), .conflict(let m), .notFound(let m), .notAllowed(let m): return m
        }
    }

    public var description: String { message }
}
