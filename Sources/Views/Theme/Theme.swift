/// Attributes a theme or a view can ask for.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)

    static let names: [(String, TextAttributes)] = [("bold", .bold), ("dim", .dim), ("underline", .underline), ("reverse", .reverse)]
}

/// One theme line: colours and attributes for a role.
public struct ThemeEntry: Hashable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attributes: TextAttributes
    public init(fg: ThemeColor = .terminalDefault, bg: ThemeColor = .terminalDefault, attributes: TextAttributes = []) {
        self.fg = fg; self.bg = bg; self.attributes = attributes
    }
}

/// What the backend draws: colours already degraded to the terminal's depth.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: ThemeColor
    public var bg: ThemeColor
    public var attributes: TextAttributes
}

/// A theme: role → colours, loaded from `themes/NAME.theme` (format in docs/THEMES.md).
public struct Theme: Equatable, Sendable {
    public var name: String
    public var entries: [Role: ThemeEntry]

    public init(name: String, entries: [Role: ThemeEntry]) { self.name = name; self.entries = entries }

    /// A role's entry; roles a theme leaves out look like `normal` (status and ticket roles too).
    public func entry(_ role: Role) -> ThemeEntry {
        entries[role] ?? entries[.normal] ?? ThemeEntry()
    }

    /// The style to draw a role with at a colour depth. Without colour, meaning falls back to
    /// attributes (`Role.monochromeAttributes`): the selection is reversed, errors are bold, and so on.
    public func resolve(_ role: Role, depth: ColorDepth) -> ResolvedStyle {
        // Issue 12: which Fliggy an action reaches must not depend on a theme (one could paint it fg = bg) or on
        // colour: the terminal's own colours swapped, bold, at every depth.
        if role == .gatewayBadge { return ResolvedStyle(fg: .terminalDefault, bg: .terminalDefault, attributes: [.reverse, .bold]) }
        let e = entry(role)
        var attrs = e.attributes
        if depth == .none { attrs.formUnion(role.monochromeAttributes) }
        return ResolvedStyle(fg: e.fg.degraded(to: depth), bg: e.bg.degraded(to: depth), attributes: attrs)
    }

    /// A cell style resolved: the role's look plus the flags the view set.
    public func resolve(_ style: Style, depth: ColorDepth) -> ResolvedStyle {
        var r = resolve(style.role, depth: depth)
        if style.bold { r.attributes.insert(.bold) }
        if style.underline { r.attributes.insert(.underline) }
        if style.reverse { r.attributes.formSymmetricDifference(.reverse) }
        if style.role == .gatewayBadge { r.attributes.formUnion([.reverse, .bold]) }
        return r
    }
}

extension Role {
    /// How a role keeps its meaning with no colours (NO_COLOR, vt100, the mono theme).
    public var monochromeAttributes: TextAttributes {
        switch self {
        case .tabActive, .selected, .statusBar, .dialogButtonFocused, .fieldFocused: return .reverse
        case .demoBadge, .readOnlyBadge, .pausedBadge, .gatewayBadge: return [.reverse, .bold]
        case .header, .dialogTitle, .sectionTitle, .columnTitle, .error, .key: return .bold
        case .warn, .escape, .field: return .underline
        case .dim, .stale, .tabInactive, .barLeft: return .dim
        case .status(let s) where s == .awaitingTicket || s == .refunding: return .bold
        case .ticketStatus(let t) where t == .refundFailed || t == .noTicket: return .bold
        case .barHeld: return .underline
        case .barSold: return .reverse
        default: return []
        }
    }
}
