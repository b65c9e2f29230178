// What the dispatcher needs to bring a callback queued by an older busops to the published shape
// before it is signed (docs/PROTOCOL.md (TOP callbacks): keys outside the published objects are never sent; the exact
// bytes sent are the bytes signed): the order facts the old object lacks, and the write that puts
// the upgraded object on the row, so that what is stored is what was sent.

/// The order a queued callback is about, as far as an upgrade needs it.
public struct OutboxOrderFacts: Equatable, Sendable {
    /// Fliggy's order id (bus_inner_order_id / main_biz_order_id).
    public var mainBizOrderId: String
    public var tickets: [TicketRecord]
    public var refunds: [RefundRecord]

    public init(mainBizOrderId: String, tickets: [TicketRecord], refunds: [RefundRecord]) {
        self.mainBizOrderId = mainBizOrderId
        self.tickets = tickets
        self.refunds = refunds
    }
}

extension Store {
    /// The order's Fliggy id, tickets and refunds in one snapshot; nil when there is no such order.
    public func outboxOrderFacts(orderId: Int64) throws -> OutboxOrderFacts? {
        try db.read {
            guard let main = try db.scalarText("SELECT main_biz_order_id FROM orders WHERE id = ?", .int(orderId)) else { return nil }
            return OutboxOrderFacts(mainBizOrderId: main, tickets: try tickets(orderId: orderId), refunds: try refunds(orderId: orderId))
        }
    }

    /// Replaces a claimed row's business JSON with its upgraded form, keeping its idempotency key, and
    /// notes why in the audit trail (filed under the refund or order, like the send outcomes). Only
    /// while `dispatcherId` still holds the claim: false (nothing written) when the claim was lost.
    @discardableResult
    public func upgradeClaimedParams(id: Int64, dispatcherId: String, params: String, why: String, now: Int) throws -> Bool {
        try db.transaction {
            try db.run("""
                UPDATE outbox SET params = ?, updated_at = ? WHERE id = ? AND state = 'sending' AND claimed_by = ?
                """, .text(params), .of(now), .int(id), .text(dispatcherId))
            guard db.changes == 1 else { return false }
            let info = try db.prepare("""
                SELECT c.method, r.refund_id, o.agent_order_id FROM outbox c
                LEFT JOIN refunds r ON r.id = c.refund_id LEFT JOIN orders o ON o.id = c.order_id WHERE c.id = ?
                """)
            try info.bind([.int(id)])
            guard let row = try info.all({ r in (method: r.text(0), refundId: r.optionalText(1), agentOrderId: r.optionalText(2)) }).first
            else { return false }
            let entity: (String, String) = row.refundId.map { ("refund", $0) } ?? row.agentOrderId.map { ("order", $0) } ?? ("outbox", String(id))
            let after = JSON.object([("outbox", .int(id)), ("method", .string(row.method)), ("upgraded", .string(Self.prefix(why, bytes: 600)))]).compactText
            try insertAudit(operatorName: "dispatcher", source: dispatcherId, action: "callback.upgraded", entity: entity.0,
                            entityId: entity.1, before: JSON.object([("outbox", .int(id)), ("shape", "old")]).compactText, after: after, at: now)
            return true
        }
    }
}
