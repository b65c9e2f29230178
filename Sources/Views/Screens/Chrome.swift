import Store

/// What the frame around every view shows: tabs and badges on top, the status line and the
/// message or command line at the bottom.
public struct ChromeModel: Equatable, Sendable {
    public enum MessageKind: Equatable, Sendable { case info, ok, error }
    /// An error or confirmation for the operator.
    public struct Message: Equatable, Sendable {
        public var kind: MessageKind
        public var text: String
        public init(_ kind: MessageKind, _ text: String) { self.kind = kind; self.text = text }
    }
    /// A line being typed: `:` commands or `/` search.
    public struct Prompt: Equatable, Sendable {
        public var prefix: String
        public var text: String
        /// Shown dimmed after the cursor: a filter's match count as it narrows (issue 12).
        public var suffix = ""
        public init(prefix: String, text: String, suffix: String = "") { self.prefix = prefix; self.text = text; self.suffix = suffix }
    }

    /// Sending to Fliggy, always on the status line (issue 12): "TOP ok", "TOP not configured",
    /// "✖ TOP failing since 14:02: HTTP 502 …".
    public struct Gateway: Equatable, Sendable {
        public var text: String
        public var failing: Bool
        /// The same state in fewer words, shown whole where `text` would be cut ("TOP not sending" at 80x24);
        /// nil where only a detail after ": " may be cut ("✖ TOP failing since 14:02: HTTP 5…").
        public var short: String?
        public init(text: String, failing: Bool, short: String? = nil) {
            self.text = text
            self.failing = failing
            self.short = short
        }
    }

    public var tabs: [String] = ["Orders", "Seats", "Refunds", "Callbacks"]
    /// PROD / SANDBOX / LOCAL from the configured gateway: which Fliggy an action reaches, first in the badges.
    public var gatewayBadge: String?
    public var gateway: Gateway?
    public var activeTab: Int = 0
    public var isDemo = false
    public var readOnly = false
    public var sendingPaused = false
    /// Set on a replica console: how far behind the primary it is, shown instead of the live marker.
    public var replicaLag: String?
    /// The primary's last replication ("replicated 3 s ago"), and whether it is later than the threshold.
    public var replication: String?
    public var replicationBehind = false
    public var storePath: String = ""
    /// False when the last poll of the store failed: the indicator turns to `stale`.
    public var live = true
    /// Replaces the live indicator when the store must not be trusted ("✖ store gone", "✖ store damaged").
    public var storeAlert: String?
    /// Something is due within 15 minutes (issue 12): shown on the status line in place of the store path.
    public var dueAlert: String?
    /// The same warning in fewer columns, when the long one would be cut (at 80x24 beside the gateway's health).
    public var dueAlertShort: String?
    /// Seconds since the data on screen was last confirmed current.
    public var dataAge: Double = 0
    public var outboxPending = 0
    public var outboxFailed = 0
    /// Epoch seconds for the clock (rendered in GMT+8).
    public var now: Int = 0
    /// `15:04:05` by default; `false` shows `15:04`, so an idle console redraws once a minute
    /// instead of every second (idle means zero bytes to the terminal).
    public var clockShowsSeconds = true
    public var message: Message?
    public var prompt: Prompt?
    /// Shown when there is no message: the few keys a newcomer needs.
    public var hint = "? help  : command  Tab views  q quit"
    /// The keys of the view on screen, most useful first (issue 12): shown instead of `hint` when set, and beside
    /// a message where it leaves room, so the view's action keys stay in sight; `lastHint` ("? help") always ends it.
    public var hints: [KeyHint] = []
    public var lastHint: KeyHint?

    public init() {}
}

public enum Chrome {
    /// Rows the chrome takes: the header on top, status and message lines at the bottom.
    public static let headerRows = 1
    public static let footerRows = 2

    /// The rectangle left for the view between header and footer.
    public static func body(of screen: Screen) -> Rect {
        Rect(x: 0, y: headerRows, width: screen.width, height: screen.height - headerRows - footerRows)
    }

