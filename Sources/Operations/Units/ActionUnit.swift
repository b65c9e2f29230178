import Store

/// One operator action, whole: the row it acts on, the fields it asks for, the form defaults the row on screen
/// gives, why it cannot start on that row, and its plan (preview + writes). The console's form and confirmation
/// and the CLI's flags, `--help` and dry run are built from this and nothing else, so adding an action is its
/// unit, its key binding and its tests (docs/ARCHITECTURE.md "Adding an operator action").
public struct ActionUnit: Sendable {
    /// "refund.approve": the CLI command words joined by a dot, and the console's key-binding name.
    public let id: String
    public let subject: ActionSubject
    /// One line for `--help`, the command overview and the console's help.
    public let summary: String
    public let fields: [ActionField]
    /// Confirmed without a form in the console: every field has its default (re-fire, pause/resume).
    public let formless: Bool
    /// Refused on a damaged store (docs/STORE-SAFETY.md); only the sending kill switch is not, so pausing stays possible.
    public let movesMoney: Bool
    /// The form's title for the row on screen.
    let title: @Sendable (ActionRow) -> String
    /// Prefilled values from the row on screen, by field name, as the operator would type them.
    let defaults: @Sendable (ActionRow) -> [String: String]
    /// Why the action cannot start on this row (said before any form opens), or nil.
    let refusal: @Sendable (ActionRow, _ now: Int) -> String?
    let plan: @Sendable (ActionRequest, ActionContext) throws -> PlannedAction

    init(id: String, subject: ActionSubject, summary: String, fields: [ActionField] = [], formless: Bool = false, movesMoney: Bool = true,
         title: @escaping @Sendable (ActionRow) -> String,
         defaults: @escaping @Sendable (ActionRow) -> [String: String] = { _ in [:] },
         refusal: @escaping @Sendable (ActionRow, Int) -> String? = { _, _ in nil },
         plan: @escaping @Sendable (ActionRequest, ActionContext) throws -> PlannedAction) {
        self.id = id; self.subject = subject; self.summary = summary; self.fields = fields; self.formless = formless
        self.movesMoney = movesMoney
        self.title = title; self.defaults = defaults; self.refusal = refusal; self.plan = plan
    }

    /// The CLI command words: "refund.approve" → ["refund", "approve"].
    public var command: [String] { id.split(separator: ".").map(String.init) }

    public func formTitle(_ row: ActionRow) -> String { title(row) }
    public func formDefaults(_ row: ActionRow) -> [String: String] { defaults(row) }
    public func refusal(on row: ActionRow, now: Int) -> String? { refusal(row, now) }

    /// The request the row on screen and the typed values make. Money is typed in yuan in forms; the request
    /// carries fen. A field left at its default whose `unchangedMeansDefault` is set is left out, so the action
    /// decides it when it executes (the refund fee tier in force then).
    public func request(row: ActionRow, typed: [String: String]) throws -> ActionRequest {
        let defaults = defaults(row)
        var values: [String: String] = [:]
        for field in fields {
            let text = (typed[field.name] ?? defaults[field.name] ?? "").trimmingSpaces
            if field.unchangedMeansDefault, let d = defaults[field.name], !d.isEmpty, text == d.trimmingSpaces { continue }
            if text.isEmpty { continue }
            values[field.name] = field.kind == .money ? String(try InputValidation.yuan(text, field: field.label.lowercased())) : text
        }
        return ActionRequest(unit: id, subject: row.subjectId, values: values, expectedVersion: row.version)
    }
}

/// What an action acts on, and how the CLI names it (its positional argument).
public enum ActionSubject: String, Sendable {
    case refund = "REFUND_ID", order = "ORDER", schedule = "SCHEDULE_ID", callback = "ID", sending = "pause|resume"
}

/// One input of an action. The name is the CLI flag (`--fee`) and the key in `ActionRequest.values`.
public struct ActionField: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Printable text.
        case text
        /// Typed in yuan in the console ("85.50"); fen on the command line and in the request (README).
        case money
        /// A whole number.
        case integer
    }
    public let name: String
    public let label: String
    public let kind: Kind
    public let required: Bool
    public let help: String
    /// Left unchanged in the form, the field is left out and the action picks the value when it executes.
    public let unchangedMeansDefault: Bool
    /// A credential (the ticket password, 取票密码): the console's form shows one `*` per character typed, as a
    /// password input does, until the order is revealed; its value is still exactly what was typed.
    public let secret: Bool

    public init(_ name: String, _ label: String, _ kind: Kind = .text, required: Bool = false, help: String,
                unchangedMeansDefault: Bool = false, secret: Bool = false) {
        self.name = name; self.label = label; self.kind = kind; self.required = required; self.help = help
        self.unchangedMeansDefault = unchangedMeansDefault; self.secret = secret
    }

    /// The CLI's placeholder for the value.
    public var placeholder: String {
        switch kind {
        case .money: return "FEN"
        case .integer: return "N"
        case .text: return name.uppercased().replacingOccurrences(of: "-", with: "_")
        }
    }
}

/// The row an action starts from in the console, as it is on screen (its version binds the action to it).
public enum ActionRow: Sendable {
    case refund(PendingRefund)
    case order(OrderDetail)
    case schedule(ScheduleSeats)
    case callback(OutboxRecord)
    case sending(paused: Bool)

    public var subjectId: String {
        switch self {
        case .refund(let p): return p.refund.refundId
        case .order(let d): return d.summary.agentOrderId
        case .schedule(let s): return s.scheduleId
        case .callback(let c): return String(c.id)
        case .sending(let paused): return paused ? "resume" : "pause"
        }
    }

    /// The version the operator saw; the action is refused if the row moved since.
    public var version: Int? {
        switch self {
        case .refund(let p): return p.refund.version
        case .order(let d): return d.version
        case .schedule(let s): return s.version
        case .callback(let c): return c.updatedAt
        case .sending(let paused): return paused ? 1 : 0   // SendingSwitchAction binds to the switch itself
        }
    }
}
