/// `busops demo --tick N`: what Fliggy's traffic would do between two looks at the screen — new seat locks,
/// payments of earlier locks, refund requests — each committed as its own transaction, like another process.
public enum DemoTicker {
    /// Returns the agent order ids of the new orders, in creation order.
    public static func tick(store: Store, newOrders: Int, now: Int, seed: UInt64? = nil) throws -> [String] {
        let db = store.db
        var rng = DemoRandom(seed: seed ?? UInt64(truncatingIfNeeded: now) &* 2654435761)
        var ids: [String] = []
        for _ in 0..<newOrders {
            let id: String? = try db.transaction {
                var slots = try futureSlots(db, now: now)
                guard !slots.isEmpty else { return nil }
                var w = DemoWriter(db: db, now: now)
                try w.prepare()
                let index = Int(try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM orders") ?? 1)
                let seats = min(slots[0].left, [1, 1, 2, 3][rng.int(4)])
                let si = rng.int(min(slots.count, 20))
                let pick = slots[si].left >= seats ? si : 0
                _ = try w.order(index: index, slot: slots[pick], seats: seats, status: .awaitingPayment, created: now, rng: &rng)
                slots[pick].held += seats
                try db.run("UPDATE schedules SET seats_held = seats_held + ?, version = version + 1 WHERE schedule_id = ?",
                           .of(seats), .text(slots[pick].id))
                return DemoWriter.agentOrderId(index)
            }
            if let id { ids.append(id) }
        }
        try advance(db, now: now, rng: &rng)
        return ids
    }

    /// Pays one earlier seat lock (1 → 2: the hold becomes sold) and asks a refund on one issued order (3 → 9).
    static func advance(_ db: Connection, now: Int, rng: inout DemoRandom) throws {
        try db.transaction {
            let s = try db.prepare("""
                SELECT o.id, h.seats, h.schedule_id FROM orders o JOIN seat_holds h ON h.order_id = o.id
                WHERE o.status = 1 AND o.created_at < ? ORDER BY o.id LIMIT 1
                """)
            try s.bind([.of(now - 30)])
            if let (id, seats, schedule) = try s.all({ ($0.int64(0), $0.int(1), $0.text(2)) }).first {
                try db.run("DELETE FROM seat_holds WHERE order_id = ?", .int(id))
                try db.run("UPDATE schedules SET seats_held = seats_held - ?, seats_sold = seats_sold + ?, version = version + 1 WHERE schedule_id = ?",
                           .of(seats), .of(seats), .text(schedule))
                try db.run("UPDATE orders SET status = 2, paid_at = ?, updated_at = ?, lock_expires_at = NULL, version = version + 1 WHERE id = ?",
                           .of(now), .of(now), .int(id))
            }
        }
        try db.transaction {
            let s = try db.prepare("""
                SELECT o.id, o.total_fen FROM orders o WHERE o.status = 3 AND o.departs_at > ? + 86400
                AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id) ORDER BY o.id DESC LIMIT 1
                """)
            try s.bind([.of(now)])
            guard let (id, total) = try s.all({ ($0.int64(0), $0.int(1)) }).first else { return }
            let next = (try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM refunds") ?? 1)
            try db.run("""
                INSERT INTO refunds (id, refund_id, order_id, source, scene, paid_fen, status, idempotency_key, requested_at)
                VALUES (?, ?, ?, 'online', 'common', ?, 'pending', ?, ?)
                """, .int(next), .text("RF" + Digits.pad(Int(next), 8)), .int(id), .of(total),
                       .text("RT" + Digits.pad(Int(next), 10)), .of(now))
            try db.run("UPDATE orders SET status = 9, updated_at = ?, version = version + 1 WHERE id = ?", .of(now), .int(id))
            try db.run("UPDATE tickets SET status = 4, version = version + 1 WHERE order_id = ? AND status = 2", .int(id))
        }
    }

    static func futureSlots(_ db: Connection, now: Int) throws -> [DemoSchedules.Slot] {
        let s = try db.prepare("""
            SELECT schedule_id, line_id, departs_at, seats_total, seats_sold, seats_held, is_order_refund FROM schedules
            WHERE on_sale = 1 AND departs_at > ? AND seats_total - seats_sold - seats_held >= 3 ORDER BY departs_at LIMIT 40
            """)
        try s.bind([.of(now + 3600)])
        let rows = try s.all { ($0.text(0), $0.text(1), $0.int(2), $0.int(3), $0.int(4), $0.int(5), $0.int(6) == 1) }
        return rows.compactMap { row in
            guard let line = DemoGeography.lines.first(where: { $0.id == row.1 }) else { return nil }
            var slot = DemoSchedules.Slot(id: row.0, line: line, departsAt: row.2, total: row.3, isOrderRefund: row.6,
                                          stopped: false, rules: RefundPolicy.seedExample)
            slot.sold = row.4; slot.held = row.5
            return slot
        }
    }
}
