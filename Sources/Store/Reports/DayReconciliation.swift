/// The reconciliation half of the daily settlement (issue 13): what Fliggy may not know yet, and orders whose
/// status says something their tickets do not.
extension Store {
    /// Callbacks that move money: a ticket issue confirms the sale, the refund confirmations give money back.
    /// `taobao.bus.item.notify` (a schedule changed) moves none.
    public static let moneyMovingMethods = ["taobao.bus.agent.bookticket.confirm", "taobao.bus.agent.refund.confirm",
                                            "taobao.bus.agent.multiple.refund.confirm"]

    /// SQL true for an outbox row `c` Fliggy has not acknowledged: not sent, or recorded sent on an answer with
    /// `is_success` false (an "already done" refusal, TOP/Response/RetryPolicy.swift). Spaces are taken out because
    /// a gateway may pretty-print its JSON.
    static let unacknowledgedSQL = """
    (c.state != 'sent' OR replace(replace(replace(coalesce(c.last_response, ''), ' ', ''), char(10), ''), char(13), '')
      LIKE '%"is_success":false%')
    """

    /// Money-moving callbacks created in [start, end) that Fliggy has not acknowledged, oldest first.
    func unacknowledgedCallbacks(start: Int, end: Int) throws -> [UnacknowledgedCallback] {
        let s = try db.prepare(Store.unacknowledgedQuery)
        try s.bind([.of(start), .of(end)])
        return try s.all { r in
            UnacknowledgedCallback(callbackId: r.int64(0), method: r.text(1), agentOrderId: r.optionalText(2),
                                   refundId: r.optionalText(3), state: r.text(4), attempts: r.int(5),
                                   lastCode: r.optionalText(6), createdAt: r.int(7))
        }
    }

    /// The rule an order's status keeps with its tickets, as SQL over the per-order ticket counts below: it names
    /// the disagreement, or is NULL. The issued / refunding / refunded rule is `settledOrderStatus`'s (a ticket
    /// refunding → 9; none left on a seat → 11; else 3); before payment or ticketing, or once closed or cancelled,
    /// no ticket may be issued or in refund.
    static let mismatchRule = """
    CASE
      WHEN n != o.ticket_count THEN 'order holds ' || o.ticket_count || ' tickets, store has ' || n
      WHEN o.status IN (1, 2) AND (issued + refunding + refunded) > 0 THEN 'not issued, but tickets are issued or refunded'
      WHEN o.status IN (4, 5) AND (issued + refunding) > 0 THEN 'closed, but tickets are issued or refunding'
      WHEN o.status IN (3, 9, 11) AND refunding > 0 AND o.status != 9 THEN 'a ticket is refunding: order should be 9'
      WHEN o.status IN (3, 9, 11) AND refunding = 0 AND seated = 0 AND o.status != 11 THEN 'no ticket left on a seat: order should be 11'
      WHEN o.status IN (3, 9, 11) AND refunding = 0 AND seated > 0 AND o.status != 3 THEN 'tickets still travel: order should be 3'
    END
    """

    /// Orders changed in [start, end) (`updated_at`) whose status disagrees with their tickets.
    func statusMismatches(start: Int, end: Int) throws -> [StatusMismatch] {
        let s = try db.prepare(Store.mismatchQuery)
        try s.bind([.of(start), .of(end)])
        return try s.all { r in
            StatusMismatch(agentOrderId: r.text(0), orderStatus: r.int(1), ticketStatuses: r.text(2), ticketCount: r.int(3), why: r.text(4))
        }
    }

    /// The day's money-moving callbacks, walked in `outbox_by_created` (migration 8) from the day's first row.
    static let unacknowledgedQuery = """
        SELECT c.id, c.method, o.agent_order_id, r.refund_id, c.state, c.attempts, c.last_code, c.created_at
        FROM outbox c LEFT JOIN orders o ON o.id = c.order_id LEFT JOIN refunds r ON r.id = c.refund_id
        WHERE c.created_at >= ? AND c.created_at < ? AND c.method IN (\(moneyMovingMethods.map { "'\($0)'" }.joined(separator: ", ")))
          AND \(unacknowledgedSQL)
        ORDER BY c.created_at, c.id
        """

    /// The orders changed in the day, walked in `orders_by_updated` (migration 8), each with its tickets
    /// (`tickets_by_order`). Grouped by (updated_at, id), the index's own order: grouped by id alone, the planner
    /// may walk the whole table in id order to skip a sort, which is the scan this avoids. Only the few mismatches
    /// are sorted by id at the end.
    static let mismatchQuery = """
        SELECT o.agent_order_id, o.status, o.statuses, o.ticket_count, \(mismatchRule) AS why
        FROM (
          SELECT o.id, o.agent_order_id, o.status, o.ticket_count, count(t.id) AS n, coalesce(group_concat(t.status), '') AS statuses,
            coalesce(sum(t.status = 2), 0) AS issued, coalesce(sum(t.status = 4), 0) AS refunding,
            coalesce(sum(t.status = 5), 0) AS refunded, coalesce(sum(t.status IN (-1, 1, 2, 6)), 0) AS seated
          FROM orders o LEFT JOIN tickets t ON t.order_id = o.id
          WHERE o.updated_at >= ? AND o.updated_at < ? GROUP BY o.updated_at, o.id
        ) o
        WHERE why IS NOT NULL ORDER BY o.id
        """
}
