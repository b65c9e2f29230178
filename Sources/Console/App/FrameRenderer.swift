import Operations
import Store
import Views

/// Maps the app state to the Views models and renders one frame. Pure: the same state gives the same frame,
/// so an unchanged screen costs nothing to draw.
enum FrameRenderer {
    static func render(_ s: AppState, now: Int) -> Screen {
        var screen = Screen(width: s.width, height: s.height)
        if TooSmall.isTooSmall(width: s.width, height: s.height) {
            TooSmall.render(into: &screen)
            return screen
        }
        let body = Chrome.render(chrome(s, now: now), into: &screen)
        if let r = s.report {
            ReportView.render(ReportViewModel(title: "Daily settlement \(r.day)", lines: r.report.map { ReportFormats.text($0, width: body.width - 1) } ?? [],
                                              scroll: r.scroll, loaded: r.report != nil), into: &screen, rect: body)
        } else if let d = s.detail {
            if let detail = d.detail {
                OrderDetailView.render(OrderDetailViewModel(detail: detail, revealed: d.revealed, scroll: d.scroll, now: now), into: &screen, rect: body)
            } else {
                screen.put(x: 1, y: body.y + 1, text: "loading…", style: Style(.dim))
            }
        } else if let c = s.callbackPage {
            CallbackDetailView.render(c.detail, id: c.id, scroll: c.scroll, into: &screen, rect: body)
        } else {
            switch s.tab {
            case .orders:
                var m = OrdersViewModel(rows: Array(s.orders.visible), selected: s.orders.selected)
                m.filterLabel = s.orders.filter.statuses.isEmpty ? "all" : s.orders.filter.statuses.map(\.chinese).joined(separator: "/")
                m.sortLabel = s.orders.sort.rawValue
                m.ascending = s.orders.ascending
                m.search = s.lastSearch
                m.moreAbove = s.orders.top != nil
                m.moreBelow = s.orders.hasMoreBelow
                m.loaded = s.orders.loaded
                OrdersView.render(m, into: &screen, rect: body)
            case .seats:
                var m = SeatsViewModel(day: s.seatsDay, schedules: s.seats.rows,
                                       offset: offset(s.seats.selected, s.seats.total, SeatsView.pageSize(for: body)), selected: s.seats.selected,
                                       now: now)
                m.first = s.seats.start
                m.summary = s.seatsSummary
                m.order = s.seatsOrder == .departure ? nil : s.seatsOrder.rawValue
                m.loaded = s.seats.loaded
                SeatsView.render(m, into: &screen, rect: body)
            case .refunds:
                var m = RefundsViewModel(rows: s.refunds.rows, total: s.refunds.total,
                                         offset: offset(s.refunds.selected, s.refunds.total, RefundsView.pageSize(for: body)), selected: s.refunds.selected)
                m.first = s.refunds.start
                m.loaded = s.refunds.loaded
                m.marked = Set((s.marks[.refunds] ?? []).map(\.id))
                RefundsView.render(m, into: &screen, rect: body)
            case .callbacks:
                var m = CallbacksViewModel(rows: s.callbacks.rows, total: s.callbacks.total, now: now,
                                           offset: offset(s.callbacks.selected, s.callbacks.total, CallbacksView.pageSize(for: body)), selected: s.callbacks.selected)
                m.first = s.callbacks.start
                m.pending = s.live.outboxPending
                m.failed = s.live.outboxFailed
                m.loaded = s.callbacks.loaded
                m.marked = Set((s.marks[.callbacks] ?? []).compactMap { Int64($0.id) })
                if !s.callbackFilter.isEmpty { m.filterLabel = CallbackUpdate.label(s.callbackFilter) }
                CallbacksView.render(m, into: &screen, rect: body)
            case .due:
                var m = DueViewModel(rows: s.due.rows, now: now, offset: offset(s.due.selected, s.due.total, DueView.pageSize(for: body)),
                                     selected: s.due.selected)
                m.loaded = s.due.loaded
                DueView.render(m, into: &screen, rect: body)
            case .dashboard:
                DashboardView.render(DashboardViewModel(data: s.dashboard, glyphs: s.chartGlyphs), into: &screen, rect: body)
            }
        }
        switch s.overlay {
        case .help?:
            HelpOverlay.render(HelpModel(rows: OverlayUpdate.helpRows(s), scroll: s.helpScroll), into: &screen, area: body)
        case .confirm(let c)?:
            ConfirmDialog.render(confirmModel(c, s), into: &screen, area: body)
        case .form(let f)?:
            var m = formModel(f, s)
            m.cursor = f.fields.indices.contains(f.focused) ? f.fields[f.focused].cursor : nil
            FormDialog.render(m, into: &screen, area: body)
        case .message(let scroll)?:
            MessageDialog.render(messageModel(s, scroll: scroll), into: &screen, area: body)
        case nil:
            break
        }
        return screen
    }

