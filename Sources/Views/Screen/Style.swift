import Store

/// What a cell means, not how it looks: the theme turns a role into colours for the terminal's
/// colour depth, so views never mention a colour and every theme (even `mono`) can show meaning.
public enum Role: Hashable, Sendable {
    case normal
    case header
    case tabActive
    case tabInactive
    case subHeader
    case columnTitle
    case selected
    case dim
    case status(OrderStatus)
    case ticketStatus(TicketStatus)
    case ok
    case warn
    case error
    case barSold
    case barHeld
    case barLeft
    case statusBar
    case demoBadge
    case readOnlyBadge
    case pausedBadge
    /// PROD / SANDBOX / LOCAL: always reverse video and bold, whatever the theme says (`Theme.resolve`).
    case gatewayBadge
    case live
    case stale
    case dialog
    case dialogTitle
    case dialogButton
    case dialogButtonFocused
    case field
    case fieldFocused
    case key
    case sectionTitle
    /// A control character from outside text shown as a visible escape such as `\e`.
    case escape

    /// Every role, for theme parsing, documentation and tests.
    public static let all: [Role] = {
        var roles: [Role] = [.normal, .header, .tabActive, .tabInactive, .subHeader, .columnTitle, .selected, .dim]
        roles += OrderStatus.allCases.map { .status($0) }
        roles += TicketStatus.allCases.map { .ticketStatus($0) }
        roles += [.ok, .warn, .error, .barSold, .barHeld, .barLeft, .statusBar, .demoBadge, .readOnlyBadge,
                  .pausedBadge, .gatewayBadge, .live, .stale, .dialog, .dialogTitle, .dialogButton, .dialogButtonFocused,
                  .field, .fieldFocused, .key, .sectionTitle, .escape]
        return roles
    }()

    /// The name used in theme files: `status.issued`, `ticket.refundFailed`, `tabActive`, ….
    public var name: String {
        switch self {
        case .status(let s): return "status." + Role.statusKey(s)
        case .ticketStatus(let t): return "ticket." + Role.ticketKey(t)
        // Spelled out: String(describing:) goes through reflection, a visible cost at every start.
        case .normal: return "normal"
        case .header: return "header"
        case .tabActive: return "tabActive"
        case .tabInactive: return "tabInactive"
        case .subHeader: return "subHeader"
        case .columnTitle: return "columnTitle"
        case .selected: return "selected"
        case .dim: return "dim"
        case .ok: return "ok"
        case .warn: return "warn"
        case .error: return "error"
        case .barSold: return "barSold"
        case .barHeld: return "barHeld"
        case .barLeft: return "barLeft"
        case .statusBar: return "statusBar"
        case .demoBadge: return "demoBadge"
        case .readOnlyBadge: return "readOnlyBadge"
        case .pausedBadge: return "pausedBadge"
        case .gatewayBadge: return "gatewayBadge"
        case .live: return "live"
        case .stale: return "stale"
        case .dialog: return "dialog"
        case .dialogTitle: return "dialogTitle"
        case .dialogButton: return "dialogButton"
        case .dialogButtonFocused: return "dialogButtonFocused"
        case .field: return "field"
        case .fieldFocused: return "fieldFocused"
        case .key: return "key"
        case .sectionTitle: return "sectionTitle"
        case .escape: return "escape"
        }
    }

    static func statusKey(_ s: OrderStatus) -> String {
        switch s {
        case .awaitingPayment: return "awaitingPayment"
        case .awaitingTicket: return "awaitingTicket"
        case .issued: return "issued"
        case .closed: return "closed"
        case .cancelled: return "cancelled"
        case .refunding: return "refunding"
        case .refunded: return "refunded"
        }
    }

    static func ticketKey(_ t: TicketStatus) -> String {
        switch t {
        case .unknown: return "unknown"
        case .issuing: return "issuing"
        case .issued: return "issued"
        case .noTicket: return "noTicket"
        case .refunding: return "refunding"
        case .refunded: return "refunded"
        case .refundFailed: return "refundFailed"
        }
    }

    /// Looks a theme-file role name up.
    public static func named(_ name: String) -> Role? { byName[name] }
    private static let byName: [String: Role] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}

/// A cell's semantic style: the role plus attributes a view wants regardless of theme.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role; self.bold = bold; self.reverse = reverse; self.underline = underline
    }

    public static let normal = Style()
}
