import Store
import Views

/// The only place state changes: (state, event) → state + effects. Pure, so it is tested without a terminal.
enum Update {
    static func apply(_ state: inout AppState, _ event: Event, now: Int) -> [Effect] {
        switch event {
        case .key(let key):
            return handleKey(&state, key, now: now)
        case .resize(let w, let h):
            state.width = w; state.height = h
            let size = state.listHeight
            guard size != state.orders.pageSize else { return [] }
            state.orders.pageSize = size
            state.orders.selected = min(state.orders.selected, size - 1)
            return [.loadOrders(.from(state.orders.top, keepSelection: state.orders.selectedOrder?.id))] + reloadCurrent(state, includeOrders: false)
        case .ordersLoaded(let top, let rows, let selected):
            state.orders.top = top
            state.orders.rows = rows
            state.orders.selected = max(0, min(selected, min(rows.count, state.orders.pageSize) - 1))
            state.orders.loaded = true
        case .detailLoaded(let d):
            if state.detail != nil { state.detail?.detail = d }
            if let d { DueActions.settle(&state, d) }
            if d == nil { state.message = StatusMessage(kind: .error, text: "that order no longer exists") }
            return DueActions.loaded(&state, now: now)
        case .seatsLoaded(let rows, let start, let summary, let matching):
            let day = summary ?? SeatsDaySummary(of: rows)
            let newDay = state.seatsLoadedDay != state.seatsDay
            state.seats.loaded(rows, start: start, total: matching ?? day.schedules, generation: state.generation, now: now)
            state.seatsSummary = day
            state.seatsLoadedDay = state.seatsDay
            // A day shown afresh opens on its next departure (issue 12, operator speed): today's departed schedules,
            // first in departure order, are above it, one k or PgUp away.
            if newDay, matching == nil, state.seats.selected == 0, day.departed > 0, day.departed < day.schedules {
                state.seats.selected = day.departed
                if !state.seats.covers(page: state.listHeight) { return [.loadSeats] }
            }
        case .refundsLoaded(let rows, let start, let total, let capped):
            state.refunds.loaded(rows, start: start, total: total, generation: state.generation, now: now)
            state.refundsFilterCapped = capped
        case .callbacksLoaded(let rows, let start, let total):
            state.callbacks.loaded(rows, start: start, total: total, generation: state.generation, now: now)
        case .callbackDetailLoaded(let d):
            guard let page = state.callbackPage else { return [] }
            if let d, d.record.id == page.id { state.callbackPage?.detail = d }
            if d == nil { state.callbackPage = nil; state.message = StatusMessage(kind: .error, text: "that callback no longer exists") }
        case .dueLoaded(let rows):
            state.dueAll = rows
            ListFilterUpdate.filterDue(&state, now: now)
        case .storeGone(let reason):
            state.live.storeGone = reason
            state.live.lastPollOK = false
            // A confirmation or form open on the vanished store can only be refused: close it, say why.
            state.overlay = state.overlay == .help ? .help : nil
            state.message = StatusMessage(kind: .error, text: reason)
        case .replicationChecked(let lag, let primary, let behind):
            state.live.replicaLag = lag
            state.live.replication = primary
            state.live.replicationBehind = behind
        case .storeCheckLoaded(let check, let damage):
            state.live.lastCheck = check
            state.live.damage = damage
        case .dashboardLoaded(let d):
            state.dashboard = d
            state.dashboardLoaded = (state.generation, d.now / 60)
        case .reportLoaded(let r):
            if state.report?.day == r.day { state.report?.report = r }
        case .gatewayChecked(let status):
            state.live.gateway = status
        case .healthLoaded(let pending, let failed):
            state.live.outboxPending = pending; state.live.outboxFailed = failed
        case .minuteTurned:
            // The refund fee tiers run on the clock: a new minute re-quotes the queue on screen.
            // Due times are counted against the clock too, and the tab bar counts them on every view; so do the
            // dashboard's windows (this hour, the pending refunds' ages, the last minutes of traffic).
            if state.detail == nil && state.report == nil && state.tab == .dashboard { return [.loadDashboard, .loadDue] }
            // Today's Seats header counts the schedules departed by now (issue 12), so it follows the clock too.
            let seatsToday = state.tab == .seats && state.seatsDay == ChinaTime.startOfDay(now)
            return (state.tab == .refunds && state.detail == nil ? [.loadRefunds] : [])
                + (seatsToday && state.detail == nil && state.report == nil ? [.loadSeats] : []) + [.loadDue]
        case .externalChange(let version, let at):
            state.generation += 1
            state.live.dataVersion = version
            state.live.lastChangeAt = at
            // The due count off screen waits for the minute turn: an outside commit (40 a second at peak) costs no
            // extra query here (issue 12, "many consoles, one store").
            return reloadCurrent(state, includeOrders: true) + [.loadHealth]
        case .revealAudited(let agentOrderId):
            guard var d = state.detail, d.detail?.summary.agentOrderId == agentOrderId else { return [] }
            d.revealed = true
            state.detail = d
            state.message = StatusMessage(kind: .info, text: "personal data revealed (recorded in the audit trail); v hides it")
            return [.loadDetail(d.orderId, revealed: true)]
        case .searchPaused(let query, let forward, let at):
            state.searchResume = SearchResume(query: query, forward: forward, after: at)
            state.message = StatusMessage(kind: .info, text: "no match for “\(query)” in the orders \(forward ? "newer" : "older") than #\(at) yet — \(forward ? "n" : "N") searches on")
        case .searchResult(let found, let query):
            state.searchResume = nil
            guard let found else {
                state.message = StatusMessage(kind: .error, text: "no more orders match “\(query)”")
                return []
            }
            state.message = StatusMessage(kind: .info, text: "match: \(found.agentOrderId)  (n next, N previous)")
            return [.loadOrders(.from(found.cursor(state.orders.sort), keepSelection: found.id))]
        case .orderFound(let id, let query):
            guard let id else {
                state.message = StatusMessage(kind: .error, text: "no order \(query) (an order id BO… or a Fliggy order id)")
                return []
            }
            state.message = nil
            state.report = nil
            state.callbackPage = nil
            state.detail = DetailState(orderId: id)
            return [.loadDetail(id, revealed: false)]
        case .message(let m):
            state.message = m
        case .actionDone(let text):
            state.generation += 1
            state.overlay = nil
            state.message = StatusMessage(kind: .info, text: text)
            return reloadCurrent(state, includeOrders: true) + [.loadHealth] + dueUnlessOnScreen(state)
        case .bulkDone(let outcome):
            state.generation += 1
            state.overlay = nil
            BulkUpdate.done(&state, outcome)
            return reloadCurrent(state, includeOrders: true) + [.loadHealth] + dueUnlessOnScreen(state)
        case .actionFailed(let text):
            state.generation += 1   // a refused action may still have raced another writer: look again
            if case .form(var f)? = state.overlay { f.error = text; state.overlay = .form(f) } else { state.overlay = nil }
            state.message = StatusMessage(kind: .error, text: text)
            return reloadCurrent(state, includeOrders: true)
        case .confirmReady(var c):
            if case .form(let f)? = state.overlay { c.form = f }
            state.overlay = .confirm(c)
            // "preparing…" stayed beside the open confirmation as if it were still being built.
            if ActionUpdate.isPreparing(state.message) { state.message = nil }
        case .sendingPausedLoaded(let paused):
            state.sendingPaused = paused
        }
        return []
    }

