import Operations
import Store

/// Work `update` asks the main loop to do; results come back as events.
enum Effect: Equatable {
    case loadOrders(OrdersRequest)
    case loadDetail(Int64, revealed: Bool)
    case loadSeats
    case loadRefunds
    case loadCallbacks
    case loadDue
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

/// Things that happen to the app: keys, store results, time.
enum Event {
    case key(KeyPress)
    case resize(width: Int, height: Int)
    case ordersLoaded(top: OrderCursor?, rows: [OrderSummary], selected: Int)
    case detailLoaded(OrderDetail?)
    /// A window of the day's schedules from position `start`, and the day's counts (nil: `rows` is the whole day).
    case seatsLoaded([ScheduleSeats], start: Int = 0, summary: SeatsDaySummary? = nil)
    case refundsLoaded([PendingRefund], start: Int = 0, total: Int)
    case callbacksLoaded([OutboxRecord], start: Int = 0, total: Int)
    case dueLoaded([DueItem])
    case healthLoaded(pending: Int, failed: Int)
    case reportLoaded(DayReport)
    case dashboardLoaded(DashboardData)
    case externalChange(dataVersion: Int64, at: Int)
    /// The clock's minute turned (what is on screen may depend on it).
    case minuteTurned
    case searchResult(OrderSummary?, query: String)
    case searchPaused(query: String, forward: Bool, resumeAfter: Int64)
    /// The reveal's audit row is committed: now the personal data may be shown.
    case revealAudited(agentOrderId: String)
    case message(StatusMessage)
    case actionDone(String)
    case actionFailed(String)
    case confirmReady(ConfirmState)
    /// The kill switch as the store has it (read with the outbox health).
    case sendingPausedLoaded(Bool)
    /// The store file was deleted, moved or replaced under the console (docs/STORE-SAFETY.md): the reason.
    case storeGone(String)
    /// The last recorded `PRAGMA quick_check` and any damage seen (nil: none), read with the outbox health.
    case storeCheckLoaded(StoreCheck?, damage: String?)
}

/// Which page of orders to load (keyset: never an OFFSET into a million rows).
enum OrdersRequest: Equatable {
    case from(OrderCursor?, keepSelection: Int64?)   // the page starting at a cursor (nil: the newest)
    case before(OrderCursor, count: Int)             // scroll up by `count` rows
    case end                                         // the last page
}
