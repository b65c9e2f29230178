import Operations
import Store

/// Starting an operator action: find the row its unit acts on, say why it cannot start there, or open the form
/// its fields make (formless units go straight to the preview). The store has the last word when the action is
/// previewed; refusals here come from the row on screen.
enum ActionUpdate {
    static func begin(_ state: inout AppState, unit id: String, now: Int) -> [Effect] {
        guard let unit = ActionUnits.named(id) else { return refuse(&state, "no action named \(id)") }
        if let bulk = BulkUpdate.begin(&state, unit: id) { return bulk }   // rows marked with Space: all of them
        if let due = DueActions.begin(&state, unit: id) { return due }      // a Due row: its order first
        guard let row = row(for: unit.subject, state) else { return refuse(&state, whereToStart(unit.subject)) }
        if let why = unit.refusal(on: row, now: now) { return refuse(&state, why) }
        let purpose = FormPurpose(unit: unit.id, row: row)
        if unit.formless {
            state.message = StatusMessage(kind: .info, text: preparing)
            return [.prepareConfirm(purpose, [:])]
        }
        let defaults = unit.formDefaults(row)
        let fields = unit.fields.map { f in
            FormState.Field(name: f.name, label: f.label, value: defaults[f.name] ?? "", hint: (f.required ? "required; " : "") + f.help,
                            secret: f.secret)
        }
        // The form opens on the first field left to fill (stop: the reason, its code being prefilled).
        let focus = fields.firstIndex { $0.value.isEmpty } ?? 0
        let form = FormState(title: unit.formTitle(row), fields: fields, focused: focus, purpose: purpose)
        state.overlay = .form(form)
        if previewFirst.contains(unit.id) && !fields.contains(where: { $0.value.isEmpty }) {
            // Issue 12, operator speed: the preview at once, the form behind it (Esc on the confirmation edits it);
            // a refused preview leaves the form open with the reason.
            state.message = StatusMessage(kind: .info, text: preparing)
            return [.prepareConfirm(purpose, Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) }))]
        }
        return []
    }

    /// Units whose form holds only what the row prefills (approve: the fee of the tier in force), so the
    /// confirmation opens at once when every field is filled; the form is one Esc away to change a value.
    static let previewFirst: Set<String> = ["refund.approve"]

    /// Said while the preview is built ("preparing…", "preparing 3 refunds…"); the confirmation, once open,
    /// takes its place.
    static let preparing = "preparing…"
    static func isPreparing(_ m: StatusMessage?) -> Bool { m?.kind == .info && m?.text.hasPrefix("preparing") == true }

    /// The row on screen an action of this kind starts from, or nil when the screen shows none.
    static func row(for subject: ActionSubject, _ state: AppState) -> ActionRow? {
        switch subject {
        case .order: return state.detail?.detail.map(ActionRow.order)
        case .refund:
            if let d = state.detail { return d.dueRefund.map(ActionRow.refund) }
            return state.tab == .refunds ? state.refunds.selectedRow.map(ActionRow.refund) : nil
        case .schedule: return state.detail == nil && state.tab == .seats ? state.seats.selectedRow.map(ActionRow.schedule) : nil
        case .callback:
            if let d = state.detail {
                return d.dueCallbackId.flatMap { id in d.detail?.callbacks.first { $0.id == id } }.map(ActionRow.callback)
            }
            if let page = state.callbackPage { return page.detail.map { ActionRow.callback($0.record) } }
            return state.tab == .callbacks ? state.callbacks.selectedRow.map(ActionRow.callback) : nil
        case .sending: return .sending(paused: state.sendingPaused)
        }
    }

    static func whereToStart(_ subject: ActionSubject) -> String {
        switch subject {
        case .order: return "open an order first (Enter on a row)"
        case .refund: return "select a pending refund in the Refunds view first"
        case .schedule: return "select a schedule in the Seats view first"
        case .callback: return "select a failed callback in the Callbacks view first"
        case .sending: return ""
        }
    }

    static func refuse(_ state: inout AppState, _ text: String) -> [Effect] {
        state.message = StatusMessage(kind: .error, text: text)
        return []
    }
}
