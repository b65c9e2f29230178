/// The Dashboard's figures (issue 13), read from migrations 7 and 9's aggregate tables only: about a hundred small rows
/// in one read transaction, never a scan of orders, refunds or the outbox (Schema7.swift says what each holds).
public struct DashboardData: Equatable, Sendable {
    public struct Hour: Equatable, Sendable {
        public var orders = 0, tickets = 0
        public init(orders: Int = 0, tickets: Int = 0) { self.orders = orders; self.tickets = tickets }
    }
    public struct Seats: Equatable, Sendable {
        public var total = 0, sold = 0, held = 0
        public var left: Int { total - sold - held }
        public init(total: Int = 0, sold: Int = 0, held: Int = 0) { self.total = total; self.sold = sold; self.held = held }
    }
    public struct Calls: Equatable, Sendable {
        public var sent = 0, retried = 0, dead = 0
        /// The hour's sent callbacks by time to acknowledge, `AckLatency`'s buckets (migration 9).
        public var acks: [Int] = Array(repeating: 0, count: AckLatency.buckets)
        public init(sent: Int = 0, retried: Int = 0, dead: Int = 0, acks: [Int]? = nil) {
            self.sent = sent; self.retried = retried; self.dead = dead
            if let acks { self.acks = acks }
        }
        /// Sent over sent + dead-lettered in the hour; nil when none finished.
        public var success: Double? { sent + dead == 0 ? nil : Double(sent) / Double(sent + dead) }
        /// The `AckLatency` bucket of the hour's p95 time to acknowledge; nil when none was sent.
        public var ackP95: Int? { AckLatency.percentileBucket(acks) }
    }
    public struct Pending: Equatable, Sendable {
        public var refunds = 0, paidFen = 0
        public init(refunds: Int = 0, paidFen: Int = 0) { self.refunds = refunds; self.paidFen = paidFen }
    }
    public struct Traffic: Equatable, Sendable {
        public var interface: String
        public var perMinute: [Int]           // the last 60 minutes, oldest first
        public var requests = 0, errors = 0   // over those minutes
        public init(interface: String, perMinute: [Int], requests: Int = 0, errors: Int = 0) {
            self.interface = interface; self.perMinute = perMinute; self.requests = requests; self.errors = errors
        }
    }

    public var day: Int                       // GMT+8 midnight of today
    public var now: Int
    public var today: [Hour] = Array(repeating: Hour(), count: 24)
    public var lastWeek: [Hour] = Array(repeating: Hour(), count: 24)
    public var departuresToday: [Seats] = Array(repeating: Seats(), count: 24)
    public var departuresTomorrow: [Seats] = Array(repeating: Seats(), count: 24)
    /// < 15 min, < 1 h, < 4 h, older.
    public var pending: [Pending] = Array(repeating: Pending(), count: 4)
    public var calls: [Calls] = Array(repeating: Calls(), count: 24)
    public var traffic: [Traffic] = []
    public var soldFen = 0, refundedFen = 0, feesFen = 0, paidOrders = 0, refunds = 0

    public init(day: Int, now: Int) { self.day = day; self.now = now }

    public var pendingTotal: Pending {
        pending.reduce(into: Pending()) { $0.refunds += $1.refunds; $0.paidFen += $1.paidFen }
    }
    /// The `AckLatency` bucket of today's p95 time to acknowledge (all hours' histograms together).
    public var ackP95: Int? {
        AckLatency.percentileBucket(calls.reduce(into: Array(repeating: 0, count: AckLatency.buckets)) { all, c in
            for (i, n) in c.acks.enumerated() { all[i] += n }
        })
    }

    /// Sent over sent + dead-lettered today; nil before any callback finished.
    public var callbackSuccess: Double? {
        let s = calls.reduce(0) { $0 + $1.sent }, d = calls.reduce(0) { $0 + $1.dead }
        return s + d == 0 ? nil : Double(s) / Double(s + d)
    }
}

