/// Due work, soonest first (issue 12): what an operator must act on before a deadline passes. Shared by the
/// console's `:due` view and `busops due`, so the two always agree. Every part is an index walk with a LIMIT
/// (docs/ARCHITECTURE.md: no full scans per frame on the 1M-order store).
public enum DueKind: String, CaseIterable, Sendable {
    /// An order awaiting tickets (2), due at its ticketing deadline.
    case ticket
    /// A seat lock (an unpaid order's hold) that expires.
    case lock
    /// A pending refund, due at its next fee tier or its cut-off (departure).
    case refund
    /// A callback dead-lettered (due since it died) or retrying (due at its next attempt).
    case callback
    /// A stopped schedule whose passengers are not all refunded, due at its departure.
    case stopped
}

public struct DueItem: Equatable, Sendable {
    public var kind: DueKind
    /// The order (BO…), refund (RF…), callback (#id) or schedule id.
    public var id: String
    public var route: String
    public var dueAt: Int
    /// What is due, in a few words.
    public var what: String
    /// The order Enter opens (a stopped schedule: its first passenger not yet refunded).
    public var orderId: Int64?
    public var refundRowId: Int64?
    public var callbackId: Int64?
    /// A refund row as the Refunds view has it, so its keys (A, R) work where Enter opens it.
    public var refund: PendingRefund?

    public func secondsLeft(now: Int) -> Int { dueAt - now }
}

public struct DueOptions: Equatable, Sendable {
    /// How long after payment tickets must be issued; never later than departure. `BUSOPS_TICKET_DEADLINE_MINUTES`.
    public var ticketDeadlineSeconds: Int
    /// At most this many rows of each kind are read (the list shows the soonest of them).
    public var perKind: Int
    public init(ticketDeadlineSeconds: Int = 30 * 60, perKind: Int = 100) {
        self.ticketDeadlineSeconds = ticketDeadlineSeconds; self.perKind = perKind
    }

    /// The deadline from the environment (minutes), else 30 minutes (**decision**: PROTOCOL.md gives Fliggy's
    /// order flow no number; 30 min is the common OTA ticketing promise).
    public static func from(env: [String: String]) -> DueOptions {
        let minutes = env["BUSOPS_TICKET_DEADLINE_MINUTES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 30
        return DueOptions(ticketDeadlineSeconds: minutes * 60)
    }
}

extension Store {
    /// Every kind of due work, sorted by due time (then kind and id, so the order is stable).
    public func dueWork(now: Int, options: DueOptions = DueOptions()) throws -> [DueItem] {
        try db.read {
            let items = try dueTickets(now: now, options) + dueLocks(now: now, options) + dueRefunds(now: now, options)
                + dueCallbacks(now: now, options) + dueStopped(now: now, options)
            return items.sorted { ($0.dueAt, $0.kind.rawValue, $0.id) < ($1.dueAt, $1.kind.rawValue, $1.id) }
        }
    }

    static let dueRoute = "JOIN schedules s ON s.schedule_id = o.schedule_id JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code"

    /// The soonest deadlines min(paid + D, departure) are among the first N by payment and the first N by departure.
    func dueTickets(now: Int, _ o: DueOptions) throws -> [DueItem] {
        var byId: [Int64: DueItem] = [:]
        for index in ["orders_awaiting_by_paid", "orders_awaiting_by_departure"] {
            let order = index.hasSuffix("paid") ? "o.paid_at, o.departs_at, o.id" : "o.departs_at, o.id"
            let s = try db.prepare("""
                SELECT o.id, o.agent_order_id, fc.name, tc.name, coalesce(o.paid_at, o.created_at), o.departs_at
                FROM orders o INDEXED BY \(index) \(Store.dueRoute) WHERE o.status = 2 AND o.departs_at > ? ORDER BY \(order) LIMIT ?
                """)
            try s.bind([.of(now - 86400), .of(o.perKind)])
            for item in try s.all({ r in
                DueItem(kind: .ticket, id: r.text(1), route: r.text(2) + " → " + r.text(3),
                        dueAt: min(r.int(4) + o.ticketDeadlineSeconds, r.int(5)), what: "issue tickets", orderId: r.int64(0))
            }) { byId[item.orderId!] = item }
        }
        return Array(byId.values)
    }

