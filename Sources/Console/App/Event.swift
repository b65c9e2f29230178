import Operations
import Store

/// Things that happen to the app: keys, store results, time.
enum Event {
    case key(KeyPress)
    case resize(width: Int, height: Int)
    case ordersLoaded(top: OrderCursor?, rows: [OrderSummary], selected: Int)
    case detailLoaded(OrderDetail?)
    /// A window of the day's schedules from position `start`, and the day's counts (nil: `rows` is the whole day).
    /// `matching`: how many schedules the `/` filter keeps (nil: no filter, the day's count).
    case seatsLoaded([ScheduleSeats], start: Int = 0, summary: SeatsDaySummary? = nil, matching: Int? = nil)
    /// `capped`: under a `/` filter, the count is a floor (`Store.prefixCap`).
    case refundsLoaded([PendingRefund], start: Int = 0, total: Int, capped: Bool = false)
    case callbacksLoaded([OutboxRecord], start: Int = 0, total: Int)
    case dueLoaded([DueItem])
    case callbackDetailLoaded(CallbackDetail?)
    case healthLoaded(pending: Int, failed: Int)
    case reportLoaded(DayReport)
    case dashboardLoaded(DashboardData)
    case externalChange(dataVersion: Int64, at: Int)
    /// The clock's minute turned (what is on screen may depend on it).
    case minuteTurned
    case searchResult(OrderSummary?, query: String)
    /// `:order ID` answered: the order's row id, nil when no order has that id.
    case orderFound(Int64?, query: String)
    case searchPaused(query: String, forward: Bool, resumeAfter: Int64)
    /// The reveal's audit row is committed: now the personal data may be shown.
    case revealAudited(agentOrderId: String)
    case message(StatusMessage)
    case actionDone(String)
    case actionFailed(String)
    /// A bulk action ran: how many of its rows were done, and which were refused and why.
    case bulkDone(BulkOutcome)
    case confirmReady(ConfirmState)
    /// The kill switch as the store has it (read with the outbox health).
    case sendingPausedLoaded(Bool)
    /// The store file was deleted, moved or replaced under the console (docs/STORE-SAFETY.md): the reason.
    case storeGone(String)
    /// Replication as the store's side files show it: a follower's lag ("2 s behind"), or on the primary when
    /// Litestream last replicated it, and whether that is later than the threshold (docs/REPLICATION.md).
    case replicationChecked(replicaLag: String?, primary: String?, behind: Bool)
    /// The last recorded `PRAGMA quick_check` and any damage seen (nil: none), read with the outbox health.
    case storeCheckLoaded(StoreCheck?, damage: String?)
    /// The gateway's badge and health as the console's dispatcher sees it (issue 12).
    case gatewayChecked(GatewayStatus)
}
