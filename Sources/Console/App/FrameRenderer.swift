import Store
import Views

/// Builds the frame for the current state: header, the active view, overlays, status line.
/// (Interim layout: the per-view renderers move into the Views module as they land there.)
enum FrameRenderer {
    static let minWidth = 60, minHeight = 16

    static func render(_ s: AppState, now: Int) -> Screen {
        var screen = Screen(width: s.width, height: s.height)
        guard s.width >= minWidth, s.height >= minHeight else {
            let msg = "Terminal too small"
            let dims = "\(s.width)x\(s.height), need \(minWidth)x\(minHeight)"
            screen.put(x: max(0, (s.width - msg.count) / 2), y: s.height / 2 - 1, text: msg, style: Style(.error, bold: true))
            screen.put(x: max(0, (s.width - dims.count) / 2), y: s.height / 2, text: dims)
            return screen
        }
        header(&screen, s)
        let body = Rect(x: 0, y: 1, width: s.width, height: s.height - 3)
        if let d = s.detail {
            DetailRenderer.render(&screen, d, rect: body, now: now)
        } else {
            switch s.tab {
            case .orders: OrdersRenderer.render(&screen, s.orders, rect: body, now: now)
            case .seats: ListRenderers.seats(&screen, s, rect: body)
            case .refunds: ListRenderers.refunds(&screen, s, rect: body, now: now)
            case .callbacks: ListRenderers.callbacks(&screen, s, rect: body, now: now)
            }
        }
        messageLine(&screen, s)
        statusLine(&screen, s, now: now)
        if let o = s.overlay { OverlayRenderer.render(&screen, o, state: s) }
        return screen
    }

    static func header(_ screen: inout Screen, _ s: AppState) {
        screen.fill(Rect(x: 0, y: 0, width: s.width, height: 1), style: Style(.header))
        var x = 1
        for t in Tab.allCases {
            let label = " \(t.rawValue + 1) \(t.title) "
            x += screen.put(x: x, y: 0, text: label, style: Style(t == s.tab && s.detail == nil ? .tabActive : .tabInactive)) + 1
        }
        var badges: [TextSpan] = []
        if s.sendingPaused { badges.append(TextSpan(" SENDING PAUSED ", .pausedBadge)) }
        if s.session.readOnly { badges.append(TextSpan(" READ-ONLY ", .readOnlyBadge)) }
        if s.session.isDemo { badges.append(TextSpan(" DEMO ", .demoBadge)) }
        let w = badges.reduce(0) { $0 + DisplayWidth.of($1.text) + 1 }
        var bx = s.width - w
        for b in badges { bx += screen.put(x: bx, y: 0, text: b.text, style: b.style) + 1 }
    }

    static func messageLine(_ screen: inout Screen, _ s: AppState) {
        let y = s.height - 2
        if let p = s.prompt {
            let lead = { if case .command = p { return ":" } else { return "/" } }()
            screen.put(x: 0, y: y, text: lead + p.text + "█", style: Style(.normal, bold: true))
            return
        }
        if let m = s.message {
            screen.put(x: 0, y: y, text: m.text, style: Style(m.kind == .error ? .error : .ok), maxWidth: s.width)
        } else {
            screen.put(x: 0, y: y, text: "? help  Tab views  / search  : command  q quit", style: Style(.dim))
        }
    }

    static func statusLine(_ screen: inout Screen, _ s: AppState, now: Int) {
        let y = s.height - 1
        screen.fill(Rect(x: 0, y: y, width: s.width, height: 1), style: Style(.statusBar))
        let live = s.live.lastPollOK ? TextSpan("● live", .live) : TextSpan("● stale", .stale)
        let changed = s.live.lastChangeAt > 0 ? " · updated \(ChinaTime.clock(s.live.lastChangeAt))" : ""
        let outbox = "outbox \(s.live.outboxPending) pending \(s.live.outboxFailed) failed"
        let clock = ChinaTime.minute(now).suffix(5) + " \(ChinaTime.zoneLabel)"
        let right = "\(outbox)  \(clock) "
        let rightW = DisplayWidth.of(right)
        var x = screen.put(x: 1, y: y, text: live.text, style: Style(live.style.role, bold: true))
        x += screen.put(x: 1 + x, y: y, text: changed, style: Style(.statusBar))
        let pathRoom = s.width - rightW - x - 4
        if pathRoom > 8 {
            screen.put(x: x + 3, y: y, text: DisplayWidth.truncateLeft(s.session.storePath, to: pathRoom), style: Style(.statusBar))
        }
        screen.put(x: s.width - rightW, y: y, text: right,
                   style: Style(s.live.outboxFailed > 0 ? .warn : .statusBar))
    }
}
