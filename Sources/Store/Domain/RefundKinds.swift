/// Where a refund came from (SPEC §3 Refunds).
public enum RefundSource: String, CaseIterable, Sendable {
    case online        // the buyer asked on Fliggy
    case offline       // refunded at the station; must be synced at once
    case merchant      // merchant-initiated, e.g. a stopped schedule
    case moneyOnly = "money_only" // money back without a ticket state change
}

/// refund_scene of taobao.bus.agent.refund.confirm.
public enum RefundScene: String, CaseIterable, Sendable {
    case common, force
}

/// refund_scene_official_reason_code for force-scene refunds.
public enum ForceReason: Int, CaseIterable, Sendable {
    case scheduleStopped = 0, weather = 1, epidemic = 2
    public var chinese: String { ["班次停运", "天气原因", "疫情原因"][rawValue] }
    public var english: String { ["schedule stopped", "weather", "epidemic"][rawValue] }
}

/// A refund's life: pending (awaiting the operator) → approved / rejected (callback queued) → done / failed
/// (Fliggy accepted / the callback was dead-lettered).
public enum RefundStatus: String, CaseIterable, Sendable {
    case pending, approved, rejected, done, failed
}

/// Outbox row states. `sending` is a claim held by one dispatcher; it lapses if that dispatcher dies.
public enum OutboxState: String, CaseIterable, Sendable {
    case pending, sending, sent, failed
}

/// Refund per order or per ticket (the schedule's isOrderRefund).
public enum RefundMode: Int, Sendable {
    case perTicket = 0, perOrder = 1
}
