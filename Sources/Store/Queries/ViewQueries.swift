extension Store {
    /// Every schedule departing on the GMT+8 day starting at `dayStart`, in departure order.
    /// The day's schedules in departure order, `limit` of them from position `offset` (the Seats view's window).
    /// `matching` (the `/` filter) keeps the schedules whose id, line or either city contains it: a substring test
    /// over the one day's rows `schedules_by_day` already bounds (a day is hundreds to a few thousand schedules).
    /// `order` (Seats' `s`, issue 12) sorts by the seats left instead, either way, departure breaking ties.
    public func schedules(day dayStart: Int, offset: Int = 0, limit: Int = 5000, matching: String? = nil,
                          order: ScheduleOrder = .departure) throws -> [ScheduleSeats] {
        let s = try db.prepare("""
            SELECT s.schedule_id, s.line_id, s.departs_at, s.from_time_type, s.window_end_at, fc.name, tc.name, s.seats_total,
              s.seats_sold, s.seats_held, s.price_fen, s.service_fee_fen, s.on_sale, s.stop_reason, s.stop_reason_code, s.version
            FROM schedules s JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
            WHERE s.from_date = ?\(matching == nil ? "" : Store.scheduleMatch) ORDER BY \(order.sql)s.departs_at, s.schedule_id LIMIT ? OFFSET ?
            """)
        try s.bind([.text(ChinaTime.date(dayStart))] + (matching.map { [.text(Store.likePattern($0))] } ?? []) + [.of(limit), .of(offset)])
        return try s.all { r in
            ScheduleSeats(scheduleId: r.text(0), lineId: r.text(1), departsAt: r.int(2), fromTimeType: r.int(3), windowEndAt: r.optionalInt(4),
                          fromCity: r.text(5), toCity: r.text(6), seatsTotal: r.int(7), seatsSold: r.int(8), seatsHeld: r.int(9),
                          priceFen: r.int(10), serviceFeeFen: r.int(11), onSale: r.int(12) == 1, stopReason: r.optionalText(13),
                          stopReasonCode: r.optionalInt(14), version: r.int(15))
        }
    }

    /// The whole day in numbers, without loading its rows (trigger-kept totals, migration 4).
    /// With `now`, also what has departed by then (issue 12: departed schedules are not on sale). A past day has
    /// departed whole (its totals say so); only today reads index entries, those of the schedules already gone.
    public func seatsSummary(day dayStart: Int, now: Int? = nil) throws -> SeatsDaySummary {
        let s = try db.prepare("SELECT schedules, seats_total, seats_left, stopped, stopped_left FROM schedule_days WHERE from_date = ?")
        try s.bind([.text(ChinaTime.date(dayStart))])
        defer { s.reset() }
        guard try s.step() else { return SeatsDaySummary(schedules: 0, seatsTotal: 0, seatsLeft: 0, stopped: 0) }
        var day = SeatsDaySummary(schedules: s.int(0), seatsTotal: s.int(1), seatsLeft: s.int(2), stopped: s.int(3), stoppedLeft: s.int(4))
        guard let now, dayStart <= now else { return day }
        if now >= dayStart + 86400 {
            day.departed = day.schedules
            day.departedLeft = day.seatsLeft - day.stoppedLeft
            return day
        }
        let g = try db.prepare("""
            SELECT count(*), coalesce(sum(CASE WHEN on_sale = 1 THEN seats_total - seats_sold - seats_held ELSE 0 END), 0)
            FROM schedules INDEXED BY schedules_by_day WHERE from_date = ? AND departs_at <= ?
            """)
        try g.bind([.text(ChinaTime.date(dayStart)), .of(now)])
        defer { g.reset() }
        if try g.step() { day.departed = g.int(0); day.departedLeft = g.int(1) }
        return day
    }

    public func refundRules(scheduleId: String) throws -> [RefundRule] {
        let s = try db.prepare("SELECT hours_from, hours_to, fee_percent FROM refund_rules WHERE schedule_id = ? ORDER BY hours_from")
        try s.bind([.text(scheduleId)])
        return try s.all { RefundRule(hoursFrom: $0.int(0), hoursTo: $0.optionalInt(1), feePercent: $0.optionalInt(2)) }
    }

    /// The pending refund queue, earliest departure first, with the fee the current rule tier charges. The window is
    /// picked on the refunds_queue index alone (an offset deep in the queue skips index entries, not rows); its rows
    /// come from `refund_queue` (migration 4), where a screenful sits on one or two pages.
    public func pendingRefunds(now: Int, limit: Int, offset: Int = 0) throws -> (rows: [PendingRefund], total: Int) {
        try db.read {
            let total = Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending'") ?? 0)
            let s = try db.prepare("""
                SELECT \(Store.refundColumns), \(Store.queueColumns)
                FROM (SELECT departs_at, id FROM refunds INDEXED BY refunds_queue WHERE status = 'pending'
                      ORDER BY departs_at, id LIMIT ? OFFSET ?) w
                JOIN refund_queue r ON r.departs_at = w.departs_at AND r.id = w.id
                ORDER BY r.departs_at, r.id
                """)
            try s.bind([.of(limit), .of(offset)])
            let rows = try s.all { Store.pendingRefund($0, now: now) }
            return (rows, total)
        }
    }

    /// The queue's columns after `refundColumns`, as `pendingRefund` reads them.
    static let queueColumns = "r.agent_order_id, r.main_biz_order_id, r.departs_at, r.from_city, r.to_city, r.contact_name, r.passenger_names, r.rules"

    /// One `refund_queue` row read as `SELECT refundColumns, queueColumns`, quoted under the tier in force at `now`.
    static func pendingRefund(_ r: Statement, now: Int) -> PendingRefund {
        let refund = Store.refund(r)
        let departsAt = r.int(20)
        let q = RefundPolicy.quote(paidFen: refund.paidFen, rules: Store.rules(queued: r.text(25)), departsAt: departsAt, now: now)
        return PendingRefund(refund: refund, agentOrderId: r.text(18), mainBizOrderId: r.text(19), departsAt: departsAt,
                             fromCity: r.text(21), toCity: r.text(22), contactName: r.text(23), passengerNames: r.text(24),
                             currentFeeFen: q.feeFen, currentFeePercent: q.feePercent, secondsToNextTier: q.secondsToNextTier)
    }

    /// Rule tiers as `refund_queue` holds them ("hours_from,hours_to,fee_percent;…", empty for NULL), in tier order.
    static func rules(queued text: String) -> [RefundRule] {
        text.split(separator: ";").compactMap { tier -> RefundRule? in
            let f = tier.split(separator: ",", omittingEmptySubsequences: false)
            guard f.count == 3, let from = Int(f[0]) else { return nil }
            return RefundRule(hoursFrom: from, hoursTo: Int(f[1]), feePercent: Int(f[2]))
        }.sorted { $0.hoursFrom < $1.hoursFrom }
    }

}

/// The order of a day's schedules in Seats (issue 12: sortable by seats left, both ways).
public enum ScheduleOrder: String, CaseIterable, Sendable {
    case departure, fewestLeft = "seats left, fewest first", mostLeft = "seats left, most first"

    /// The ORDER BY terms before departure and id.
    var sql: String {
        switch self {
        case .departure: return ""
        case .fewestLeft: return "s.seats_total - s.seats_sold - s.seats_held, "
        case .mostLeft: return "s.seats_total - s.seats_sold - s.seats_held DESC, "
        }
    }
}
