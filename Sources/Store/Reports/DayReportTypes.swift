/// The daily settlement (issue 13): what a day sold and gave back, per route and in total, and what still has to be
/// reconciled with Fliggy. Money is integer fen here; yuan text is made only on output (`Money.yuan`).
///
/// What "the day" means for each figure (GMT+8, `ChinaTime`):
/// - sold: orders whose `paid_at` falls in the day (the buyer's money was taken then), whatever became of them since;
/// - refunds: refunds decided in the day (`decided_at`) and not refused — `approved` (callback queued) or `done`
///   (Fliggy acknowledged); a rejected or dead-lettered (`failed`) refund gave no money back;
/// - net: money taken minus the money refunded. Fees kept are the part of the refunded tickets' price not given back,
///   already inside net; shown apart because finance books them apart.
public struct DayReport: Equatable, Sendable {
    public var day: String                       // yyyy-MM-dd
    public var routes: [DayReportLine]           // by route name
    public var total: DayReportLine
    public var unacknowledged: [UnacknowledgedCallback]
    public var mismatches: [StatusMismatch]
}

/// Refund kinds as finance counts them, from `refunds.source` and `refunds.scene` (Schema1): a force-scene refund
/// (stopped schedule, weather, epidemic) is `force` whatever its source; otherwise offline (at the station),
/// money-only (money back, tickets unchanged) or online (the buyer asked on Fliggy, or the merchant in common scene).
public enum DayRefundKind: String, CaseIterable, Sendable {
    case online, offline, moneyOnly = "money_only", force

    public var label: String {
        switch self {
        case .online: return "online"
        case .offline: return "offline"
        case .moneyOnly: return "money-only"
        case .force: return "force"
        }
    }

    /// The SQL expression classifying a refunds row aliased `r` (or a trigger's NEW / OLD, Schema8); the order of
    /// the cases is the precedence above.
    static func sql(_ r: String) -> String {
        "CASE WHEN \(r).scene = 'force' THEN 'force' WHEN \(r).source = 'offline' THEN 'offline' "
            + "WHEN \(r).source = 'money_only' THEN 'money_only' ELSE 'online' END"
    }
}

/// Refunds of one kind: how many and the money given back.
public struct RefundTally: Equatable, Sendable {
    public var count = 0
    public var amountFen = 0
    public init(count: Int = 0, amountFen: Int = 0) { self.count = count; self.amountFen = amountFen }
}

/// One route's (or the total's) figures for the day.
public struct DayReportLine: Equatable, Sendable {
    public var route: String                     // "上海→杭州", or "total"
    public var orders = 0
    public var tickets = 0
    public var takenFen = 0
    public var refunds: [DayRefundKind: RefundTally] = [:]
    public var feesFen = 0

    public init(route: String) { self.route = route }

    public func refund(_ kind: DayRefundKind) -> RefundTally { refunds[kind] ?? RefundTally() }
    public var refundedFen: Int { refunds.values.reduce(0) { $0 + $1.amountFen } }
    public var refundCount: Int { refunds.values.reduce(0) { $0 + $1.count } }
    public var netFen: Int { takenFen - refundedFen }

    mutating func add(_ other: DayReportLine) {
        orders += other.orders; tickets += other.tickets; takenFen += other.takenFen; feesFen += other.feesFen
        for (k, t) in other.refunds {
            refunds[k, default: RefundTally()].count += t.count
            refunds[k, default: RefundTally()].amountFen += t.amountFen
        }
    }
}

/// A money-moving callback of the day Fliggy has not acknowledged: not `sent`, or sent on an answer whose
/// `is_success` was false (RetryPolicy treats some refusals as "already done" and records them sent).
public struct UnacknowledgedCallback: Equatable, Sendable {
    public var callbackId: Int64
    public var method: String
    public var agentOrderId: String?
    public var refundId: String?
    public var state: String
    public var attempts: Int
    public var lastCode: String?
    public var createdAt: Int
}

/// An order whose status disagrees with its tickets (the rules in `DayReconciliation.mismatchRule`).
public struct StatusMismatch: Equatable, Sendable {
    public var agentOrderId: String
    public var orderStatus: Int
    public var ticketStatuses: String            // e.g. "2,2,5"
    public var ticketCount: Int                  // what the order says it holds
    public var why: String
}
