import Store

/// The orders list as a keyset window: `top` is the first visible row's cursor (nil = follow the newest),
/// `rows` holds one page plus one row of look-ahead so paging never needs a count.
struct OrdersListState: Equatable {
    var filter = OrderFilter()
    var sort: OrderSort = .created
    /// `S` turns the order round (issue 12): oldest / soonest / smallest first. Departure soonest first opens at
    /// the next departure, not the oldest one in the store (k and PgUp still reach the earlier ones).
    var ascending = false
    var top: OrderCursor?
    var rows: [OrderSummary] = []
    var selected = 0
    var pageSize = 20
    var loaded = false

    var visible: ArraySlice<OrderSummary> { rows.prefix(pageSize) }
    var selectedOrder: OrderSummary? { selected < min(rows.count, pageSize) ? rows[selected] : nil }
    var hasMoreBelow: Bool { rows.count > pageSize }
}

/// Status filters, one key each (shown in help).
enum StatusFilter: String, CaseIterable, Sendable {
    case all, awaitingPayment, awaitingTicket, issued, refunding, refunded, closedOrCancelled
    var statuses: [OrderStatus] {
        switch self {
        case .all: return []
        case .awaitingPayment: return [.awaitingPayment]
        case .awaitingTicket: return [.awaitingTicket]
        case .issued: return [.issued]
        case .refunding: return [.refunding]
        case .refunded: return [.refunded]
        case .closedOrCancelled: return [.closed, .cancelled]
        }
    }
    var label: String {
        switch self {
        case .all: return "all"
        case .awaitingPayment: return "等待付款"
        case .awaitingTicket: return "等待出票"
        case .issued: return "出票成功"
        case .refunding: return "退票中"
        case .refunded: return "退票成功"
        case .closedOrCancelled: return "关闭/取消"
        }
    }
}

/// How the Orders sort reads in each direction (the message and the list's sub-header).
enum SortText {
    static func descending(_ s: OrderSort) -> String {
        switch s { case .created: return "newest first"; case .departure: return "latest first"; case .amount: return "largest first" }
    }
    static func ascending(_ s: OrderSort) -> String {
        switch s { case .created: return "oldest first"; case .departure: return "soonest first"; case .amount: return "smallest first" }
    }
}