    /// Draws header, status line and message line; returns the body rectangle.
    @discardableResult
    public static func render(_ m: ChromeModel, into screen: inout Screen) -> Rect {
        renderHeader(m, into: &screen)
        renderStatusLine(m, into: &screen, y: screen.height - 2)
        renderMessageLine(m, into: &screen, y: screen.height - 1)
        return body(of: screen)
    }

    static func renderHeader(_ m: ChromeModel, into screen: inout Screen) {
        screen.fill(Rect(x: 0, y: 0, width: screen.width, height: 1), style: Style(.header))
        var badges: [TextSpan] = []
        // Its role ignores themes and NO_COLOR (reverse video, bold: `Theme.resolve`), so no theme can hide it.
        if let g = m.gatewayBadge { badges.append(TextSpan(" \(g) ", .gatewayBadge)) }
        if m.isDemo { badges.append(TextSpan(" DEMO ", .demoBadge)) }
        if m.replicaLag != nil { badges.append(TextSpan(" REPLICA ", .readOnlyBadge)) }
        else if m.readOnly { badges.append(TextSpan(" READ-ONLY ", .readOnlyBadge)) }
        if m.sendingPaused { badges.append(TextSpan(" SENDING PAUSED ", .pausedBadge)) }
        let badgeWidth = badges.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 }
        var x = 0
        for (i, title) in m.tabs.enumerated() {
            let label = " " + title + " "
            let role: Role = i == m.activeTab ? .tabActive : .tabInactive
            x += screen.put(x: x, y: 0, text: label, style: Style(role), maxWidth: max(0, screen.width - badgeWidth - x))
        }
        var bx = screen.width - badgeWidth
        for b in badges where bx >= x {
            bx += screen.put(x: bx, y: 0, text: b.text, style: b.style) + 1
        }
    }

    static func renderStatusLine(_ m: ChromeModel, into screen: inout Screen, y: Int) {
        let bar = Style(.statusBar)
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), style: bar)
        var liveText = m.storeAlert ?? (m.live ? "● live \(Formatting.age(m.dataAge))" : "○ stale \(Formatting.age(m.dataAge))")
        if m.storeAlert == nil, let lag = m.replicaLag, m.live { liveText = "● replica \(lag)" }
        if m.storeAlert == nil, let r = m.replication { liveText += (m.replicationBehind ? " ⚠ " : " ⇄ ") + r }
        // Issue 12: the gateway's health must fit whole up to its error ("✖ TOP failing since 14:02"); at 80
        // columns the outbox counts drop their label to make room.
        let essential = m.gateway.map { DisplayWidth.of($0.short ?? $0.text.components(separatedBy: ": ").first ?? $0.text) } ?? 0
        func rightSide(compact: Bool) -> (spans: [TextSpan], width: Int) {
            let label = compact ? "" : "outbox "
            var outbox = "\(label)\(m.outboxPending) pending"
            if m.outboxFailed > 0 { outbox += " \(m.outboxFailed) failed" }
            let clock = String(ChinaTime.clock(m.now).prefix(m.clockShowsSeconds ? 8 : 5)) + " " + ChinaTime.zoneLabel
            let liveStyle: Style = m.storeAlert != nil ? Style(.error) : Style(m.live ? .live : .stale)
            var right: [TextSpan] = [TextSpan(liveText, liveStyle), TextSpan(" │ ", bar)]
            right.append(TextSpan("\(label)\(m.outboxPending) pending", bar))
            if m.outboxFailed > 0 { right.append(TextSpan(" \(m.outboxFailed) failed", Style(.error))) }
            right += [TextSpan(" │ ", bar), TextSpan(clock, bar), TextSpan(" ", bar)]
            return (right, DisplayWidth.of(liveText + " │ " + outbox + " │ " + clock + " "))
        }
        var (right, rightWidth) = rightSide(compact: false)
        // The store path keeps at least 24 columns beside the gateway and a due warning when the label can go.
        let leftUsed = (m.gateway.map { DisplayWidth.of($0.text) + 1 } ?? 0) + (m.dueAlert.map { DisplayWidth.of($0) + 1 } ?? 0)
        if essential > 0, screen.width - rightWidth - 2 < max(essential, leftUsed + 24) { (right, rightWidth) = rightSide(compact: true) }
        // The left side, in order of importance: the gateway's health (issue 12: always on screen), a due
        // warning, then the store path with what room is left (which store this is must stay in sight).
        let room = screen.width - rightWidth - 2
        var x = 1
        if let g = m.gateway, room >= 4 {
            // Whole words or the short form, never a cut one ("TOP not sending from this conso").
            let text = DisplayWidth.of(g.text) <= room ? g.text : g.short ?? g.text
            x += screen.put(x: x, y: y, text: text, style: g.failing ? Style(.error, reverse: true) : bar, maxWidth: room) + 1
        }
        if room - (x - 1) >= 8, let long = m.dueAlert {
            let alert = DisplayWidth.of(long) <= room - (x - 1) ? long : m.dueAlertShort ?? long
            x += screen.put(x: x, y: y, text: alert, style: Style(.warn, reverse: true), maxWidth: room - (x - 1)) + 1
        }
        let rest = room - (x - 1)
        if rest >= 12 || (rest >= 8 && x == 1) {
            screen.put(x: x, y: y, text: DisplayWidth.truncateLeft(TerminalText.sanitize(m.storePath), to: rest), style: bar)
        }
        screen.put(x: max(0, screen.width - rightWidth), y: y, spans: right)
    }

    static func renderMessageLine(_ m: ChromeModel, into screen: inout Screen, y: Int) {
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1))
        if let p = m.prompt {
            let used = screen.put(x: 0, y: y, text: p.prefix, style: Style(.key))
            // Show the end of a long line so the cursor stays visible.
            // A long suffix (Tab's candidates) is cut to leave the typed text 12 columns.
            let suffixWidth = p.suffix.isEmpty ? 0 : min(DisplayWidth.of(p.suffix) + 2, screen.width - used - 13)
            let room = screen.width - used - 1 - suffixWidth
            let shown = DisplayWidth.truncateLeft(TerminalText.sanitize(p.text), to: max(1, room > 8 ? room : screen.width - used - 1))
            let w = screen.put(x: used, y: y, text: shown)
            screen.put(x: used + w, y: y, text: " ", style: Style(.normal, reverse: true))
            if suffixWidth > 0, room > 8 { screen.put(x: used + w + 2, y: y, text: p.suffix, style: Style(.dim), maxWidth: suffixWidth) }
        } else if let msg = m.message {
            let role: Role = msg.kind == .error ? .error : (msg.kind == .ok ? .ok : .normal)
            // The message first; the hints keep what room is left, on the right, so the keys stay in sight.
            let textWidth = DisplayWidth.of(TerminalText.sanitize(msg.text))
            let fitted = m.hints.isEmpty ? [] : HintLine.fit(m.hints, last: m.lastHint, width: screen.width - textWidth - 3)
            let hintWidth = fitted.reduce(0) { $0 + $1.width } + HintLine.gap * max(0, fitted.count - 1)
            if textWidth > screen.width {
                // Cut short: say so, and which key shows it whole (a refusal's reason was lost at 80 columns).
                let more = "! full"
                let room = screen.width - DisplayWidth.of(more) - 1
                screen.put(x: 0, y: y, text: msg.text, style: Style(role), columns: room)
                screen.put(x: room + 1, y: y, text: more, style: Style(.dim))
                return
            }
            screen.put(x: 0, y: y, text: msg.text, style: Style(role), columns: fitted.isEmpty ? screen.width : textWidth)
            if !fitted.isEmpty {
                HintLine.render(fitted, last: nil, into: &screen, x: screen.width - hintWidth, y: y, width: hintWidth)
            }
        } else if !m.hints.isEmpty {
            HintLine.render(m.hints, last: m.lastHint, into: &screen, x: 0, y: y, width: screen.width)
        } else {
            screen.put(x: 0, y: y, text: m.hint, style: Style(.dim), maxWidth: screen.width)
        }
    }
}
