import Operations
import Store

/// Runs effects against the store and turns their results into events. The only place the console reads data.
struct EffectRunner {
    let store: Store
    let operatorName: String
    let source: String
    /// Writes to the operator's clipboard (OSC 52 through the terminal backend).
    let copy: (String) -> Void
    /// Where a long action reports its progress (the main loop redraws the message line).
    let progress = ActionProgress()

    var actions: ActionEffects {
        ActionEffects(store: store, actor: Actor(operatorName: operatorName, source: source), progress: progress)
    }

    /// A name search scans at most this long per key press (never starting a slice that would overrun it), so keys
    /// never wait on a whole-store scan and a miss answers within the 50 ms target.
    static let searchBudgetMillis = 25

    func searchEvent(_ step: Store.SearchStep, query: String, forward: Bool) -> Event {
        switch step {
        case .found(let o): return .searchResult(o, query: query)
        case .exhausted: return .searchResult(nil, query: query)
        case .paused(let at): return .searchPaused(query: query, forward: forward, resumeAfter: at)
        }
    }

    func run(_ effect: Effect, state: AppState, now: Int) -> [Event] {
        do {
            return try runThrowing(effect, state: state, now: now)
        } catch let e as StoreError {
            return [.message(StatusMessage(kind: .error, text: e.message))]
        } catch {
            return [.message(StatusMessage(kind: .error, text: String(describing: error)))]
        }
    }