extension Store {
    public func dashboard(now: Int) throws -> DashboardData {
        let day = ChinaTime.startOfDay(now)
        var d = DashboardData(day: day, now: now)
        try db.read {
            let h0 = day / 3600, w0 = (day - 7 * 86400) / 3600
            let hours = try db.prepare("""
                SELECT hour, orders, tickets, paid_orders, paid_fen, refunds, refunded_fen, fees_fen FROM dash_hours
                WHERE hour BETWEEN ?1 AND ?1 + 23 OR hour BETWEEN ?2 AND ?2 + 23
                """)
            try hours.bind([.of(h0), .of(w0)])
            while try hours.step() {
                let h = hours.int(0)
                if h >= h0 {
                    d.today[h - h0] = .init(orders: hours.int(1), tickets: hours.int(2))
                    d.paidOrders += hours.int(3); d.soldFen += hours.int(4); d.refunds += hours.int(5)
                    d.refundedFen += hours.int(6); d.feesFen += hours.int(7)
                } else {
                    d.lastWeek[h - w0] = .init(orders: hours.int(1), tickets: hours.int(2))
                }
            }
            let seats = try db.prepare("SELECT from_date, hour, seats_total, seats_sold, seats_held FROM dash_departures WHERE from_date IN (?, ?)")
            let today = ChinaTime.date(day), tomorrow = ChinaTime.date(day + 86400)
            try seats.bind([.text(today), .text(tomorrow)])
            while try seats.step() {
                let s = DashboardData.Seats(total: seats.int(2), sold: seats.int(3), held: seats.int(4))
                if seats.text(0) == today { d.departuresToday[seats.int(1)] = s } else { d.departuresTomorrow[seats.int(1)] = s }
            }
            let m = now / 60
            let pending = try db.prepare("SELECT coalesce(sum(refunds), 0), coalesce(sum(paid_fen), 0) FROM dash_pending WHERE minute > ? AND minute <= ?")
            for (i, (from, to)) in [(15, 0), (60, 15), (240, 60)].enumerated() {
                try pending.bind([.of(m - from), .of(m - to)])
                _ = try pending.step()
                d.pending[i] = .init(refunds: pending.int(0), paidFen: pending.int(1))
                // Not stepped to its end: reset, or the statement would keep this read's snapshot open and every
                // later read on the connection would see the store as it is now (other processes' commits unseen).
                pending.reset()
            }
            // Older: all pending (the counters) less the three recent buckets, so no row older than 4 h is read.
            let all = Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending'") ?? 0)
            let allFen = Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'refunds_pending_fen'") ?? 0)
            let recent = d.pending[0...2].reduce(into: DashboardData.Pending()) { $0.refunds += $1.refunds; $0.paidFen += $1.paidFen }
            d.pending[3] = .init(refunds: all - recent.refunds, paidFen: allFen - recent.paidFen)
            let calls = try db.prepare("SELECT hour, sent, retried, dead FROM dash_callbacks WHERE hour BETWEEN ? AND ?")
            try calls.bind([.of(h0), .of(h0 + 23)])
            while try calls.step() { d.calls[calls.int(0) - h0] = .init(sent: calls.int(1), retried: calls.int(2), dead: calls.int(3)) }
            let acks = try db.prepare("SELECT hour, bucket, sent FROM dash_acks WHERE hour BETWEEN ? AND ?")
            try acks.bind([.of(h0), .of(h0 + 23)])
            while try acks.step() {
                guard acks.int(1) >= 0, acks.int(1) < AckLatency.buckets else { continue }
                d.calls[acks.int(0) - h0].acks[acks.int(1)] += acks.int(2)
            }
            let traffic = try db.prepare("SELECT minute, interface, requests, errors FROM qimen_minutes WHERE minute > ? AND minute <= ? ORDER BY interface")
            try traffic.bind([.of(m - 60), .of(m)])
            var byName: [String: DashboardData.Traffic] = [:]
            while try traffic.step() {
                let name = traffic.text(1)
                var t = byName[name] ?? .init(interface: name, perMinute: Array(repeating: 0, count: 60))
                t.perMinute[traffic.int(0) - (m - 59)] = traffic.int(2)
                t.requests += traffic.int(2); t.errors += traffic.int(3)
                byName[name] = t
            }
            d.traffic = byName.values.sorted { $0.requests != $1.requests ? $0.requests > $1.requests : $0.interface < $1.interface }
        }
        return d
    }

    /// Qimen requests into the per-minute counters every console reads (`busops serve` batches a second's requests,
    /// issue 13): one UPSERT per minute and interface seen, in one short transaction.
    public func addQimenTraffic(_ counts: [QimenMinuteCount]) throws {
        guard !counts.isEmpty else { return }
        try db.transaction {
            for c in counts {
                try db.run("""
                    INSERT INTO qimen_minutes (minute, interface, requests, errors) VALUES (?, ?, ?, ?)
                    ON CONFLICT (minute, interface) DO UPDATE SET requests = requests + excluded.requests, errors = errors + excluded.errors
                    """, .of(c.minute), .text(c.interface), .of(c.requests), .of(c.errors))
            }
        }
    }
}

public struct QimenMinuteCount: Equatable, Sendable {
    public var minute: Int, interface: String, requests: Int, errors: Int
    public init(minute: Int, interface: String, requests: Int, errors: Int) {
        self.minute = minute; self.interface = interface; self.requests = requests; self.errors = errors
    }
}
