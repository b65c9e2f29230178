/// Reads operator actions plan with. Inside an action's IMMEDIATE transaction they see the row state the
/// action will change; outside one (previews) they are plain snapshot reads.
extension Store {
    public func scheduleRow(_ scheduleId: String) throws -> ScheduleRow? {
        let s = try db.prepare("""
            SELECT s.schedule_id, s.from_city_code, fc.name, s.to_city_code, tc.name, s.from_date, s.departs_at, s.window_end_at,
              s.price_fen, s.seats_total, s.seats_sold, s.seats_held, s.is_order_refund, s.on_sale, s.stop_reason, s.stop_reason_code,
              s.version
            FROM schedules s JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
            WHERE s.schedule_id = ?
            """)
        try s.bind([.text(scheduleId)])
        return try s.all { r in
            ScheduleRow(scheduleId: r.text(0), fromCityCode: r.text(1), fromCityName: r.text(2), toCityCode: r.text(3),
                        toCityName: r.text(4), fromDate: r.text(5), departsAt: r.int(6), windowEndAt: r.optionalInt(7),
                        priceFen: r.int(8), seatsTotal: r.int(9), seatsSold: r.int(10), seatsHeld: r.int(11),
                        isOrderRefund: r.int(12) == 1, onSale: r.int(13) == 1, stopReason: r.optionalText(14),
                        stopReasonCode: r.optionalInt(15), version: r.int(16))
        }.first
    }

    /// A refund by its public id (RF...).
    public func refundRecord(refundId: String) throws -> RefundRecord? {
        let s = try db.prepare("SELECT \(Store.refundColumns) FROM refunds r WHERE r.refund_id = ?")
        try s.bind([.text(refundId)])
        return try s.all(Store.refund).first
    }

    public func outboxRecord(id: Int64) throws -> OutboxRecord? {
        let s = try db.prepare("SELECT \(Store.outboxColumns) WHERE c.id = ?")
        try s.bind([.int(id)])
        return try s.all(Store.outboxRow).first
    }

    public func outboxExists(idempotencyKey: String) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM outbox WHERE idempotency_key = ?", .text(idempotencyKey)) ?? 0 > 0
    }

    /// The newest audit row about an entity: who last changed it, and into what.
    public func latestAudit(entity: String, entityId: String) throws -> AuditRecord? {
        let s = try db.prepare("""
            SELECT id, at, operator, source, action, entity, entity_id, before, after FROM audit
            WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1
            """)
        try s.bind([.text(entity), .text(entityId)])
        return try s.all { r in
            AuditRecord(id: r.int64(0), at: r.int(1), operatorName: r.text(2), source: r.text(3), action: r.text(4), entity: r.text(5),
                        entityId: r.text(6), before: r.optionalText(7), after: r.optionalText(8))
        }.first
    }

    /// Orders on a schedule that still hold seats or money (1 awaiting payment, 2, 3, 9), oldest first.
    public func liveOrderIds(scheduleId: String) throws -> [Int64] {
        let s = try db.prepare("SELECT id FROM orders WHERE schedule_id = ? AND status IN (1, 2, 3, 9) ORDER BY id")
        try s.bind([.text(scheduleId)])
        return try s.all { $0.int64(0) }
    }

    /// Money already promised back on an order: approved, confirmed, or dead-lettered (re-firable) refunds.
    public func refundedFen(orderId: Int64) throws -> Int {
        Int(try db.scalarInt("SELECT coalesce(sum(amount_fen), 0) FROM refunds WHERE order_id = ? AND status IN ('approved', 'done', 'failed')",
                             .int(orderId)) ?? 0)
    }

    /// The refunds whose money counts as given back on an order (approved, done, dead-lettered), oldest first:
    /// what the one refund ceiling (Operations' `RefundCeiling`, issue 12) attributes to the order's tickets.
    public func countedRefunds(orderId: Int64) throws -> [RefundRecord] {
        let s = try db.prepare("""
            SELECT \(Store.refundColumns) FROM refunds r INDEXED BY refunds_by_order
            WHERE r.order_id = ? AND r.status IN ('approved', 'done', 'failed') ORDER BY r.id
            """)
        try s.bind([.int(orderId)])
        return try s.all(Store.refund)
    }

    public func metaValue(_ key: String) throws -> String? {
        try db.scalarText("SELECT value FROM meta WHERE key = ?", .text(key))
    }

    /// True while an operator has paused all callback sending (the kill switch).
    public func isSendingPaused() throws -> Bool {
        try metaValue("sending_paused") == "1"
    }
}
