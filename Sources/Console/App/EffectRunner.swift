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

    /// Rows the Refunds and Callbacks lists load: a few screens below the selection, grown as the operator scrolls
    /// (the queue's top is what matters; loading 500 rows with fee quotes on every switch cost ~25 ms).
    static func rowsWanted(_ selected: Int, _ page: Int) -> Int { max(100, selected + 3 * page) }

    /// A name search scans at most this long per key press, so keys never wait on a whole-store scan.
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
                var rows = try store.orders(o.filter, sort: o.sort, from: cursor, limit: n)
                var top = cursor
                if rows.isEmpty, cursor != nil {
                    // The window fell off the end (rows left the filter): show the last page instead.
                    rows = try store.lastOrders(o.filter, sort: o.sort, limit: o.pageSize)
                    top = rows.first?.cursor(o.sort)
                }
                let selected = keep.flatMap { id in rows.prefix(o.pageSize).firstIndex { $0.id == id } } ?? o.selected
                return [.ordersLoaded(top: top, rows: rows, selected: selected)]
            case .before(let cursor, let count):
                let above = try store.orders(o.filter, sort: o.sort, before: cursor, limit: count)
                guard let first = above.first else {
                    return [.ordersLoaded(top: nil, rows: try store.orders(o.filter, sort: o.sort, limit: n), selected: 0)]
                }
                let atTop = try store.orders(o.filter, sort: o.sort, before: first.cursor(o.sort), limit: 1).isEmpty
                let rows = try store.orders(o.filter, sort: o.sort, from: first.cursor(o.sort), limit: n)
                return [.ordersLoaded(top: atTop ? nil : first.cursor(o.sort), rows: rows, selected: count == 1 ? 0 : o.selected)]
            case .end:
                let last = try store.lastOrders(o.filter, sort: o.sort, limit: o.pageSize)
                let top = last.first?.cursor(o.sort)
                let atTop = try last.first.map { try store.orders(o.filter, sort: o.sort, before: $0.cursor(o.sort), limit: 1).isEmpty } ?? true
                return [.ordersLoaded(top: atTop ? nil : top, rows: last, selected: last.count - 1)]
            }
        case .loadDetail(let id, _):
            return [.detailLoaded(try store.orderDetail(id: id))]
        case .loadSeats:
            return [.seatsLoaded(try store.schedules(day: state.seatsDay))]
        case .loadRefunds:
            let r = try store.pendingRefunds(now: now, limit: EffectRunner.rowsWanted(state.refunds.selected, state.listHeight))
            return [.refundsLoaded(r.rows, total: r.total)]
        case .loadCallbacks:
            let r = try store.callbacks(limit: EffectRunner.rowsWanted(state.callbacks.selected, state.listHeight))
            return [.callbacksLoaded(r.rows, total: r.total)]
        case .loadHealth:
            let h = try store.outboxHealth()
            return [.healthLoaded(pending: h.pending, failed: h.failed), .sendingPausedLoaded(try store.isSendingPaused())]
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
        case .setPaused(let paused):
            return actions.prepareSending(paused: paused)
        case .perform(let pending):
            return actions.perform(pending)
        }
    }
}