    /// Reload whatever is on screen (after another process committed, or after an action).
    static func reloadCurrent(_ state: AppState, includeOrders: Bool) -> [Effect] {
        if let r = state.report { return [.loadReport(r.day)] }
        if let d = state.detail { return [.loadDetail(d.orderId, revealed: d.revealed)] }
        if let c = state.callbackPage { return [.loadCallbackDetail(c.id)] }
        switch state.tab {
        case .orders:
            return includeOrders ? [.loadOrders(.from(state.orders.top, keepSelection: state.orders.selectedOrder?.id))] : []
        case .seats: return [.loadSeats]
        case .refunds: return [.loadRefunds]
        case .callbacks: return [.loadCallbacks]
        case .due: return [.loadDue]
        case .dashboard: return [.loadDashboard]
        }
    }

    /// The tab bar's due count follows every commit; when Due is on screen `reloadCurrent` already loads it.
    static func dueUnlessOnScreen(_ state: AppState) -> [Effect] {
        state.tab == .due && state.detail == nil ? [] : [.loadDue]
    }

    static func handleKey(_ state: inout AppState, _ key: KeyPress, now: Int) -> [Effect] {
        if state.prompt != nil { return PromptUpdate.key(&state, key, now: now) }
        if let overlay = state.overlay { return OverlayUpdate.key(&state, overlay, key) }
        state.message = nil
        let contexts = KeyTable.contexts(state)
        guard let binding = KeyTable.binding(for: key, in: contexts) else {
            if key != .escape { state.message = StatusMessage(kind: .error, text: "\(key.label): no such key here (? for help)") }
            return []
        }
        if binding.writes, let primary = state.session.replicaOf {
            // docs/REPLICATION.md, "Replica consoles": the message says what this is, how far behind, where to act.
            state.message = StatusMessage(kind: .error, text: "replica (\(state.live.replicaLag ?? "lag unknown")): \(binding.help) is refused here; "
                + "act on the primary: \(primary)")
            return []
        }
        if binding.writes && state.session.readOnly {
            state.message = StatusMessage(kind: .error, text: "read-only: \(binding.help) is not available" + (state.session.readOnlyReason.map { " (\($0))" } ?? ""))
            return []
        }
        return perform(&state, binding.action, now: now)
    }