    func dueLocks(now: Int, _ o: DueOptions) throws -> [DueItem] {
        let s = try db.prepare("""
            SELECT o.id, o.agent_order_id, fc.name, tc.name, h.expires_at, h.seats
            FROM seat_holds h INDEXED BY seat_holds_by_expiry JOIN orders o ON o.id = h.order_id \(Store.dueRoute)
            WHERE h.expires_at > ? ORDER BY h.expires_at LIMIT ?
            """)
        try s.bind([.of(now), .of(o.perKind)])
        return try s.all { r in
            DueItem(kind: .lock, id: r.text(1), route: r.text(2) + " → " + r.text(3), dueAt: r.int(4),
                    what: "seat lock (\(Plural.count(r.int(5), "seat"))) expires unpaid", orderId: r.int64(0))
        }
    }

    /// Pending refunds not yet at their cut-off, read from the queue in departure order; each is due when its fee
    /// tier changes (or at departure). A few times the page is read, as a later departure can have a sooner tier end.
    func dueRefunds(now: Int, _ o: DueOptions) throws -> [DueItem] {
        let s = try db.prepare("""
            SELECT \(Store.refundColumns), \(Store.queueColumns)
            FROM (SELECT departs_at, id FROM refunds INDEXED BY refunds_queue WHERE status = 'pending' AND departs_at > ?
                  ORDER BY departs_at, id LIMIT ?) w
            JOIN refund_queue r ON r.departs_at = w.departs_at AND r.id = w.id
            """)
        try s.bind([.of(now), .of(o.perKind * 3)])
        return try s.all { r in
            let p = Store.pendingRefund(r, now: now)
            let due = p.secondsToNextTier.map { now + $0 } ?? p.departsAt
            let what = p.currentFeePercent.map { "decide before the \($0) % fee tier ends" } ?? "decide: no refund tier now"
            return DueItem(kind: .refund, id: p.refund.refundId, route: p.fromCity + " → " + p.toCity, dueAt: min(due, p.departsAt),
                           what: what, orderId: p.refund.orderId, refundRowId: p.refund.id, refund: p)
        }
    }

    /// Dead letters are due since they died (the newest N); retries at their next attempt (the soonest N).
    func dueCallbacks(now: Int, _ o: DueOptions) throws -> [DueItem] {
        var out: [DueItem] = []
        for (where_, order, label) in [("c.state = 'failed'", "c.id DESC", "dead-lettered: Fliggy not told"),
                                       ("c.state = 'pending' AND c.attempts > 0", "c.next_attempt_at", "retrying")] {
            let s = try db.prepare("""
                SELECT c.id, c.method, c.order_id, c.updated_at, c.next_attempt_at, c.state, coalesce(fc.name || ' → ' || tc.name, '')
                FROM outbox c INDEXED BY outbox_due LEFT JOIN orders o ON o.id = c.order_id
                  LEFT JOIN schedules s ON s.schedule_id = o.schedule_id LEFT JOIN cities fc ON fc.code = s.from_city_code
                  LEFT JOIN cities tc ON tc.code = s.to_city_code
                WHERE \(where_) ORDER BY \(order) LIMIT ?
                """)
            try s.bind([.of(o.perKind)])
            out += try s.all { r in
                let method = r.text(1).replacingOccurrences(of: "taobao.bus.agent.", with: "")
                return DueItem(kind: .callback, id: "#\(r.int64(0))", route: r.text(6), dueAt: r.text(5) == "failed" ? r.int(3) : r.int(4),
                               what: "\(method) \(label)", orderId: r.isNull(2) ? nil : r.int64(2), callbackId: r.int64(0))
            }
        }
        return out
    }

    /// Stopped schedules (the partial index of the few) departing from a day ago on with a paid order still live.
    func dueStopped(now: Int, _ o: DueOptions) throws -> [DueItem] {
        let s = try db.prepare("""
            SELECT s.schedule_id, fc.name, tc.name, s.departs_at,
              (SELECT min(o.id) FROM orders o WHERE o.schedule_id = s.schedule_id AND o.status IN (2, 3, 9)),
              (SELECT count(*) FROM orders o WHERE o.schedule_id = s.schedule_id AND o.status IN (2, 3, 9))
            FROM schedules s INDEXED BY schedules_stopped JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
            WHERE s.on_sale = 0 AND s.departs_at > ? ORDER BY s.departs_at LIMIT ?
            """)
        try s.bind([.of(now - 86400), .of(o.perKind * 3)])
        return try s.all { r -> DueItem? in
            guard !r.isNull(4) else { return nil }
            return DueItem(kind: .stopped, id: r.text(0), route: r.text(1) + " → " + r.text(2), dueAt: r.int(3),
                           what: "stopped: \(Plural.count(r.int(5), "order")) not refunded", orderId: r.int64(4))
        }.compactMap { $0 }
    }
}
