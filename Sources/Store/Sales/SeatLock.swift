/// Fliggy's create-order: an atomic seat lock. One IMMEDIATE transaction checks and takes the seats, so
/// concurrent requests never sell more than are left; a retried alitripOrderId returns the first answer.
extension Store {
    public func lockSeats(_ r: LockRequest, now: Int, lockSeconds: Int = 900) throws -> LockResult {
        try validate(r)
        return try db.transaction {
            if let existing = try existingLock(r.alitripOrderId) { return existing }
            try releaseExpiredHolds(now: now)
            guard let s = try scheduleSeats(r.scheduleId) else { throw SalesError.scheduleNotFound(r.scheduleId) }
            guard s.onSale else { throw SalesError.scheduleStopped(s.stopReason ?? "stopped") }
            guard let fare = try fare(r.scheduleId, from: r.fromStation, to: r.toStation, basePrice: s.priceFen, departsAt: s.departsAt) else {
                throw SalesError.invalid("no fare from \(r.fromStation ?? "?") to \(r.toStation ?? "?") on \(r.scheduleId)")
            }
            guard fare.departsAt > now else { throw SalesError.orderStateInvalid("schedule \(r.scheduleId) has departed") }
            if let t = r.startTime, ChinaTime.parseMinute(t) != fare.departsAt {
                throw SalesError.startTimeChanged(current: ChinaTime.minute(fare.departsAt))
            }
            let n = r.passengers.count
            let unit = fare.priceFen + s.serviceFeeFen
            if let amount = r.orderAmountFen, amount != unit * n { throw SalesError.priceChanged(currentFen: unit) }
            guard s.seatsLeft >= n else { throw SalesError.seatsInsufficient(left: s.seatsLeft) }
            let from = try r.fromStation ?? firstStop(r.scheduleId, last: false)
            let to = try r.toStation ?? firstStop(r.scheduleId, last: true)
            let id = Int(try db.scalarInt("SELECT coalesce(max(id), 0) + 1 FROM orders") ?? 1)
            let agentId = "BO" + Store.pad(id, 10)
            let expires = now + lockSeconds
            try db.run("""
                INSERT INTO orders (id, agent_order_id, main_biz_order_id, schedule_id, from_station, to_station, departs_at, contact_name,
                  contact_phone, ticket_count, total_fen, status, created_at, updated_at, lock_expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
                """, args: [.of(id), .text(agentId), .text(r.alitripOrderId), .text(r.scheduleId), .text(from), .text(to), .of(fare.departsAt),
                            .text(r.contactName), .text(r.contactPhone), .of(n), .of(unit * n), .of(now), .of(now), .of(expires)])
            var ticketId = Int(try db.scalarInt("SELECT coalesce(max(id), 0) FROM tickets") ?? 0)
            for p in r.passengers {
                ticketId += 1
                try db.run("""
                    INSERT INTO tickets (id, agent_ticket_id, order_id, passenger_id, name, cert_type, cert_no, phone, price_fen, service_fee_fen, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                    """, args: [.of(ticketId), .text("TK" + Store.pad(ticketId, 10)), .of(id), .text(p.passengerId), .text(p.name),
                                .of(p.certType), .text(p.certNo), .of(p.phone), .of(fare.priceFen), .of(s.serviceFeeFen)])
            }
            try db.run("INSERT INTO seat_holds (schedule_id, order_id, seats, expires_at) VALUES (?, ?, ?, ?)",
                       .text(r.scheduleId), .of(id), .of(n), .of(expires))
            try db.run("UPDATE schedules SET seats_held = seats_held + ?, version = version + 1 WHERE schedule_id = ?", .of(n), .text(r.scheduleId))
            try insertAudit(operatorName: "fliggy", source: "qimen", action: "order.create", entity: "order", entityId: agentId,
                            before: nil, after: "{\"status\":1,\"seats\":\(n),\"alitrip_order_id\":\"\(r.alitripOrderId)\"}", at: now)
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
        for p in r.passengers {
            guard PersonalData.isValidPassengerId(p.passengerId) else { throw SalesError.invalid("passengerId must be digits only") }
            guard !p.name.isEmpty, p.name.count <= 64 else { throw SalesError.invalid("passenger name is required") }
            if p.certType == 1 && !PersonalData.isValidResidentID(p.certNo) {
                throw SalesError.invalid("certNo of passenger \(p.passengerId) is not a valid 18-digit ID number")
            }
            if let ph = p.phone, !ph.isEmpty, !PersonalData.isValidPhone(ph) { throw SalesError.invalid("phone of passenger \(p.passengerId) is invalid") }
        }
        if Set(r.passengers.map(\.passengerId)).count != r.passengers.count { throw SalesError.invalid("passengerIds must be unique") }
    }

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

    static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(n)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
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
                            before: "{\"status\":1}", after: "{\"status\":5}", at: now)
        }
        return expired.count
    }

    /// Expires locks in their own transaction (the `serve` sweeper calls this).
    @discardableResult
    public func sweepExpiredHolds(now: Int) throws -> Int {
        try db.transaction { try releaseExpiredHolds(now: now) }
    }
}
