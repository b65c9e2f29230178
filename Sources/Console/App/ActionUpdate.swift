import Store

/// Starting an operator action: open the form that collects its input (or say why it cannot start).
/// Refusals here come from the row on screen; the store has the last word when the action is previewed.
enum ActionUpdate {
    static func begin(_ state: inout AppState, _ action: Action, now: Int) -> [Effect] {
        switch action {
        case .approveRefund, .rejectRefund:
            guard state.detail == nil, state.tab == .refunds, let p = state.refunds.selectedRow else {
                return refuse(&state, "select a pending refund in the Refunds view first")
            }
            return open(&state, action == .approveRefund ? ActionForms.approve(p) : ActionForms.reject(p))
        case .issueTicket, .failIssue:
            guard let d = loadedDetail(state) else { return refuse(&state, "open an order first (Enter on a row)") }
            guard d.summary.status == .awaitingTicket else {
                let verb = action == .issueTicket ? "issued" : "failed"
                return refuse(&state, "order \(d.summary.agentOrderId) is \(describe(d.summary.status)); only an order awaiting its tickets (status 2) can be \(verb)")
            }
            return open(&state, action == .issueTicket ? ActionForms.issue(d) : ActionForms.fail(d))
        case .offlineRefund:
            guard let d = loadedDetail(state) else { return refuse(&state, "open an order first (Enter on a row)") }
            guard [.issued, .refunding].contains(d.summary.status) else {
                return refuse(&state, "order \(d.summary.agentOrderId) is \(describe(d.summary.status)); only issued tickets can be refunded at the station")
            }
            return open(&state, ActionForms.offline(d))
        case .moneyRefund:
            guard let d = loadedDetail(state) else { return refuse(&state, "open an order first (Enter on a row)") }
            guard [.awaitingTicket, .issued, .refunding, .refunded].contains(d.summary.status) else {
                return refuse(&state, "order \(d.summary.agentOrderId) is \(describe(d.summary.status)); only paid orders can get money back")
            }
            return open(&state, ActionForms.money(d))
        case .stopSchedule:
            guard state.detail == nil, state.tab == .seats, let s = state.seats.selectedRow else {
                return refuse(&state, "select a schedule in the Seats view first")
            }
            guard s.onSale else { return refuse(&state, "schedule \(s.scheduleId) is already stopped (\(s.stopReason ?? "no reason given"))") }
            guard s.departsAt > now else { return refuse(&state, "schedule \(s.scheduleId) has already departed") }
            return open(&state, ActionForms.stop(s))
        case .changeSchedule:
            guard state.detail == nil, state.tab == .seats, let s = state.seats.selectedRow else {
                return refuse(&state, "select a schedule in the Seats view first")
            }
            guard s.departsAt > now else { return refuse(&state, "schedule \(s.scheduleId) has already departed") }
            return open(&state, ActionForms.change(s))
        case .retryCallback:
            guard state.detail == nil, state.tab == .callbacks, let c = state.callbacks.selectedRow else {
                return refuse(&state, "select a failed callback in the Callbacks view first")
            }
            guard c.state == .failed else {
                return refuse(&state, "callback \(c.id) is \(c.state.rawValue); only failed (dead-lettered) callbacks can be re-fired")
            }
            state.message = StatusMessage(kind: .info, text: "preparing…")
            return [.prepareConfirm(.retryCallback(id: c.id, version: c.updatedAt), [])]
        case .togglePause:
            state.message = StatusMessage(kind: .info, text: "preparing…")
            return [.setPaused(!state.sendingPaused)]
        default:
            return []
        }
    }

    static func open(_ state: inout AppState, _ form: FormState) -> [Effect] {
        state.overlay = .form(form)
        return []
    }

    static func refuse(_ state: inout AppState, _ text: String) -> [Effect] {
        state.message = StatusMessage(kind: .error, text: text)
        return []
    }

    static func loadedDetail(_ state: AppState) -> OrderDetail? { state.detail?.detail }

    static func describe(_ s: OrderStatus) -> String { "\(s.chinese) (\(s.rawValue) \(s.english))" }
}
