import Operations
import Views

/// The hint line (issue 12, "Keys in sight"): the keys that work on the screen as it is, generated from
/// `KeyTable` for the contexts in force, most useful first: the screen's own keys in table order, then the lists'
/// and the global ones. `HintLine` fits them to the width; "? help" always ends the line.
enum KeyHints {
    /// The contexts keys are dispatched in now: an overlay's own, or the view's (`KeyTable.contexts`).
    static func contexts(_ s: AppState) -> [KeyContext] {
        switch s.overlay {
        case .help?: return [.helpOverlay]
        case .confirm?: return [.confirm]
        case .form?: return [.form]
        case .message?: return [.messageOverlay]
        case nil: return KeyTable.contexts(s)
        }
    }

    static func hints(_ s: AppState, now: Int) -> [KeyHint] {
        let inForce = contexts(s)
        let bindings = inForce.flatMap { c in
            KeyTable.bindings.filter { $0.context == c && $0.hint != nil && $0.action != .help && works($0, s, now: now) && reached($0, in: inForce) }
        }
        // In a detail or the settlement page the way back comes first: it is the key every visit ends with. In a
        // detail opened from a Due refund or callback, that row's A/R/T come next (at 80 columns "A approve" gave
        // way to "O offline refund  M money refund" on the very detail opened to approve).
        func rank(_ b: KeyBinding) -> Int {
            if b.context == .global && b.action == .back { return 0 }
            return dueRowUnits.contains { b.context == .detail && b.action == .run($0) } ? 1 : 2
        }
        return bindings.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map { KeyHint(keys($0.element), $0.element.hint!) }
    }

    static let dueRowUnits = ["refund.approve", "refund.reject", "callback.retry"]

    /// "? help" while no overlay is open (the overlays list their own way out).
    static func help(_ s: AppState) -> KeyHint? {
        s.overlay == nil ? KeyHint("?", "help") : nil
    }

    /// The first key of a binding, or two when they are a pair (`n`/`N` would need two bindings, so one key).
    static func keys(_ b: KeyBinding) -> String {
        if b.context == .helpOverlay, b.action == .down { return "j/k" }
        if b.context == .helpOverlay, b.action == .pageDown { return "PgDn/PgUp" }
        if b.context == .form, b.action == .nextField { return "Tab" }
        if b.action == .toggleFocus { return "←/→" }
        if b.action == .editLine { return "←/→ ^A/^E/^U/^K/^W" }
        return b.keys[0].label
    }

    /// Whether pressing the hint's key does what the hint says: a more specific context may bind the same key to
    /// something else (on Orders `/` searches, so the lists' "/ filter" is not offered; in a detail `q` goes back,
    /// so the global "q quit" is not offered).
    static func reached(_ b: KeyBinding, in contexts: [KeyContext]) -> Bool {
        guard let first = b.keys.first, let dispatched = KeyTable.binding(for: first, in: contexts) else { return false }
        return dispatched.context == b.context && dispatched.action == b.action
    }

    /// A key the operator would only be refused is not worth the room: writes in a read-only or replica session,
    /// Esc where there is nothing to go back to, the Due row's A/R/T in a detail not opened from that row, and an
    /// order action its unit refuses on the order on screen (I/F on an issued order, O/M on an unpaid one).
    static func works(_ b: KeyBinding, _ s: AppState, now: Int) -> Bool {
        if b.writes && (s.session.readOnly || s.session.replicaOf != nil) { return false }
        if b.context == .global && b.action == .back {
            return s.detail != nil || s.report != nil || s.callbackPage != nil || (s.marks[s.tab] != nil && s.overlay == nil)
        }
        // "↓ scroll" was offered under a confirmation that fits, where ↓ does nothing.
        if b.context == .confirm, b.action == .down { return OverlayUpdate.confirmScrolls(s) }
        if b.context == .messageOverlay, b.action == .down { return OverlayUpdate.messageScrolls(s) }
        // "n next" was offered before any search, where n says only "no search yet".
        if b.action == .searchNext || b.action == .searchPrevious { return s.lastSearch != nil }
        if b.action == .openOrder, s.callbackPage != nil { return s.callbackPage?.detail?.record.orderId != nil }
        if b.context == .detail, case .run(let unit) = b.action {
            switch unit {
            case "refund.approve", "refund.reject": return s.detail?.dueRefund != nil
            case "callback.retry": return s.detail?.dueCallbackId != nil
            default:
                guard let order = s.detail?.detail, let u = ActionUnits.named(unit), u.subject == .order else { return true }
                return u.refusal(on: .order(order), now: now) == nil
            }
        }
        return true
    }
}
