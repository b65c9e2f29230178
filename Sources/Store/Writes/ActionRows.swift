/// Row shapes for operator actions (the Operations module plans with these; only Store speaks SQL).

/// The schedule fields an action needs: identity, line, timing, price, stop state and version.
public struct ScheduleRow: Equatable, Sendable {
    public var scheduleId: String
    public var fromCityCode: String
    public var fromCityName: String
    public var toCityCode: String
    public var toCityName: String
    public var fromDate: String
    public var departsAt: Int
    public var windowEndAt: Int?
    public var priceFen: Int
    public var seatsTotal: Int
    public var seatsSold: Int
    public var seatsHeld: Int
    public var isOrderRefund: Bool
    public var onSale: Bool
    public var stopReason: String?
    public var stopReasonCode: Int?
    public var version: Int
}

/// What a refund is: the order (and the ticket, for a per-ticket refund), where it came from and why, and the
/// money. A refund row an action creates (offline, money-only, merchant force refunds) is these terms, already
/// decided: facts the merchant reports, not requests awaiting review. A stored row (`RefundRecord`) adds its ids
/// and its state.
public struct RefundTerms: Equatable, Sendable {
    public var orderId: Int64
    public var ticketId: Int64?
    public var source: RefundSource
    public var scene: RefundScene
    public var reasonCode: Int?
    public var reason: String?
    public var paidFen: Int
    public var feeFen: Int
    public var amountFen: Int
    public init(orderId: Int64, ticketId: Int64?, source: RefundSource, scene: RefundScene, reasonCode: Int?, reason: String?,
                paidFen: Int, feeFen: Int, amountFen: Int) {
        self.orderId = orderId; self.ticketId = ticketId; self.source = source; self.scene = scene; self.reasonCode = reasonCode
        self.reason = reason; self.paidFen = paidFen; self.feeFen = feeFen; self.amountFen = amountFen
    }
}

/// The identifiers a new refund row was given.
public struct RefundKeys: Equatable, Sendable {
    public var id: Int64
    public var refundId: String
    /// agent_refund_trans_id / agent_refund_trans_no: Fliggy de-duplicates on it, so it never changes.
    public var idempotencyKey: String
}

/// A decision on an existing refund row (approve, reject, or a force refund that supersedes a pending one).
public struct RefundDecision: Sendable {
    public var status: RefundStatus
    public var feeFen: Int
    public var amountFen: Int
    public var resultCode: String?
    public var reason: String?
    public var scene: RefundScene?
    public var reasonCode: Int?
    public var decidedBy: String
    public init(status: RefundStatus, feeFen: Int, amountFen: Int, resultCode: String? = nil, reason: String? = nil,
                scene: RefundScene? = nil, reasonCode: Int? = nil, decidedBy: String) {
        self.status = status; self.feeFen = feeFen; self.amountFen = amountFen; self.resultCode = resultCode; self.reason = reason
        self.scene = scene; self.reasonCode = reasonCode; self.decidedBy = decidedBy
    }
}

/// Ticket statuses that occupy a sold seat (while the order is 2, 3 or 9): the seat-counter invariant.
public enum SeatAccounting {
    public static let soldTicketStatuses: Set<TicketStatus> = [.unknown, .issuing, .issued, .refunding, .refundFailed]
    public static let sellingOrderStatuses: Set<OrderStatus> = [.awaitingTicket, .issued, .refunding]

    /// How many of `tickets` hold a sold seat on an order in `orderStatus`.
    public static func soldSeats(_ tickets: [TicketRecord], orderStatus: OrderStatus) -> Int {
        guard sellingOrderStatuses.contains(orderStatus) else { return 0 }
        return tickets.filter { soldTicketStatuses.contains($0.status) }.count
    }
}
