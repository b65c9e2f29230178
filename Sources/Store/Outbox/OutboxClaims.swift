// Claiming outbox rows for sending. Several senders may share one store file (consoles and
// `busops dispatch`); the claim is what keeps two of them from sending the same row at once.
// A claim is a lease: a sender that dies leaves `sending` rows whose lease lapses, and the next
// sender takes them over. Re-sending such a row is safe because its idempotency key is fixed.

extension Store {
    /// Takes up to `limit` rows that are due (pending with `next_attempt_at <= dueBy`, or
    /// `sending` with a lapsed claim) and marks them claimed by `dispatcherId` until `now + lease`.
    /// One IMMEDIATE transaction, so two callers never get the same row. `dueBy` defaults to
    /// `now`; a single pass (`dispatch --once`) fixes it at the pass start so rows it retried do
    /// not come round again within the pass.
    public func claimDue(now: Int, dispatcherId: String, lease: Int, limit: Int, dueBy: Int? = nil) throws -> [OutboxRecord] {
        guard limit > 0 else { return [] }
        return try db.transaction {
            // Lapsed claims first: they are the oldest work. Then pending rows in due order, which
            // the (state, next_attempt_at) index yields without sorting a large backlog.
            let lapsed = try db.prepare("""
                SELECT id FROM outbox WHERE state = 'sending' AND (claimed_until IS NULL OR claimed_until < ?) LIMIT ?
                """)
            try lapsed.bind([.of(now), .of(limit)])
            var ids = try lapsed.all { $0.int64(0) }
            if ids.count < limit {
                let due = try db.prepare("""
                    SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?
                    """)
                try due.bind([.of(dueBy ?? now), .of(limit - ids.count)])
                ids += try due.all { $0.int64(0) }
            }
            guard !ids.isEmpty else { return [] }
            for id in ids {
                try db.run("""
                    UPDATE outbox SET state = 'sending', claimed_by = ?, claimed_until = ?, updated_at = ? WHERE id = ?
                    """, .text(dispatcherId), .of(now + lease), .of(now), .int(id))
            }
            let marks = ids.map { _ in "?" }.joined(separator: ",")
            let rows = try db.prepare("SELECT \(Store.outboxColumns) WHERE c.id IN (\(marks)) ORDER BY c.id")
            try rows.bind(ids.map { .int($0) })
            return try rows.all(Store.outboxRow)
        }
    }

    /// Gives back claims this dispatcher will not use (it is stopping, or a lease is too short
    /// for another send): the rows become pending again, due as they were, attempts unchanged.
    @discardableResult
    public func releaseClaims(ids: [Int64], dispatcherId: String, now: Int) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try db.transaction {
            var released = 0
            for id in ids {
                try db.run("""
                    UPDATE outbox SET state = 'pending', claimed_by = NULL, claimed_until = NULL, updated_at = ?
                    WHERE id = ? AND state = 'sending' AND claimed_by = ?
                    """, .of(now), .int(id), .text(dispatcherId))
                released += db.changes
            }
            return released
        }
    }

    // The kill switch `isSendingPaused()` (meta.sending_paused = '1') lives in Writes/ActionReads.swift.

    /// Rows not yet finished (pending or claimed), for progress lines and tests.
    public func outboxUnfinishedCount() throws -> Int {
        Int(try db.scalarInt("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending')") ?? 0)
    }
}
