/// What a key asks for. The key table maps keys to actions per context; `update` applies actions.
enum Action: Equatable, Sendable {
    case quit, nextTab, previousTab, showTab(Tab)
    case down, up, pageDown, pageUp, first, last
    case open, back, commandMode, searchMode, searchNext, searchPrevious, help
    case filter(StatusFilter), cycleSort, reverseSort, copyId, reveal, previousDay, nextDay
    /// In dialogs: the confirmation's buttons, the form's fields, Enter and Esc.
    case toggleFocus, nextField, previousField, submit, cancel, editLine
    /// `y` on a confirmation: Confirm, whichever button is focused (Enter still does the focused one, Cancel first).
    case confirmNow
    /// Callbacks (issue 12): narrow by state or method (each key steps through them), open the callback's order.
    case cycleCallbackState, cycleCallbackMethod, openOrder
    /// `/` on Seats, Refunds, Callbacks and Due: a filter that narrows as it is typed (Orders keeps its search).
    case filterMode
    /// Space on Refunds and Callbacks: mark or unmark the row under the cursor for one bulk approve or re-fire.
    case toggleMark
    /// `!`: the last status message whole, in a dialog (a line cut short ends in "! full").
    case showMessage
    /// An operator action, by its unit's id (`Operations.ActionUnits`): "refund.approve".
    case run(String)
}

/// Where a key is pressed; the same key may mean different things in different places.
enum KeyContext: String, CaseIterable, Sendable {
    case global = "Everywhere"
    case list = "Lists"
    case orders = "Orders"
    case detail = "Order detail"
    case report = "Daily settlement"
    case seats = "Seats"
    case refunds = "Refunds"
    case callbacks = "Callbacks"
    case due = "Due"
    case callbackDetail = "Callback"
    case helpOverlay = "Help"
    case messageOverlay = "Message"
    case confirm = "Confirmation"
    case form = "Form"
}

struct KeyBinding: Sendable {
    let keys: [KeyPress]
    let action: Action
    let context: KeyContext
    let help: String
    /// The short label on the hint line (issue 12, "Keys in sight"); nil keeps the binding to the help overlay.
    var hint: String? = nil
    /// Actions that write: refused in read-only mode. Revealing personal data writes its audit row, so a
    /// read-only session cannot reveal (it would show the data with no record of who saw it).
    var writes: Bool {
        switch action {
        case .run, .reveal, .toggleMark: return true   // marks are only for an action that writes
        default: return false
        }
    }
}
