// taobao.bus.agent.refund.confirm: the merchant finished a refund (ticket return and money
// in one call). Every field of the API page (seeds/002) is here; keys are written in the
// order below, which puts the common fields first, as in the PROTOCOL.md test vector.
//
// Wire fields (param_agent_confirm_return_and_refund_r_q):
//   agent_order_id                      merchant order id (required)
//   agent_return_ticket_status          1 success, 2 failure (required)
//   agent_return_ticket_type            0 per ticket, 1 per order (required)
//   agent_refund_amount                 YUAN as a string ("10.5"); required on success
//   agent_refund_trans_id               unique refund money id (Fliggy de-duplicates on it)
//   agent_ticket_id                     merchant ticket id; required per ticket
//   passenger_id_num                    passenger certificate number; required per ticket
//   passenger_name, passenger_phone
//   agent_return_time                   yyyy-MM-dd HH:mm:ss
//   depart_date                         yyyy-MM-dd HH:mm:ss
//   main_biz_order_id                   Fliggy order id (a number)
//   agent_return_ticket_code            result code (a number); required on failure
//   agent_ext_attr                      extension JSON as text
//   agent_return_mode                   offline | online
//   refund_scene                        common | force (force majeure)
//   refund_scene_official_reason_code   0 schedule stopped, 1 weather, 2 epidemic

public struct RefundConfirm: TopCallback, Equatable {
    public enum Status: Int, Sendable { case success = 1, failure = 2 }
    public enum ReturnType: Int, Sendable { case perTicket = 0, perOrder = 1 }
    public enum ReturnMode: String, Sendable { case offline, online }
    public enum Scene: String, Sendable { case common, force }

    public var agentOrderId: String
    public var status: Status
    public var returnType: ReturnType
    /// Money back to the buyer, in fen; sent as yuan text.
    public var refundAmountFen: Int?
    public var refundTransId: String?
    public var agentTicketId: String?
    public var passengerIdNum: String?
    public var passengerName: String?
    public var passengerPhone: String?
    public var returnTime: String?
    public var departDate: String?
    public var mainBizOrderId: Int64?
    public var returnTicketCode: Int?
    public var extAttr: String?
    public var returnMode: ReturnMode?
    public var refundScene: Scene?
    public var officialReasonCode: String?

    public init(agentOrderId: String, status: Status, returnType: ReturnType, refundAmountFen: Int? = nil,
                refundTransId: String? = nil, agentTicketId: String? = nil, passengerIdNum: String? = nil,
                passengerName: String? = nil, passengerPhone: String? = nil, returnTime: String? = nil,
                departDate: String? = nil, mainBizOrderId: Int64? = nil, returnTicketCode: Int? = nil,
                extAttr: String? = nil, returnMode: ReturnMode? = nil, refundScene: Scene? = nil,
                officialReasonCode: String? = nil) {
        self.agentOrderId = agentOrderId
        self.status = status
        self.returnType = returnType
        self.refundAmountFen = refundAmountFen
        self.refundTransId = refundTransId
        self.agentTicketId = agentTicketId
        self.passengerIdNum = passengerIdNum
        self.passengerName = passengerName
        self.passengerPhone = passengerPhone
        self.returnTime = returnTime
        self.departDate = departDate
        self.mainBizOrderId = mainBizOrderId
        self.returnTicketCode = returnTicketCode
        self.extAttr = extAttr
        self.returnMode = returnMode
        self.refundScene = refundScene
        self.officialReasonCode = officialReasonCode
    }

    public static let method = "taobao.bus.agent.refund.confirm"
    public static let paramName = "param_agent_confirm_return_and_refund_r_q"
    public var idempotencyKey: String? { refundTransId }

    public func businessJSON() -> JSON {
        var o = JSONObjectBuilder()
        o.add("agent_order_id", agentOrderId)
        o.add("agent_return_ticket_status", status.rawValue)
        o.add("agent_return_ticket_type", returnType.rawValue)
        o.add("agent_refund_amount", refundAmountFen.map(Money.yuanText))
        o.add("agent_refund_trans_id", refundTransId)
        o.add("agent_ticket_id", agentTicketId)
        o.add("passenger_id_num", passengerIdNum)
        o.add("passenger_name", passengerName)
        o.add("passenger_phone", passengerPhone)
        o.add("agent_return_time", returnTime)
        o.add("depart_date", departDate)
        o.add("main_biz_order_id", mainBizOrderId)
        o.add("agent_return_ticket_code", returnTicketCode)
        o.add("agent_ext_attr", extAttr)
        o.add("agent_return_mode", returnMode?.rawValue)
        o.add("refund_scene", refundScene?.rawValue)
        o.add("refund_scene_official_reason_code", officialReasonCode)
        return o.json
    }

    public func validate() throws {
        try require(agentOrderId, "agent_order_id")
        switch status {
        case .success:
            guard let fen = refundAmountFen else { throw fail("agent_refund_amount", "required when the refund succeeded") }
            if fen < 0 { throw fail("agent_refund_amount", "must not be negative") }
        case .failure:
            if returnTicketCode == nil {
                throw fail("agent_return_ticket_code", "required when the refund failed")
            }
        }
        if returnType == .perTicket {
            try require(passengerIdNum, "passenger_id_num", "required for a per-ticket refund")
            try require(agentTicketId, "agent_ticket_id", "required for a per-ticket refund")
        }
        try checkTime(returnTime, "agent_return_time")
        try checkTime(departDate, "depart_date")
        try checkOfficialReasonCode(officialReasonCode)
    }
}