    /// The last message as `!` shows it: the status line's own text, whole (status messages carry ids and reasons,
    /// never personal data).
    static func messageModel(_ s: AppState, scroll: Int) -> ConfirmModel {
        let m = s.lastMessage ?? StatusMessage(kind: .info, text: "")
        return ConfirmModel(title: m.kind == .error ? "Message (error)" : "Message", lines: [m.text], scroll: scroll)
    }

    /// The confirmation as drawn (Update clamps its scroll with the same model).
    /// Personal data stays masked in it unless the order on screen was revealed (its audit row committed, issue 12).
    static func confirmModel(_ c: ConfirmState, _ s: AppState) -> ConfirmModel {
        let r = redaction(s, c.personal)
        return ConfirmModel(title: r.apply(c.title), lines: c.lines.map(r.apply), confirmFocused: c.confirmFocused, scroll: c.scroll)
    }

    /// What to mask in a dialog: nothing once the order detail it was opened from is revealed (the `v` reveal is
    /// audited), every known name, certificate number, phone and ticket password otherwise.
    static func redaction(_ s: AppState, _ p: PersonalValues) -> Redaction {
        if s.detail?.revealed == true { return Redaction() }
        return Redaction(names: p.names, certificates: p.certificates, phones: p.phones, secrets: p.secrets)
    }

    /// A form's prefilled personal fields (driver's name and phone, a certificate number) masked the same way; what
    /// the operator types in them is masked as it is typed. A secret field (the ticket password) is one `*` per
    /// character, as a password input is, so the operator can count what was typed; the reveal shows it too.
    static func formModel(_ f: FormState, _ s: AppState) -> FormModel {
        let revealed = s.detail?.revealed == true
        let fields = f.fields.map { field -> FormModel.Field in
            var value = field.value
            if !revealed {
                if field.name == "cert" || field.name.hasSuffix("-cert") { value = Masking.certificate(value) }
                else if field.name.hasSuffix("phone") { value = Masking.phone(value) }
                else if field.name.hasSuffix("-name") { value = Masking.name(value) }
            }
            return FormModel.Field(label: field.label, value: value, hint: field.hint, secret: field.secret && !revealed)
        }
        return FormModel(title: f.title, fields: fields, focused: f.focused, error: f.error)
    }

    /// The first row shown so the selection stays in view (lists read by offset).
    static func offset(_ selected: Int, _ count: Int, _ page: Int) -> Int {
        ListWindow.top(selected: selected, page: page, total: count)
    }

    static func chrome(_ s: AppState, now: Int) -> ChromeModel {
        var c = ChromeModel()
        c.activeTab = s.detail == nil && s.report == nil && s.callbackPage == nil ? s.tab.rawValue : -1
        // Issue 12: the Due tab counts what is due within the hour; the status line warns of anything within 15 min.
        let hour = DueText.count(s.dueAll, within: 3600, now: now)
        c.tabs = Tab.allCases.map { $0 == .due && hour > 0 ? "\($0.title) \(hour)" : $0.title }
        let soon = DueText.count(s.dueAll, within: 900, now: now)
        if soon > 0 {
            c.dueAlert = "⚠ \(soon) due within 15 min (:due)"
            c.dueAlertShort = "⚠ \(soon) ≤15m"
        }
        c.isDemo = s.session.isDemo
        c.readOnly = s.session.readOnly
        if s.session.replicaOf != nil { c.replicaLag = s.live.replicaLag ?? "lag unknown" }
        c.replication = s.live.replication
        c.replicationBehind = s.live.replicationBehind
        c.sendingPaused = s.sendingPaused
        c.storePath = s.session.storePath
        c.live = s.live.lastPollOK
        c.storeAlert = StoreStatusText.alert(s.live)
        // Age of what is on screen: 0 while polling works (the screen follows every commit within one poll);
        // it grows only when polling fails, so an idle screen does not repaint.
        c.dataAge = s.live.lastPollOK ? 0 : Double(max(0, now - s.live.lastChangeAt))
        let gateway = s.live.gateway.line()
        c.gateway = ChromeModel.Gateway(text: gateway.text, failing: gateway.failing, short: gateway.short)
        c.gatewayBadge = s.live.gateway.badge
        c.outboxPending = s.live.outboxPending
        c.outboxFailed = s.live.outboxFailed
        c.now = now
        c.clockShowsSeconds = false
        c.hints = (ListFilterUpdate.hint(s).map { [$0] } ?? []) + KeyHints.hints(s, now: now)
        c.lastHint = KeyHints.help(s)
        if let m = s.message { c.message = ChromeModel.Message(m.kind == .error ? .error : .info, m.text) }
        switch s.prompt {
        case .command(let t)?: c.prompt = ChromeModel.Prompt(prefix: ":", text: t, suffix: s.message?.text ?? "")   // Tab's candidates
        case .search(let t)?: c.prompt = ChromeModel.Prompt(prefix: "/", text: t)
        case .filter(let t)?:
            c.prompt = ChromeModel.Prompt(prefix: "/", text: t, suffix: ListFilterUpdate.promptSuffix(s, typed: t))
        case nil: break
        }
        return c
    }
}
