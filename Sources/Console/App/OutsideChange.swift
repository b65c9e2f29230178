import Store

/// What another process's commit can change on the plain Orders list (issue 12, "Many consoles, one store"): the rows,
/// the status line's live figures, the paused flag, the message, the due counts on the tab bar. Taken before and after
/// the reload; when they are equal the frame would be the same one, so it is not built again. A writer whose commits
/// touch nothing on screen (a `meta` row, another view's table) then costs the reload's queries only.
///
/// Only for the Orders list with nothing over it; every other screen is drawn after every outside change, as before.
struct OutsideChangeInputs: Equatable {
    var orders: OrdersListState
    var live: LiveInfo
    var sendingPaused: Bool
    var message: StatusMessage?
    var dueAll: [DueItem]

    /// nil when the screen is not the plain Orders list.
    init?(_ s: AppState) {
        guard s.tab == .orders, s.detail == nil, s.report == nil, s.callbackPage == nil, s.overlay == nil, s.prompt == nil
        else { return nil }
        orders = s.orders
        live = s.live
        // Not on screen: which commit was seen, and when (shown only while polling fails, as the data's age).
        live.dataVersion = 0
        if s.live.lastPollOK { live.lastChangeAt = 0 }
        sendingPaused = s.sendingPaused
        message = s.message
        dueAll = s.dueAll
    }
}
