/// Outbox and meta writes for operator actions, inside the caller's transaction.
extension Store {
    /// Queues one callback. `params` is the business JSON exactly as it will be signed and sent;
    /// `idempotencyKey` is unique, so the same action can never be queued twice.
    @discardableResult
    public func insertOutbox(method: String, orderId: Int64?, refundId: Int64?, idempotencyKey: String, params: String, now: Int) throws -> Int64 {
        try db.run("""
            INSERT INTO outbox (method, order_id, refund_id, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)
            """, args: [.text(method), orderId.map { .int($0) } ?? .null, refundId.map { .int($0) } ?? .null, .text(idempotencyKey),
                        .text(params), .of(now), .of(now), .of(now)])
        return db.lastInsertRowID
    }

    /// A dead-lettered callback goes back in the queue: same key and params, attempts kept (so backoff and
    /// history stay honest), due at once.
    public func requeueOutbox(id: Int64, now: Int) throws {
        try db.run("""
            UPDATE outbox SET state = 'pending', next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ?
            WHERE id = ? AND state = 'failed'
            """, .of(now), .of(now), .int(id))
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try db.run("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", .text(key), .text(value))
    }
}
