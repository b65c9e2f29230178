/// Writes one demo order with everything that hangs off it, through statements prepared once.
struct DemoWriter {
    let db: Connection
    let now: Int
    var orderStmt: Statement!
    var ticketStmt: Statement!
    var holdStmt: Statement!
    var refundStmt: Statement!
    var outboxStmt: Statement!
    var auditStmt: Statement!
    var ticketSeq: Int64 = 0
    var refundSeq: Int64 = 0
    /// Outbox ids are given, in the order SQLite would give them: the generator names the id in each callback's
    /// attempt (an audit row, DemoRefunds' `attempt`), which another thread writes.
    var outboxSeq: Int64 = 0
    /// When set, rows go to writer threads (the pipe for each kind, by `Kind.rawValue`) instead of straight to SQLite.
    var pipes: [DemoPipe]?
    /// Set while writing the newest orders (DemoOrders.cycle), which must show every state whatever the draw.
    var newestOrder = false

    init(db: Connection, now: Int) { self.db = db; self.now = now }

    mutating func prepare() throws {
        ticketSeq = try db.scalarInt("SELECT coalesce(max(id), 0) FROM tickets") ?? 0
        refundSeq = try db.scalarInt("SELECT coalesce(max(id), 0) FROM refunds") ?? 0
        outboxSeq = try db.scalarInt("SELECT coalesce(max(id), 0) FROM outbox") ?? 0
        orderStmt = try db.prepare(DemoWriter.insertSQL(.order))
        ticketStmt = try db.prepare(DemoWriter.insertSQL(.ticket))
        holdStmt = try db.prepare(DemoWriter.insertSQL(.hold))
        refundStmt = try db.prepare(DemoWriter.insertSQL(.refund))
        outboxStmt = try db.prepare(DemoWriter.insertSQL(.outbox))
        auditStmt = try db.prepare(DemoWriter.insertSQL(.audit))
    }

    /// The INSERT for one kind of row, with `rows` value tuples (the bulk load inserts several rows per step).
    /// Each tuple has a `?` per column, so the columns are listed once and cannot drift from their placeholders.
    static func insertSQL(_ kind: DemoPipe.Kind, rows: Int = 1) -> String {
        let (table, columns): (String, String)
        var fixed: [String: String] = [:]
        switch kind {
        case .order:
            table = "orders"
            columns = """
                id, agent_order_id, main_biz_order_id, alipay_trade_no, schedule_id, from_station, to_station, departs_at,
                contact_name, contact_phone, ticket_count, total_fen, status, fetch_no, fetch_pwd, gate, fetch_address,
                seat_numbers, qr_payload, plate, driver_name, driver_phone, vehicle_model, vehicle_brand, created_at,
                updated_at, paid_at, issued_at, lock_expires_at
                """
        case .ticket:
            table = "tickets"
            columns = """
                id, agent_ticket_id, order_id, passenger_id, name, cert_type, cert_no, phone, seat_no, price_fen,
                service_fee_fen, status, is_offline_refund, ticket_no, ticket_pwd
                """
            fixed["cert_type"] = "1"   // every demo passenger travels on a resident ID card
        case .hold:
            table = "seat_holds"
            columns = "schedule_id, order_id, seats, expires_at"
        case .refund:
            // departs_at is the order's, as the refunds_copy_departure trigger would copy it (the bulk load drops
            // the trigger while it runs).
            table = "refunds"
            columns = """
                id, refund_id, order_id, ticket_id, source, scene, reason_code, reason, paid_fen, fee_fen, amount_fen,
                status, idempotency_key, result_code, requested_at, decided_at, decided_by, departs_at
                """
        case .outbox:
            table = "outbox"
            columns = """
                id, method, order_id, refund_id, idempotency_key, params, state, attempts, next_attempt_at,
                last_http_status, last_code, last_sub_code, last_msg, created_at, updated_at
                """
        case .audit:
            table = "audit"
            columns = "at, operator, source, action, entity, entity_id, before, after"
        }
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let tuple = "(" + names.map { fixed[$0] ?? "?" }.joined(separator: ",") + ")"
        return "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ",")
    }

    static func exec(_ s: Statement, _ args: [SQLValue]) throws {
        try s.bind(args)
        _ = try s.step()
        s.reset()
    }

    func emit(_ kind: DemoPipe.Kind, _ args: [SQLValue]) throws {
        if let pipes { pipes[kind.rawValue].push(kind, args); return }
        try DemoWriter.exec(statement(kind), args)
    }

    func statement(_ kind: DemoPipe.Kind) -> Statement {
        switch kind {
        case .order: return orderStmt
        case .ticket: return ticketStmt
        case .hold: return holdStmt
        case .refund: return refundStmt
        case .outbox: return outboxStmt
        case .audit: return auditStmt
        }
    }

    /// Agent (merchant) order ids are ours; Fliggy's ids look like its long numeric order numbers.
    static func agentOrderId(_ id: Int) -> String { "BO" + Digits.pad(id, 10) }
    static func fliggyOrderId(_ id: Int) -> String { String(3_900_000_000_000_000 + id * 7919) }

    struct TicketPlan { var status: TicketStatus; var offline = false }