    private func runThrowing(_ effect: Effect, state: AppState, now: Int) throws -> [Event] {
        let o = state.orders
        switch effect {
        case .loadOrders(let request):
            let n = o.pageSize + 1
            switch request {
            case .from(let cursor, let keep):
                var rows = try store.orders(o.filter, sort: o.sort, ascending: o.ascending, from: cursor, limit: n)
                var top = cursor
                if rows.isEmpty, cursor != nil {
                    // The window fell off the end (rows left the filter): show the last page instead.
                    rows = try store.lastOrders(o.filter, sort: o.sort, ascending: o.ascending, limit: o.pageSize)
                    top = rows.first?.cursor(o.sort)
                }
                let selected = keep.flatMap { id in rows.prefix(o.pageSize).firstIndex { $0.id == id } } ?? o.selected
                return [.ordersLoaded(top: top, rows: rows, selected: selected)]
            case .before(let cursor, let count):
                let above = try store.orders(o.filter, sort: o.sort, ascending: o.ascending, before: cursor, limit: count)
                guard let first = above.first else {
                    return [.ordersLoaded(top: nil, rows: try store.orders(o.filter, sort: o.sort, ascending: o.ascending, limit: n), selected: 0)]
                }
                let atTop = try store.orders(o.filter, sort: o.sort, ascending: o.ascending, before: first.cursor(o.sort), limit: 1).isEmpty
                let rows = try store.orders(o.filter, sort: o.sort, ascending: o.ascending, from: first.cursor(o.sort), limit: n)
                return [.ordersLoaded(top: atTop ? nil : first.cursor(o.sort), rows: rows, selected: count == 1 ? 0 : o.selected)]
            case .end:
                let last = try store.lastOrders(o.filter, sort: o.sort, ascending: o.ascending, limit: o.pageSize)
                let top = last.first?.cursor(o.sort)
                let atTop = try last.first.map { try store.orders(o.filter, sort: o.sort, ascending: o.ascending, before: $0.cursor(o.sort), limit: 1).isEmpty } ?? true
                return [.ordersLoaded(top: atTop ? nil : top, rows: last, selected: last.count - 1)]
            }
        case .loadDetail(let id, _):
            return [.detailLoaded(try store.orderDetail(id: id))]
        // Seats, Refunds and Callbacks load a window of a screen and a half around the selection (a day can hold
        // thousands of schedules, the queues tens of thousands of rows); ListUpdate asks again when the
        // selection nears the window's edge.
        case .loadSeats:
            let summary = try store.seatsSummary(day: state.seatsDay, now: now)
            let matching = try state.listFilters[.seats].map { try store.scheduleCount(day: state.seatsDay, matching: $0) }
            let total = matching ?? summary.schedules
            let w = OffsetListState<ScheduleSeats>.window(selected: min(state.seats.selected, max(0, total - 1)), page: state.listHeight, total: total)
            let rows = try store.schedules(day: state.seatsDay, offset: w.start, limit: w.limit, matching: state.listFilters[.seats],
                                          order: state.seatsOrder)
            return [.seatsLoaded(rows, start: w.start, summary: summary, matching: matching)]
        case .loadRefunds:
            let w = OffsetListState<PendingRefund>.window(selected: state.refunds.selected, page: state.listHeight, total: state.refunds.total)
            if let q = state.listFilters[.refunds] {
                let r = try store.pendingRefunds(now: now, matching: q, limit: w.limit, offset: w.start)
                return [.refundsLoaded(r.rows, start: w.start, total: r.total, capped: r.capped)]
            }
            let r = try store.pendingRefunds(now: now, limit: w.limit, offset: w.start)
            return [.refundsLoaded(r.rows, start: w.start, total: r.total)]
        case .loadCallbacks:
            let w = OffsetListState<OutboxRecord>.window(selected: state.callbacks.selected, page: state.listHeight, total: state.callbacks.total)
            var filter = state.callbackFilter
            filter.text = state.listFilters[.callbacks]
            let r = try store.callbacks(filter, limit: w.limit, offset: w.start)
            return [.callbacksLoaded(r.rows, start: w.start, total: r.total)]
        case .loadCallbackDetail(let id):
            return [.callbackDetailLoaded(try store.callbackDetail(id: id))]
        case .findOrder(let q):
            let found: Int64?
            if q.uppercased().hasPrefix("BO") { found = try store.orderId(agentOrderId: q.uppercased()) }
            else if Store.searchKind(q) == .fliggyOrderId { found = try store.findOrder(q, filter: OrderFilter(), afterId: nil, forward: true)?.id }
            else { found = nil }
            return [.orderFound(found, query: q)]
        case .loadDue:
            return [.dueLoaded(try store.dueWork(now: now, options: state.dueOptions))]
        case .export(let path, let replace):
            do {
                let out = try ListExport(store: store).csv(state, now: now)
                try AtomicExport.write(out.text, to: path, replace: replace)
                return [.message(StatusMessage(kind: .info, text: "exported \(out.rows) rows to \(path)"))]
            } catch let e as AtomicExport.Refusal {
                return [.message(StatusMessage(kind: .error, text: e.message))]
            }
        case .loadDashboard:
            return [.dashboardLoaded(try store.dashboard(now: now))]
        case .loadReport(let day):
            return [.reportLoaded(try store.dayReport(day: day))]
        case .loadHealth:
            let h = try store.outboxHealth()
            return [.healthLoaded(pending: h.pending, failed: h.failed), .sendingPausedLoaded(try store.isSendingPaused()),
                    .storeCheckLoaded(try? store.lastCheck(), damage: store.damageReason())]
        case .search(let q, let forward):
            let after = o.selectedOrder?.id
            var step = try store.searchOrders(q, filter: o.filter, afterId: after, forward: forward, budgetMillis: EffectRunner.searchBudgetMillis)
            if step == .exhausted && after != nil {
                // Wrap around, like vim's search.
                step = try store.searchOrders(q, filter: o.filter, afterId: nil, forward: forward, budgetMillis: EffectRunner.searchBudgetMillis)
            }
            return [searchEvent(step, query: q, forward: forward)]
        case .continueSearch(let q, let forward, let from):
            let step = try store.searchOrders(q, filter: o.filter, afterId: from, forward: forward, budgetMillis: EffectRunner.searchBudgetMillis)
            return [searchEvent(step, query: q, forward: forward)]
        case .copy(let text):
            copy(text)
            return []
        case .audit(let action, let entity, let id):
            try store.recordAudit(operatorName: operatorName, source: source, action: action, entity: entity, entityId: id)
            return action == "reveal.personal-data" ? [.revealAudited(agentOrderId: id)] : []
        case .prepareConfirm(let purpose, let values):
            return actions.prepareConfirm(purpose, values)
        case .perform(let pending):
            return actions.perform(pending)
        case .prepareBulk(let purposes):
            return actions.prepareBulk(purposes)
        case .performBulk(let bulk):
            return actions.performBulk(bulk)
        }
    }
}
