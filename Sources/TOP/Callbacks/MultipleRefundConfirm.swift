// taobao.bus.agent.multiple.refund.confirm: money back without a ticket state change, possibly
// several times per order (PROTOCOL.md §1, TOP doc 49134). Fliggy de-duplicates on
// agent_refund_trans_no, so a retry with the same number can never pay twice. Every amount here
// is FEN (unlike refund.confirm's yuan).
//
// Wire fields (param_agent_multiple_refund_r_q), in the order of PROTOCOL.md's table:
//   agent_order_id                       merchant order id (required)
//   agent_refund_reason                  reason (required)
//   agent_refund_trans_no                unique refund number (required)
//   main_biz_order_id                    Fliggy order id, a Number (required)
//   refund_ticket_detail_list            [{agent_ticket_id, passenger_id_num, refund_amount,
//                                        service_charge_refund_amount}] one per ticket (required, fen;
//                                        passenger_id_num required when there is no ticket id)
//   total_refund_amount                  fen, Σ(refund_amount + service_charge_refund_amount) (required)
//   total_service_charge_refund_amount   fen, Σ service_charge_refund_amount (always sent)
//   refund_scene                         common | force
//   refund_scene_official_reason_code    0 stopped, 1 weather, 2 epidemic
//
// The totals are computed from the details rather than stored beside them, so they can never
// disagree: PROTOCOL.md infers total = Σ(refund_amount + service_charge_refund_amount) from the
// TOP sample (1000 + 300 → 1300).

public struct MultipleRefundConfirm: TopCallback, Equatable {
    public struct TicketDetail: Equatable, Sendable {
        public var agentTicketId: String?
        public var passengerIdNum: String?
        /// Ticket money, fen, excluding the service charge part.
        public var refundFen: Int
        public var serviceChargeRefundFen: Int

        public init(agentTicketId: String?, passengerIdNum: String? = nil, refundFen: Int, serviceChargeRefundFen: Int = 0) {
            self.agentTicketId = agentTicketId
            self.passengerIdNum = passengerIdNum
            self.refundFen = refundFen
            self.serviceChargeRefundFen = serviceChargeRefundFen
        }

        func json() -> JSON {
            var o = JSONObjectBuilder()
            o.add("agent_ticket_id", agentTicketId)
            o.add("passenger_id_num", passengerIdNum)
            o.add("refund_amount", refundFen)
            o.add("service_charge_refund_amount", serviceChargeRefundFen)
            return o.json
        }
    }

    public var agentOrderId: String
    public var mainBizOrderId: Int64
    public var refundTransNo: String
    public var reason: String
    public var tickets: [TicketDetail]
    public var refundScene: RefundConfirm.Scene?
    /// "0" stopped, "1" weather, "2" epidemic; only meaningful with scene force.
    public var officialReasonCode: String?

    public init(agentOrderId: String, mainBizOrderId: Int64, refundTransNo: String, reason: String,
                tickets: [TicketDetail], refundScene: RefundConfirm.Scene? = nil, officialReasonCode: String? = nil) {
        self.agentOrderId = agentOrderId
        self.mainBizOrderId = mainBizOrderId
        self.refundTransNo = refundTransNo
        self.reason = reason
        self.tickets = tickets
        self.refundScene = refundScene
        self.officialReasonCode = officialReasonCode
    }

    /// Σ(refund_amount + service_charge_refund_amount), fen.
    public var totalRefundFen: Int { tickets.reduce(0) { $0 + $1.refundFen + $1.serviceChargeRefundFen } }
    /// Σ service_charge_refund_amount, fen.
    public var totalServiceChargeRefundFen: Int { tickets.reduce(0) { $0 + $1.serviceChargeRefundFen } }

    public static let method = "taobao.bus.agent.multiple.refund.confirm"
    public static let paramName = "param_agent_multiple_refund_r_q"
    public var idempotencyKey: String? { refundTransNo }

    public func businessJSON() -> JSON {
        var o = JSONObjectBuilder()
        o.add("agent_order_id", agentOrderId)
        o.add("agent_refund_reason", reason)
        o.add("agent_refund_trans_no", refundTransNo)
        o.add("main_biz_order_id", mainBizOrderId)
        o.add("refund_ticket_detail_list", JSON.array(tickets.map { $0.json() }))
        o.add("total_refund_amount", totalRefundFen)
        o.add("total_service_charge_refund_amount", totalServiceChargeRefundFen)
        o.add("refund_scene", refundScene?.rawValue)
        o.add("refund_scene_official_reason_code", officialReasonCode)
        return o.json
    }

    public func validate() throws {
        try require(agentOrderId, "agent_order_id")
        try require(refundTransNo, "agent_refund_trans_no", "required (it prevents double refunds)")
        try require(reason, "agent_refund_reason")
        if mainBizOrderId <= 0 { throw fail("main_biz_order_id", "required (the Fliggy order id)") }
        // PROTOCOL.md §1: refund_ticket_detail_list is M, one entry per ticket.
        if tickets.isEmpty { throw fail("refund_ticket_detail_list", "required: one entry per ticket") }
        for (i, t) in tickets.enumerated() {
            let field = "refund_ticket_detail_list[\(i)]"
            if (t.agentTicketId?.isBlank ?? true) && (t.passengerIdNum?.isBlank ?? true) {
                throw fail(field, "needs agent_ticket_id or passenger_id_num")
            }
            if t.refundFen < 0 || t.serviceChargeRefundFen < 0 { throw fail(field, "amounts must not be negative") }
        }
        if totalRefundFen <= 0 { throw fail("total_refund_amount", "must be positive") }
        try checkOfficialReasonCode(officialReasonCode)
    }
}
