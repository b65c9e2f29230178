extension Store {
    /// Counts for `busops stats` and the status line. Every code is present, zero where none.
    public func stats(now: Int = ChinaTime.now()) throws -> StoreStats {
        try db.read {
            var orders = Dictionary(uniqueKeysWithValues: OrderStatus.allCases.map { ($0, 0) })
            var s = try db.prepare("SELECT status, count(*) FROM orders GROUP BY status")
            try s.bind([])
            for (code, n) in try s.all({ ($0.int(0), $0.int(1)) }) { if let st = OrderStatus(rawValue: code) { orders[st] = n } }
            var tickets = Dictionary(uniqueKeysWithValues: TicketStatus.allCases.map { ($0, 0) })
            s = try db.prepare("SELECT status, count(*) FROM tickets GROUP BY status")
            try s.bind([])
            for (code, n) in try s.all({ ($0.int(0), $0.int(1)) }) { if let st = TicketStatus(rawValue: code) { tickets[st] = n } }
            let pending = Int(try db.scalarInt("SELECT count(*) FROM refunds WHERE status = 'pending'") ?? 0)
            let outbox = try outboxCounts()
            let today = ChinaTime.date(now)
            s = try db.prepare("SELECT coalesce(sum(seats_total),0), coalesce(sum(seats_sold),0), coalesce(sum(seats_total - seats_sold - seats_held),0) FROM schedules WHERE from_date = ?")
            try s.bind([.text(today)])
            let seats = try s.all { ($0.int(0), $0.int(1), $0.int(2)) }.first ?? (0, 0, 0)
            return StoreStats(orders: orders, tickets: tickets, refundsPending: pending, outbox: outbox,
                              seatsToday: (total: seats.0, sold: seats.1, left: seats.2))
        }
    }

    /// Outbox health: `sending` rows count as pending (they are not yet delivered).
    public func outboxCounts() throws -> [OutboxState: Int] {
        var out: [OutboxState: Int] = [.pending: 0, .sending: 0, .sent: 0, .failed: 0]
        let s = try db.prepare("SELECT state, count(*) FROM outbox GROUP BY state")
        try s.bind([])
        for (state, n) in try s.all({ ($0.text(0), $0.int(1)) }) { if let st = OutboxState(rawValue: state) { out[st] = n } }
        return out
    }

    /// Pending (with sending) and failed outbox counts, from the counters Schema12's triggers keep: one row each,
    /// cheap enough for every status-line refresh (counting them read ~52,000 index entries at 1M orders).
    public func outboxHealth() throws -> (pending: Int, failed: Int) {
        let s = try db.prepare("SELECT name, value FROM counters WHERE name IN ('outbox_pending', 'outbox_failed')")
        try s.bind([])
        var pending = 0, failed = 0
        for (name, n) in try s.all({ ($0.text(0), $0.int(1)) }) { if name == "outbox_failed" { failed = n } else { pending = n } }
        return (pending, failed)
    }
}
