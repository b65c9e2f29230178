extension Store {
    /// Every schedule departing on the GMT+8 day starting at `dayStart`, in departure order.
    /// The day's schedules in departure order, `limit` of them from position `offset` (the Seats view's window).
    public func schedules(day dayStart: Int, offset: Int = 0, limit: Int = 5000) throws -> [ScheduleSeats] {
        let s = try db.prepare("""
            SELECT s.schedule_id, s.line_id, s.departs_at, s.from_time_type, s.window_end_at, fc.name, tc.name, s.seats_total,
              s.seats_sold, s.seats_held, s.price_fen, s.service_fee_fen, s.on_sale, s.stop_reason, s.stop_reason_code, s.version
            FROM schedules s JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
            WHERE s.from_date = ? ORDER BY s.departs_at, s.schedule_id LIMIT ? OFFSET ?
            """)
        try s.bind([.text(ChinaTime.date(dayStart)), .of(limit), .of(offset)])
        return try s.all { r in
            ScheduleSeats(scheduleId: r.text(0), lineId: r.text(1), departsAt: r.int(2), fromTimeType: r.int(3), windowEndAt: r.optionalInt(4),
                          fromCity: r.text(5), toCity: r.text(6), seatsTotal: r.int(7), seatsSold: r.int(8), seatsHeld: r.int(9),
                          priceFen: r.int(10), serviceFeeFen: r.int(11), onSale: r.int(12) == 1, stopReason: r.optionalText(13),
                          stopReasonCode: r.optionalInt(14), version: r.int(15))
        }
    }

    /// The whole day in numbers, without loading its rows.
    public func seatsSummary(day dayStart: Int) throws -> SeatsDaySummary {
        let s = try db.prepare("""
            SELECT count(*), coalesce(sum(seats_total), 0), coalesce(sum(seats_total - seats_sold - seats_held), 0),
              coalesce(sum(on_sale = 0), 0)
            FROM schedules WHERE from_date = ?
            """)
        try s.bind([.text(ChinaTime.date(dayStart))])
        defer { s.reset() }
        guard try s.step() else { return SeatsDaySummary(schedules: 0, seatsTotal: 0, seatsLeft: 0, stopped: 0) }
        return SeatsDaySummary(schedules: s.int(0), seatsTotal: s.int(1), seatsLeft: s.int(2), stopped: s.int(3))
    }

    public func refundRules(scheduleId: String) throws -> [RefundRule] {
        let s = try db.prepare("SELECT hours_from, hours_to, fee_percent FROM refund_rules WHERE schedule_id = ? ORDER BY hours_from")
        try s.bind([.text(scheduleId)])
        return try s.all { RefundRule(hoursFrom: $0.int(0), hoursTo: $0.optionalInt(1), feePercent: $0.optionalInt(2)) }
    }

    /// The rule tiers of many schedules in one query (a Refunds window spans up to a hundred schedules).
    func refundRules(scheduleIds: Set<String>) throws -> [String: [RefundRule]] {
        guard !scheduleIds.isEmpty else { return [:] }
        // One statement for any number of ids (the statement cache keeps one plan): the ids travel as a JSON array.
        let list = "[" + scheduleIds.sorted().map(JSONText.quote).joined(separator: ",") + "]"
        let s = try db.prepare("""
            SELECT schedule_id, hours_from, hours_to, fee_percent FROM refund_rules
            WHERE schedule_id IN (SELECT value FROM json_each(?)) ORDER BY schedule_id, hours_from
            """)
        try s.bind([.text(list)])
        var rules: [String: [RefundRule]] = [:]
        for (id, rule) in try s.all({ ($0.text(0), RefundRule(hoursFrom: $0.int(1), hoursTo: $0.optionalInt(2), feePercent: $0.optionalInt(3))) }) {
            rules[id, default: []].append(rule)
        }
        return rules
    }

    /// The pending refund queue, earliest departure first, with the fee the current rule tier charges. The window is
    /// picked on the index alone (an offset deep in the queue skips index entries, not joined rows).
    public func pendingRefunds(now: Int, limit: Int, offset: Int = 0) throws -> (rows: [PendingRefund], total: Int) {
        try db.read {
            let total = Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending'") ?? 0)
            let s = try db.prepare("""
                SELECT \(Store.refundColumns), o.agent_order_id, o.main_biz_order_id, o.departs_at, fc.name, tc.name, o.contact_name,
                  (SELECT group_concat(t.name, '、') FROM tickets t WHERE t.order_id = o.id AND (r.ticket_id IS NULL OR t.id = r.ticket_id)),
                  o.schedule_id
                FROM (SELECT id FROM refunds INDEXED BY refunds_queue WHERE status = 'pending' ORDER BY departs_at, id LIMIT ? OFFSET ?) w
                JOIN refunds r ON r.id = w.id JOIN orders o ON o.id = r.order_id JOIN schedules s ON s.schedule_id = o.schedule_id
                JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
                ORDER BY r.departs_at, r.id
                """)
            try s.bind([.of(limit), .of(offset)])
            let raw = try s.all { r in (Store.refund(r), r.text(18), r.text(19), r.int(20), r.text(21), r.text(22), r.text(23), r.text(24), r.text(25)) }
            let rules = try refundRules(scheduleIds: Set(raw.map(\.8)))
            let rows = raw.map { x -> PendingRefund in
                let q = RefundPolicy.quote(paidFen: x.0.paidFen, rules: rules[x.8] ?? [], departsAt: x.3, now: now)
                return PendingRefund(refund: x.0, agentOrderId: x.1, mainBizOrderId: x.2, departsAt: x.3, fromCity: x.4, toCity: x.5,
                                     contactName: x.6, passengerNames: x.7, currentFeeFen: q.feeFen, currentFeePercent: q.feePercent,
                                     secondsToNextTier: q.secondsToNextTier)
            }
            return (rows, total)
        }
    }

    /// The outbox, failed first, then undelivered, then sent; newest first within each.
    public func callbacks(limit: Int, offset: Int = 0) throws -> (rows: [OutboxRecord], total: Int) {
        try db.read {
            let total = Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'outbox'") ?? 0)
            var rows: [OutboxRecord] = []
            var skip = offset
            for states in ["'failed'", "'pending', 'sending'", "'sent'"] where rows.count < limit {
                let s = try db.prepare("SELECT \(Store.outboxColumns) WHERE c.state IN (\(states)) ORDER BY c.id DESC LIMIT ? OFFSET ?")
                try s.bind([.of(limit - rows.count), .of(skip)])
                let part = try s.all(Store.outboxRow)
                if part.isEmpty {
                    let n = Int(try db.scalarInt("SELECT count(*) FROM outbox WHERE state IN (\(states))") ?? 0)
                    skip = max(0, skip - n)
                } else { skip = 0 }
                rows += part
            }
            return (rows, total)
        }
    }
}
