/// A refund row: its ids, its terms (read through: `r.amountFen` is `r.terms.amountFen`) and its state.
@dynamicMemberLookup
public struct RefundRecord: Equatable, Sendable {
    public var id: Int64
    public var refundId: String
    public var terms: RefundTerms
    public var status: RefundStatus
    public var idempotencyKey: String
    public var resultCode: String?
    public var requestedAt: Int
    public var decidedAt: Int?
    public var decidedBy: String?
    public var version: Int

    public subscript<T>(dynamicMember field: WritableKeyPath<RefundTerms, T>) -> T {
        get { terms[keyPath: field] }
        set { terms[keyPath: field] = newValue }
    }
}

/// A pending refund as the Refunds queue shows it: the order it belongs to and the fee under the rule
/// tier in force now, with when that tier ends.
public struct PendingRefund: Equatable, Sendable {
    public var refund: RefundRecord
    public var agentOrderId: String
    public var mainBizOrderId: String
    public var departsAt: Int
    public var fromCity: String
    public var toCity: String
    public var contactName: String
    public var passengerNames: String
    /// The fee the current tier charges; nil when the tier forbids refunds.
    public var currentFeeFen: Int?
    public var currentFeePercent: Int?
    /// Seconds until the next (more expensive) tier starts; nil when none follows.
    public var secondsToNextTier: Int?
}

/// One tier of a schedule's refund rules: [hoursFrom, hoursTo) before departure.
public struct RefundRule: Equatable, Sendable {
    public var hoursFrom: Int
    public var hoursTo: Int?
    /// nil: no refund allowed in this tier.
    public var feePercent: Int?
    public init(hoursFrom: Int, hoursTo: Int?, feePercent: Int?) {
        self.hoursFrom = hoursFrom; self.hoursTo = hoursTo; self.feePercent = feePercent
    }
}
