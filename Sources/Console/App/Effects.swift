import Operations
import Store

/// Work `update` asks the main loop to do; results come back as events.
enum Effect: Equatable {
    case loadOrders(OrdersRequest)
    case loadDetail(Int64, revealed: Bool)
    case loadSeats
    case loadRefunds
    case loadCallbacks
    /// One callback in full, with each attempt (Enter on the Callbacks list).
    case loadCallbackDetail(Int64)
    case loadDue
    /// `:order ID`: an agent order id (BO…) or a Fliggy order id, looked up exactly.
    case findOrder(String)
    case loadHealth
    /// The daily settlement of a yyyy-MM-dd day (issue 13).
    case loadReport(String)
    case loadDashboard
    /// The list on screen (or the settlement page) as CSV into a file; `replace` only after `:export!`.
    case export(path: String, replace: Bool)
    case search(query: String, forward: Bool)
    case continueSearch(query: String, forward: Bool, from: Int64)
    case copy(String)
    case audit(action: String, entity: String, id: String)
    case perform(PendingAction)
    /// Validate what a form (or a formless action) asks for and preview it: a confirmation, or the error back.
    case prepareConfirm(FormPurpose, [String: String])
    /// Preview the marked rows' action, each with its defaults: one confirmation listing every row.
    case prepareBulk([FormPurpose])
    /// Run a confirmed bulk action: each row in its own transaction, bound to its own preview.
    case performBulk(BulkConfirm)
}

/// A confirmed action: the request and the preview shown, so execution refuses if either moved.
struct PendingAction: Equatable {
    var request: ActionRequest
    var shown: ActionPreview
}

/// What a form collects input for: an action unit and the row it was opened on (its version binds the action).
struct FormPurpose: Equatable {
    var unit: String
    var row: ActionRow

    static func == (a: FormPurpose, b: FormPurpose) -> Bool {
        a.unit == b.unit && a.row.subjectId == b.row.subjectId && a.row.version == b.row.version
    }
}

/// Which page of orders to load (keyset: never an OFFSET into a million rows).
enum OrdersRequest: Equatable {
    case from(OrderCursor?, keepSelection: Int64?)   // the page starting at a cursor (nil: the newest)
    case before(OrderCursor, count: Int)             // scroll up by `count` rows
    case end                                         // the last page
}