    static func perform(_ state: inout AppState, _ action: Action, now: Int) -> [Effect] {
        switch action {
        case .quit:
            state.quit = true
        case .nextTab: return switchTab(&state, Tab(rawValue: (state.tab.rawValue + 1) % Tab.allCases.count)!, now: now)
        case .previousTab: return switchTab(&state, Tab(rawValue: (state.tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!, now: now)
        case .showTab(let t): return switchTab(&state, t, now: now)
        case .help: state.overlay = .help; state.helpScroll = 0
        case .showMessage:
            if state.lastMessage == nil { state.message = StatusMessage(kind: .info, text: "no message yet") } else { state.overlay = .message(scroll: 0) }
        case .back:
            if state.report != nil { state.report = nil; return reloadCurrent(state, includeOrders: true) }
            if state.detail != nil { state.detail = nil; return reloadCurrent(state, includeOrders: true) }
            if state.callbackPage != nil { state.callbackPage = nil; return reloadCurrent(state, includeOrders: true) }
            if BulkUpdate.clear(&state) { return [] }
            if state.listFilters[state.tab] != nil { return ListFilterUpdate.set(&state, "", now: now) }
        case .commandMode: state.prompt = .command("")
        case .searchMode: state.prompt = .search("")
        case .searchNext, .searchPrevious:
            let forward = action == .searchNext
            if let r = state.searchResume, r.query == state.lastSearch, r.forward == forward {
                state.message = StatusMessage(kind: .info, text: "searching on for “\(r.query)”…")
                return [.continueSearch(query: r.query, forward: forward, from: r.after)]
            }
            guard let q = state.lastSearch else {
                state.message = StatusMessage(kind: .error, text: "no search yet: press / to search")
                return []
            }
            return [.search(query: q, forward: action == .searchNext)]
        case .down, .up, .pageDown, .pageUp, .first, .last:
            return ListUpdate.move(&state, action)
        case .open:
            return open(&state)
        case .filter(let f):
            state.orders.filter = OrderFilter(statuses: f.statuses)
            state.orders.top = nil; state.orders.selected = 0
            state.message = StatusMessage(kind: .info, text: "filter: \(f.label)")
            return [.loadOrders(.from(nil, keepSelection: nil))]
        case .cycleSort where state.tab == .seats:
            let all = ScheduleOrder.allCases
            state.seatsOrder = all[(all.firstIndex(of: state.seatsOrder)! + 1) % all.count]
            state.seats.selected = 0; state.seats.loadedGeneration = -1
            state.message = StatusMessage(kind: .info, text: "sort: \(state.seatsOrder.rawValue)")
            return [.loadSeats]
        case .cycleSort:
            let all = OrderSort.allCases
            state.orders.sort = all[(all.firstIndex(of: state.orders.sort)! + 1) % all.count]
            return sorted(&state, now: now)
        case .reverseSort:
            state.orders.ascending.toggle()
            return sorted(&state, now: now)
        case .copyId:
            if let d = state.detail?.detail {
                // One field only (issue 15): the ticket number once issued, else the order id; printable characters only.
                let field = ClipboardText.field(d.fetch.ticketNo ?? d.summary.agentOrderId)
                state.message = StatusMessage(kind: .info, text: "copied \(field)")
                return [.copy(field)]
            }
            if let o = state.orders.selectedOrder {
                let field = ClipboardText.field(o.agentOrderId)
                state.message = StatusMessage(kind: .info, text: "copied \(field)")
                return [.copy(field)]
            }
        case .reveal:
            guard var d = state.detail else { return [] }
            if d.revealed {
                d.revealed = false
                state.detail = d
                return []
            }
            // Shown only once the audit row is written: the event comes back from the effect that wrote it.
            guard let o = d.detail else { return [] }
            return [.audit(action: "reveal.personal-data", entity: "order", id: o.summary.agentOrderId)]
        case .previousDay, .nextDay:
            state.seatsDay += action == .nextDay ? 86400 : -86400
            state.seats.selected = 0
            return [.loadSeats]
        case .run(let unit):
            if let gone = state.live.storeGone {
                state.message = StatusMessage(kind: .error, text: "refused: \(gone)")
                return []
            }
            return ActionUpdate.begin(&state, unit: unit, now: now)
        case .filterMode:
            state.prompt = .filter(state.listFilters[state.tab] ?? "")
        case .toggleMark:
            return BulkUpdate.toggle(&state, now: now)
        case .cycleCallbackState, .cycleCallbackMethod, .openOrder:
            return CallbackUpdate.perform(&state, action)
        case .toggleFocus, .nextField, .previousField, .submit, .cancel, .editLine, .confirmNow:
            break   // dialog keys: OverlayUpdate handles them while a dialog is open
        }
        return []
    }

    /// After the sort changed: the list from its top, except departure soonest first, which starts at the next
    /// departure (a keyset cursor at `now`: the orders that left before it are above, one `k` or PgUp away).
    static func sorted(_ state: inout AppState, now: Int) -> [Effect] {
        let o = state.orders
        state.orders.selected = 0
        state.message = StatusMessage(kind: .info, text: "sort: \(o.sort.rawValue) " + (o.ascending ? SortText.ascending(o.sort) : SortText.descending(o.sort)))
        let start = o.sort == .departure && o.ascending ? OrderCursor(key: Int64(now), id: 0) : nil
        state.orders.top = start
        return [.loadOrders(.from(start, keepSelection: nil))]
    }

    static func switchTab(_ state: inout AppState, _ tab: Tab, now: Int) -> [Effect] {
        state.tab = tab
        state.detail = nil
        state.report = nil
        state.callbackPage = nil
        if isCurrent(state, tab, now: now) { return [] }
        return reloadCurrent(state, includeOrders: true)
    }

    /// Whether the rows a view loaded earlier still show the store as it is: nothing was committed since, by
    /// another process (data_version) or by this console. The Refunds fees depend on the clock, so that list
    /// is also reloaded once the minute has turned. The orders list always reloads (its window is keyset-paged).
    static func isCurrent(_ state: AppState, _ tab: Tab, now: Int) -> Bool {
        let g = state.generation, page = state.listHeight
        switch tab {
        case .orders: return false
        case .seats: return state.seatsLoadedDay == state.seatsDay && state.seats.isCurrent(generation: g, page: page)
        case .refunds: return state.refunds.isCurrent(generation: g, page: page) && state.refunds.loadedMinute == now / 60
        case .callbacks: return state.callbacks.isCurrent(generation: g, page: page)
        case .due: return state.due.isCurrent(generation: g, page: page) && state.due.loadedMinute == now / 60
        case .dashboard: return state.dashboard != nil && state.dashboardLoaded == (g, now / 60)
        }
    }

    static func open(_ state: inout AppState) -> [Effect] {
        let id: Int64?
        switch state.tab {
        case .orders: id = state.orders.selectedOrder?.id
        case .refunds: id = state.refunds.selectedRow?.refund.orderId
        case .callbacks:
            // Any callback opens in full, item.notify (which has no order) included; `o` opens the order.
            guard let c = state.callbacks.selectedRow else { return [] }
            state.callbackPage = CallbackPage(id: c.id)
            return [.loadCallbackDetail(c.id)]
        case .due: id = state.due.selectedRow?.orderId
        case .seats, .dashboard: id = nil
        }
        guard let id else { return [] }
        state.detail = DetailState(orderId: id)
        if state.tab == .due, let row = state.due.selectedRow {
            state.detail?.dueRefund = row.refund
            state.detail?.dueCallbackId = row.callbackId
        }
        return [.loadDetail(id, revealed: false)]
    }
}
