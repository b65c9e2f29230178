import Store
import Views

/// The Callbacks list's own keys (issue 12, "Lists operators asked for"): narrow by state and by method, each key
/// stepping through the choices, and open the order a callback is about.
enum CallbackUpdate {
    /// State choices in the order `f` steps through them: the failures first, as the list itself shows them.
    static let states: [CallbackFilter.State?] = [nil, .failed, .retrying, .pending, .sent]
    /// The methods we send (docs/PROTOCOL.md §1, TOP's callback builders), in the order `m` steps through them.
    static let methods: [String?] = [nil, "taobao.bus.agent.bookticket.confirm", "taobao.bus.agent.refund.confirm",
                                     "taobao.bus.agent.multiple.refund.confirm", "taobao.bus.item.notify"]

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .cycleCallbackState:
            state.callbackFilter.state = next(states, after: state.callbackFilter.state)
            return reload(&state)
        case .cycleCallbackMethod:
            state.callbackFilter.method = next(methods, after: state.callbackFilter.method)
            return reload(&state)
        case .openOrder:
            let callback = state.callbackPage != nil ? state.callbackPage?.detail?.record : state.callbacks.selectedRow
            guard let c = callback else { return [] }
            guard let orderId = c.orderId else {
                state.message = StatusMessage(kind: .error, text: "\(c.method) is about no order (Enter shows it in full)")
                return []
            }
            state.detail = DetailState(orderId: orderId)
            return [.loadDetail(orderId, revealed: false)]
        default:
            return []
        }
    }

    static func next<T: Equatable>(_ all: [T], after current: T) -> T {
        all[((all.firstIndex(of: current) ?? 0) + 1) % all.count]
    }

    /// A new filter starts at the top of its list, loaded afresh.
    static func reload(_ state: inout AppState) -> [Effect] {
        state.callbacks.selected = 0
        state.callbacks.loadedGeneration = -1
        state.message = StatusMessage(kind: .info, text: "callbacks: " + label(state.callbackFilter))
        return [.loadCallbacks]
    }

    /// Each part says "only" where it narrows (the header read "only every state, bookticket" under m alone).
    static func label(_ f: CallbackFilter) -> String {
        let state = f.state.map { "only " + $0.rawValue } ?? "every state"
        let method = f.method.map { "only " + Formatting.shortMethod($0) } ?? "every method"
        return "\(state), \(method)"
    }
}