    /// Returns the seats the order occupies as sold (not held).
    mutating func order(index: Int, slot: DemoSchedules.Slot, seats: Int, status: OrderStatus, created: Int,
                        rng: inout DemoRandom) throws -> Int {
        let line = slot.line
        let board = line.stops.count > 2 && rng.chance(25) ? 1 : 0
        let alight = line.stops.count - 1 - (line.stops.count > 2 && board == 0 && rng.chance(20) ? 1 : 0)
        let price = DemoSchedules.segmentPrice(line, board, alight)
        let fee = line.basePriceFen % 3 == 0 ? 0 : 500
        let departs = slot.departsAt + line.minutes[board] * 60
        let people = (0..<seats).map { _ in DemoPeople.person(&rng) }
        let agentId = DemoWriter.agentOrderId(index)
        let fliggyId = DemoWriter.fliggyOrderId(index)
        let issued = [.issued, .refunding, .refunded].contains(status)
        let paid = status != .awaitingPayment && status != .cancelled
        let fetchNo = issued ? "T" + Digits.pad(index * 37 % 100_000_000, 8) : nil
        let fetchPwd = issued ? Digits.pad(rng.int(1_000_000), 6) : nil
        let gate = issued ? "\(["A", "B", "C"][rng.int(3)])\(rng.int(in: 1...12))" : nil
        let seatBase = slot.sold + slot.held
        let seatNumbers = issued ? (1...seats).map { String(seatBase + $0) }.joined(separator: ",") : nil
        let (brand, model) = rng.pick(DemoGeography.vehicles)
        let plate = issued ? rng.pick(DemoGeography.plates) + Digits.pad(rng.int(100_000), 5) : nil
        let issuedAt = issued ? min(now, created + 120 + rng.int(600)) : nil
        let total = seats * (price + fee)
        try emit(.order, [
            .of(index), .text(agentId), .text(fliggyId), .of(paid ? "2026" + Digits.pad(index, 24) : nil), .text(slot.id),
            .text(line.stops[board]), .text(line.stops[alight]), .of(departs), .text(people[0].name), .text(people[0].phone),
            .of(seats), .of(total), .of(status.rawValue), .of(fetchNo), .of(fetchPwd), .of(gate),
            .of(issued ? DemoSchedules.stationAddress(line.stops[board]) : nil), .of(seatNumbers),
            .of(fetchNo.map { "BUSOPS|\(agentId)|\($0)" }), .of(plate), .of(issued ? rng.pick(DemoGeography.surnames) + "师傅" : nil),
            .of(issued ? rng.pick(DemoGeography.phonePrefixes) + Digits.pad(rng.int(100_000_000), 8) : nil),
            .of(issued ? model : nil), .of(issued ? brand : nil), .of(created), .of(issuedAt ?? created),
            .of(paid ? created + 60 : nil), .of(issuedAt), .of(status == .awaitingPayment ? max(created + 900, now + 600) : nil)])

        var plans = ticketPlans(status: status, seats: seats, rng: &rng)
        var ticketIds: [Int64] = []
        for (k, person) in people.enumerated() {
            ticketSeq += 1
            ticketIds.append(ticketSeq)
            let t = plans[k]
            try emit(.ticket, [
                .int(ticketSeq), .text("TK" + Digits.pad(Int(ticketSeq), 10)), .of(index), .text(String(k + 1)),
                .text(person.name), .text(person.certNo), .text(person.phone), .of(issued ? String(seatBase + k + 1) : nil),
                .of(price), .of(fee), .of(t.status.rawValue), .of(t.offline),
                .of(issued ? "E" + Digits.pad(Int(ticketSeq) * 13 % 1_000_000_000, 9) : nil),
                .of(issued ? Digits.pad(rng.int(1_000_000), 6) : nil)])
        }
        if status == .awaitingPayment {
            try emit(.hold, [.text(slot.id), .of(index), .of(seats), .of(max(created + 900, now + 600))])
        }
        let ctx = RefundContext(orderId: index, agentId: agentId, fliggyId: fliggyId, departs: departs, created: created,
                                unitPaid: price + fee, seats: seats, rules: slot.rules, perOrder: slot.isOrderRefund,
                                people: people, ticketIds: ticketIds)
        try refunds(ctx, status: status, stopped: slot.stopped, plans: &plans, rng: &rng)
        if issued && (rng.chance(30) || newestOrder && status == .issued) || status == .awaitingTicket {
            try bookTicketCallback(ctx, fetchNo: fetchNo, gate: gate, issuedAt: issuedAt ?? created, pending: status == .awaitingTicket)
        }
        return plans.filter { [.issuing, .issued, .refunding, .refundFailed, .unknown].contains($0.status) }.count
            * (paid ? 1 : 0) * ([.awaitingTicket, .issued, .refunding].contains(status) ? 1 : 0)
    }

    func ticketPlans(status: OrderStatus, seats: Int, rng: inout DemoRandom) -> [TicketPlan] {
        let base: TicketStatus
        switch status {
        case .awaitingPayment, .awaitingTicket: base = .issuing
        case .issued: base = .issued
        case .closed, .cancelled: base = .noTicket
        case .refunding: base = .refunding
        case .refunded: base = .refunded
        }
        var plans = Array(repeating: TicketPlan(status: base), count: seats)
        if status == .issued {
            let r = rng.int(100)
            if r < 3 { plans[0].status = .unknown }
            else if r < 7 { plans[seats - 1].status = .refundFailed }
            else if r < 11 && seats > 1 { plans[seats - 1] = TicketPlan(status: .refunded, offline: true) }
        }
        return plans
    }
}
