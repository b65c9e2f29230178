// taobao.bus.agent.multiple.refund.confirm: money back without a ticket state change, possibly
// several times per order. Fliggy de-duplicates on agent_refund_trans_no, so a retry with the
// same number can never pay twice. Every amount here is FEN (unlike refund.confirm's yuan).
//
// Wire fields (param_agent_multiple_refund_r_q), in this order:
//   agent_order_id                       merchant order id (required)
//   main_biz_order_id                    Fliggy order id (a number)
//   agent_refund_trans_no                unique refund number (required)
//   agent_refund_reason                  reason (required)
//   total_refund_amount                  fen, ticket money + service charge (always sent)
//   total_service_charge_refund_amount   fen, service charge part (always sent)
//   refund_ticket_detail_list            [{agent_ticket_id, passenger_id_num, refund_amount,
//                                        service_charge_refund_amount}] (fen; passenger_id_num
//                                        required when there is no ticket id)

public struct MultipleRefundConfirm: TopCallback, Equatable {
    public struct TicketDetail: Equatable, Sendable {
        public var agentTicketId: String?
        public var passengerIdNum: String?
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
    public var mainBizOrderId: Int64?
    public var refundTransNo: String
    public var reason: String
    public var totalRefundFen: Int
    public var totalServiceChargeRefundFen: Int
    public var tickets: [TicketDetail]

    public init(agentOrderId: String, mainBizOrderId: Int64?, refundTransNo: String, reason: String,
                totalRefundFen: Int, totalServiceChargeRefundFen: Int = 0, tickets: [TicketDetail] = []) {
        self.agentOrderId = agentOrderId
        self.mainBizOrderId = mainBizOrderId
        self.refundTransNo = refundTransNo
        self.reason = reason
        self.totalRefundFen = totalRefundFen
        self.totalServiceChargeRefundFen = totalServiceChargeRefundFen
        self.tickets = tickets
    }

    public var method: String { "taobao.bus.agent.multiple.refund.confirm" }
    public var paramName: String { "param_agent_multiple_refund_r_q" }
    public var idempotencyKey: String? { refundTransNo }

    public func businessJSON() -> JSON {
        var o = JSONObjectBuilder()
        o.add("agent_order_id", agentOrderId)
        o.add("main_biz_order_id", mainBizOrderId)
        o.add("agent_refund_trans_no", refundTransNo)
        o.add("agent_refund_reason", reason)
        o.add("total_refund_amount", totalRefundFen)
        o.add("total_service_charge_refund_amount", totalServiceChargeRefundFen)
        o.add("refund_ticket_detail_list", tickets.isEmpty ? nil : JSON.array(tickets.map { $0.json() }))
        return o.json
    }

    public func validate() throws {
        func fail(_ field: String, _ reason: String) -> CallbackValidationError {
            CallbackValidationError(field: field, reason: reason)
        }
        if agentOrderId.isBlank { throw fail("agent_order_id", "required") }
        if refundTransNo.isBlank { throw fail("agent_refund_trans_no", "required (it prevents double refunds)") }
        if reason.isBlank { throw fail("agent_refund_reason", "required") }
        if totalRefundFen <= 0 { throw fail("total_refund_amount", "must be positive") }
        if totalServiceChargeRefundFen < 0 || totalServiceChargeRefundFen > totalRefundFen {
            throw fail("total_service_charge_refund_amount", "must be between 0 and the total refund")
        }
        for (i, t) in tickets.enumerated() {
            let field = "refund_ticket_detail_list[\(i)]"
            if (t.agentTicketId?.isBlank ?? true) && (t.passengerIdNum?.isBlank ?? true) {
                throw fail(field, "needs agent_ticket_id or passenger_id_num")
            }
            if t.refundFen < 0 || t.serviceChargeRefundFen < 0 { throw fail(field, "amounts must not be negative") }
        }
        if !tickets.isEmpty {
            // The total is "ticket money + service charge". Whether a detail's refund_amount
            // already includes its service charge is not stated publicly, so either reading is
            // accepted; anything else is a bookkeeping error worth stopping before money moves.
            let money = tickets.reduce(0) { $0 + $1.refundFen }
            let service = tickets.reduce(0) { $0 + $1.serviceChargeRefundFen }
            if money != totalRefundFen && money + service != totalRefundFen {
                throw fail("total_refund_amount", "is \(totalRefundFen) but the details add up to \(money + service)")
            }
            if service != totalServiceChargeRefundFen {
                throw fail("total_service_charge_refund_amount",
                           "is \(totalServiceChargeRefundFen) but the details add up to \(service)")
            }
        }
    }
}
