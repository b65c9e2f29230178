import Store

/// The action keys on the Due view (issue 12, operator speed): I / F on an order awaiting tickets, A / R on a pending
/// refund, T on a dead-lettered callback. The row under the cursor when it is of the key's kind, else the most urgent
/// row that is (the list is soonest first); the cursor moves there, its order opens as Enter opens it, and the
/// action starts once the detail is loaded (`DetailState.runOnLoad`), exactly as the key does in that detail.
enum DueActions {
    static let kinds: [String: DueKind] = [
        "ticket.issue": .ticket, "ticket.fail": .ticket, "refund.approve": .refund, "refund.reject": .refund, "callback.retry": .callback,
    ]

    /// nil when the key is not a Due action key here (the usual path then).
    static func begin(_ state: inout AppState, unit: String) -> [Effect]? {
        guard state.tab == .due, state.detail == nil, let kind = kinds[unit] else { return nil }
        let here = state.due.selectedRow?.kind == kind ? state.due.selected : nil
        guard let at = here ?? state.due.rows.firstIndex(where: { $0.kind == kind }).map({ $0 + state.due.start }) else {
            return ActionUpdate.refuse(&state, "nothing due of that kind (\(kind.rawValue))")
        }
        state.due.selected = at
        let effects = Update.open(&state)
        state.detail?.runOnLoad = unit
        return effects
    }

    /// The detail a Due key opened is loaded: its action starts now (once).
    static func loaded(_ state: inout AppState, now: Int) -> [Effect] {
        guard let unit = state.detail?.runOnLoad, state.detail?.detail != nil else { return [] }
        state.detail?.runOnLoad = nil
        return ActionUpdate.begin(&state, unit: unit, now: now)
    }

    /// The detail reloaded after its Due row's refund was decided or its callback re-fired: A/R/T then only met
    /// "refund … was changed by root", so the row they acted on is let go once it is no longer pending / failed.
    static func settle(_ state: inout AppState, _ d: OrderDetail) {
        if let due = state.detail?.dueRefund, d.refunds.first(where: { $0.id == due.refund.id })?.status != .pending {
            state.detail?.dueRefund = nil
        }
        if let id = state.detail?.dueCallbackId, d.callbacks.first(where: { $0.id == id })?.state != .failed {
            state.detail?.dueCallbackId = nil
        }
    }
}
