/// Fliggy's create-order: an atomic seat lock. One IMMEDIATE transaction checks and takes the seats, so
/// concurrent requests never sell more than are left; a retried alitripOrderId returns the first answer.
extension Store {
    public func lockSeats(_ r: LockRequest, now: Int, lockSeconds: Int = 900) throws -> LockResult {
        try validate(r)
        return try db.transaction {
            if let existing = try existingLock(r.alitripOrderId) { return existing }
            try releaseExpiredHolds(now: now)
            guard let s = try scheduleSeats(r.scheduleId) else { throw SalesError.scheduleNotFound(r.scheduleId) }
            if let line = r.lineId, line != s.lineId {
                throw SalesError.invalid("lineId \(line) does not run schedule \(r.scheduleId) (line \(s.lineId))")
            }
            guard s.onSale else { throw SalesError.scheduleStopped(s.stopReason ?? "stopped") }
            guard let fare = try fare(r.scheduleId, from: r.fromStation, to: r.toStation, basePrice: s.priceFen, departsAt: s.departsAt) else {
                throw SalesError.invalid("no fare from \(r.fromStation ?? "?") to \(r.toStation ?? "?") on \(r.scheduleId)")
            }
            guard fare.departsAt > now else { throw SalesError.orderStateInvalid("schedule \(r.scheduleId) has departed") }
            if let t = r.startTime { try checkDeparture(t, schedule: s, boardingAt: fare.departsAt) }
            let n = r.passengers.count
            let prices = try r.passengers.map { try paidFare($0, fare: fare.priceFen, serviceFen: s.serviceFeeFen) }
            if let ticket = r.ticketAmountFen, ticket != fare.priceFen && ticket != fare.priceFen + s.serviceFeeFen {
                throw SalesError.priceChanged(currentFen: fare.priceFen)
            }
            let total = prices.reduce(0, +) + s.serviceFeeFen * n
            if let amount = r.orderAmountFen, amount != total { throw SalesError.priceChanged(currentFen: fare.priceFen) }
            guard s.seatsLeft >= n else { throw SalesError.seatsInsufficient(left: s.seatsLeft) }
            let from = try r.fromStation ?? firstStop(r.scheduleId, last: false)
            let to = try r.toStation ?? firstStop(r.scheduleId, last: true)
            let id = Int(try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM orders") ?? 1)
            let agentId = "BO" + Digits.pad(id, 10)
            let expires = now + lockSeconds
            try db.run("""
                INSERT INTO orders (id, agent_order_id, main_biz_order_id, schedule_id, from_station, to_station, departs_at, contact_name,
                  contact_phone, ticket_count, total_fen, status, created_at, updated_at, lock_expires_at, alipay_trade_no, goods_id,
                  contact_cert_type, contact_cert_no)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?)
                """, args: [.of(id), .text(agentId), .text(r.alitripOrderId), .text(r.scheduleId), .text(from), .text(to), .of(fare.departsAt),
                            .text(r.contactName), .text(r.contactPhone), .of(n), .of(total), .of(now), .of(now), .of(expires),
                            .of(r.alipayTradeNo), .of(r.goodsId), .of(r.contactCertType), .of(r.contactCertNo)])
            var ticketId = Int(try db.scalarInt("SELECT coalesce(max(id), 0) FROM tickets") ?? 0)
            for (k, p) in r.passengers.enumerated() {
                ticketId += 1
                // Digit-only ids: the refund interfaces carry them and the guide allows digits only (docs/PROTOCOL.md
                // "Shared rules": passengerId); 12 digits without a leading zero so a numeric reader keeps them whole.
                try db.run("""
                    INSERT INTO tickets (id, agent_ticket_id, order_id, passenger_id, name, cert_type, cert_no, phone, price_fen,
                      service_fee_fen, status, passenger_type)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    """, args: [.of(ticketId), .text(Store.digitTicketId(ticketId)), .of(id), .text(p.passengerId ?? String(ticketId)),
                                .text(p.name), .of(p.certType), .text(p.certNo), .of(p.phone), .of(prices[k]), .of(s.serviceFeeFen),
                                .of(p.passengerType)])
            }
            try db.run("INSERT INTO seat_holds (schedule_id, order_id, seats, expires_at) VALUES (?, ?, ?, ?)",
                       .text(r.scheduleId), .of(id), .of(n), .of(expires))
            try db.run("UPDATE schedules SET seats_held = seats_held + ?, version = version + 1 WHERE schedule_id = ?", .of(n), .text(r.scheduleId))
            try insertAudit(operatorName: "fliggy", source: "qimen", action: "order.create", entity: "order", entityId: agentId,
                            before: nil, after: JSON.object([("status", 1), ("seats", .int(Int64(n))), ("alitrip_order_id", .string(r.alitripOrderId))]).compactText, at: now)
            return LockResult(agentOrderId: agentId, status: .awaitingPayment, lockExpiresAt: expires, replayed: false)
        }
    }

    func validate(_ r: LockRequest) throws {
        guard !r.alitripOrderId.isEmpty, r.alitripOrderId.count <= 64, r.alitripOrderId.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else {
            throw SalesError.invalid("alitripOrderId must be 1–64 letters or digits")
        }
        guard (1...9).contains(r.passengers.count) else { throw SalesError.invalid("1 to 9 passengers per order") }
        guard !r.contactName.isEmpty, r.contactName.count <= 64 else { throw SalesError.invalid("contactName is required") }
        guard PersonalData.isValidPhone(r.contactPhone) else { throw SalesError.invalid("contactPhone must be an 11-digit mobile number") }
        for (k, p) in r.passengers.enumerated() {
            let who = "passengerList[\(k)]"
            if let pid = p.passengerId, !PersonalData.isValidPassengerId(pid) { throw SalesError.invalid("\(who).passengerId must be digits only") }
            guard !p.name.isEmpty, p.name.count <= 64 else { throw SalesError.invalid("\(who).passengerName is required") }
            guard (0...1).contains(p.passengerType) else { throw SalesError.invalid("\(who).passengerType must be 0 ordinary or 1 child") }
            if let price = p.ticketPriceFen, price < 0 { throw SalesError.invalid("\(who).ticketPrice must not be negative") }
            // Anonymous tickets carry the contact's certificate, which may be absent.
            if !(r.anonymous && p.certNo.isEmpty) {
                guard !p.certNo.isEmpty else { throw SalesError.invalid("\(who).passengerCertificateNo is required") }
                if p.certType == 1 && !PersonalData.isValidResidentID(p.certNo) {
                    throw SalesError.invalid("\(who).passengerCertificateNo is not a valid 18-digit resident ID number")
                }
            }
            if let ph = p.phone, !ph.isEmpty, !PersonalData.isValidPhone(ph) { throw SalesError.invalid("\(who) phone is invalid") }
        }
        let given = r.passengers.compactMap(\.passengerId)
        if Set(given).count != given.count { throw SalesError.invalid("passengerIds must be unique") }
        if !r.anonymous {
            let certs = r.passengers.map { "\($0.certType)/\($0.certNo)" }
            if Set(certs).count != certs.count { throw SalesError.invalid("a passenger is listed twice (same certificate)") }
        }
    }

    /// The departure Fliggy saw must still be the schedule's (seed 000: a changed departure fails the order). Compared
    /// to the minute: line times are `HH:mm` on the public pages and 63228's `HH:mm:ss` carries `:00`. Either the
    /// line's departure or the boarding stop's is accepted (the pages do not say which 63228 carries); a flowing
    /// schedule (types 3, 4) takes any time in its window.
    func checkDeparture(_ text: String, schedule s: ScheduleSeats, boardingAt: Int) throws {
        guard ChinaTime.parseDateTime(text) != nil else { throw SalesError.invalid("fromDate/fromTime must be yyyy-MM-dd and HH:mm[:ss]") }
        guard Store.departureMatches(text, schedule: s, boardingAt: boardingAt) else {
            throw SalesError.startTimeChanged(current: ChinaTime.second(boardingAt))
        }
    }

    /// True when `text` (`yyyy-MM-dd HH:mm[:ss]`) is still a departure of the schedule (see `checkDeparture`).
    public static func departureMatches(_ text: String, schedule s: ScheduleSeats, boardingAt: Int) -> Bool {
        guard let sent = ChinaTime.parseDateTime(text) else { return false }
        let minute = sent - sent % 60
        if minute == s.departsAt - s.departsAt % 60 || minute == boardingAt - boardingAt % 60 { return true }
        guard let end = s.windowEndAt, s.fromTimeType == 3 || s.fromTimeType == 4 else { return false }
        let shift = boardingAt - s.departsAt
        let start = s.departsAt - s.departsAt % 60
        return (start...max(start, end)).contains(minute) || (start + shift...max(start, end) + shift).contains(minute)
    }

    /// What one passenger pays for the ride, fen, service fee apart. An ordinary ticket costs the fare (Fliggy may
    /// quote it with the service fee in); a child's may be lower, never higher. Anything else means Fliggy's copy of
    /// the price is out of date (`price-changed`, guide: Fliggy blocks a changed price).
    func paidFare(_ p: LockPassenger, fare: Int, serviceFen: Int) throws -> Int {
        guard let sent = p.ticketPriceFen else { return fare }
        let price = serviceFen > 0 && sent == fare + serviceFen ? fare : sent
        if p.passengerType == 0 ? price != fare : price > fare { throw SalesError.priceChanged(currentFen: fare) }
        return price
    }

    /// Digit-only merchant ticket id for Fliggy (12 digits, no leading zero).
    static func digitTicketId(_ rowid: Int) -> String { String(100_000_000_000 + rowid) }

    func existingLock(_ alitripOrderId: String) throws -> LockResult? {
        let s = try db.prepare("SELECT agent_order_id, status, lock_expires_at FROM orders WHERE main_biz_order_id = ?")
        try s.bind([.text(alitripOrderId)])
        return try s.all { LockResult(agentOrderId: $0.text(0), status: OrderStatus(rawValue: $0.int(1)) ?? .awaitingPayment,
                                      lockExpiresAt: $0.optionalInt(2), replayed: true) }.first
    }

    func firstStop(_ scheduleId: String, last: Bool) throws -> String {
        try db.scalarText("SELECT station_code FROM schedule_stops WHERE schedule_id = ? ORDER BY seq \(last ? "DESC" : "ASC") LIMIT 1",
                          .text(scheduleId)) ?? ""
    }

    /// Unpaid locks past their time are cancelled (status 5) and their seats go back on sale.
    @discardableResult
    public func releaseExpiredHolds(now: Int) throws -> Int {
        // INDEXED BY: statistics gathered while the table was tiny (the demo's ANALYZE) must not turn this hot query,
        // run inside every seat lock, into a full scan once thousands of unpaid locks pile up.
        let s = try db.prepare("SELECT h.order_id, h.seats, h.schedule_id, o.agent_order_id FROM seat_holds h INDEXED BY seat_holds_by_expiry JOIN orders o ON o.id = h.order_id WHERE h.expires_at <= ?")
        try s.bind([.of(now)])
        let expired = try s.all { ($0.int64(0), $0.int(1), $0.text(2), $0.text(3)) }
        for (orderId, seats, schedule, agentId) in expired {
            try db.run("DELETE FROM seat_holds WHERE order_id = ?", .int(orderId))
            try db.run("UPDATE schedules SET seats_held = seats_held - ?, version = version + 1 WHERE schedule_id = ?", .of(seats), .text(schedule))
            try db.run("UPDATE orders SET status = 5, updated_at = ?, version = version + 1 WHERE id = ? AND status = 1", .of(now), .int(orderId))
            try db.run("UPDATE tickets SET status = 3, version = version + 1 WHERE order_id = ?", .int(orderId))
            try insertAudit(operatorName: "busops", source: "lock-expiry", action: "order.lock-expired", entity: "order", entityId: agentId,
                            before: JSON.status(1), after: JSON.status(5), at: now)
        }
        return expired.count
    }

    /// Expires locks in their own transaction (the `serve` sweeper calls this).
    @discardableResult
    public func sweepExpiredHolds(now: Int) throws -> Int {
        try db.transaction { try releaseExpiredHolds(now: now) }
    }
}
