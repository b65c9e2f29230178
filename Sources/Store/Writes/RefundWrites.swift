/// Refund rows for operator actions, inside the caller's transaction.
extension Store {
    /// Inserts an already-decided refund (status approved) with fresh public id and idempotency key.
    /// Money-only refunds get an `MR` key (agent_refund_trans_no); the others `RT` (agent_refund_trans_id).
    public func insertRefund(_ r: RefundTerms, decidedBy: String, now: Int) throws -> RefundKeys {
        let id = (try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM refunds") ?? 1)
        let refundId = "RF" + Digits.pad(Int(id), 8)
        let key = (r.source == .moneyOnly ? "MR" : "RT") + Digits.pad(Int(id), 10)
        try db.run("""
            INSERT INTO refunds (id, refund_id, order_id, ticket_id, source, scene, reason_code, reason, paid_fen, fee_fen, amount_fen,
              status, idempotency_key, requested_at, decided_at, decided_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?, ?, ?)
            """, args: [.int(id), .text(refundId), .int(r.orderId), r.ticketId.map { .int($0) } ?? .null, .text(r.source.rawValue),
                        .text(r.scene.rawValue), .of(r.reasonCode), .of(r.reason), .of(r.paidFen), .of(r.feeFen), .of(r.amountFen),
                        .text(key), .of(now), .of(now), .text(decidedBy)])
        return RefundKeys(id: id, refundId: refundId, idempotencyKey: key)
    }

    /// Records an operator's decision on a refund row and bumps its version.
    public func decideRefund(id: Int64, _ d: RefundDecision, now: Int) throws {
        try db.run("""
            UPDATE refunds SET status = ?, fee_fen = ?, amount_fen = ?, result_code = coalesce(?, result_code), reason = coalesce(?, reason),
              scene = coalesce(?, scene), reason_code = coalesce(?, reason_code), decided_at = ?, decided_by = ?, version = version + 1
            WHERE id = ?
            """, args: [.text(d.status.rawValue), .of(d.feeFen), .of(d.amountFen), .of(d.resultCode), .of(d.reason),
                        .of(d.scene?.rawValue), .of(d.reasonCode), .of(now), .text(d.decidedBy), .int(id)])
    }

    /// Sets a refund's status alone (a re-fired callback puts a dead-lettered refund back in flight).
    public func setRefundStatus(id: Int64, to status: RefundStatus) throws {
        try db.run("UPDATE refunds SET status = ?, version = version + 1 WHERE id = ?", .text(status.rawValue), .int(id))
    }
}
