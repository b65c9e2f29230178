/// Order, ticket and seat-counter writes for operator actions. Each runs inside the caller's IMMEDIATE
/// transaction so the domain change, its audit row and its outbox row commit together or not at all.
extension Store {
    /// Tickets issued by an operator: fetch info and vehicle on the order (status 3), tickets → 2 with seats.
    /// `seatNumbers`, when given, has one entry per ticket in ticket-id order.
    public func markIssued(orderId: Int64, fetch: FetchInfo, vehicle: VehicleInfo, seatNumbers: [String]?, now: Int) throws {
        try db.run("""
            UPDATE orders SET status = 3, fetch_no = ?, fetch_pwd = ?, gate = ?, fetch_address = ?, seat_numbers = coalesce(?, seat_numbers),
              qr_payload = ?, plate = ?, driver_name = ?, driver_phone = ?, vehicle_model = ?, vehicle_brand = ?,
              issued_at = ?, updated_at = ?, version = version + 1
            WHERE id = ?
            """, args: [.of(fetch.ticketNo), .of(fetch.ticketPwd), .of(fetch.gate), .of(fetch.address),
                        .of(seatNumbers?.joined(separator: ",")), .of(fetch.qrPayload), .of(vehicle.plate), .of(vehicle.driverName),
                        .of(vehicle.driverPhone), .of(vehicle.model), .of(vehicle.brand), .of(now), .of(now), .int(orderId)])
        let tickets = try self.tickets(orderId: orderId)
        for (k, t) in tickets.enumerated() {
            let seat = seatNumbers.map { $0[k] } ?? t.seatNo
            try db.run("UPDATE tickets SET status = 2, seat_no = ?, version = version + 1 WHERE id = ?", .of(seat), .int(t.id))
        }
    }

    /// Moves tickets to `status`; `offline` marks them refunded at the station (isRefund in Fliggy's order query).
    public func setTicketStatus(_ ticketIds: [Int64], to status: TicketStatus, offline: Bool = false) throws {
        for id in ticketIds {
            try db.run("""
                UPDATE tickets SET status = ?, is_offline_refund = CASE WHEN ? THEN 1 ELSE is_offline_refund END, version = version + 1
                WHERE id = ?
                """, .of(status.rawValue), .of(offline), .int(id))
        }
    }

    public func setOrderStatus(orderId: Int64, to status: OrderStatus, now: Int) throws {
        try db.run("UPDATE orders SET status = ?, updated_at = ?, lock_expires_at = NULL, version = version + 1 WHERE id = ?",
                   .of(status.rawValue), .of(now), .int(orderId))
    }

    /// The order status its tickets imply after a refund step: any ticket still refunding → 9; no ticket left
    /// on a seat → 11 (every ticket refunded); otherwise back to 3 (issued: the rest still travel).
    public func settledOrderStatus(orderId: Int64) throws -> OrderStatus {
        let refunding = try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status = 4", .int(orderId)) ?? 0
        if refunding > 0 { return .refunding }
        let seated = try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status IN (-1, 1, 2, 6)", .int(orderId)) ?? 0
        return seated == 0 ? .refunded : .issued
    }

    /// Seats go back on sale: the sold counter drops in the same transaction as the tickets that freed them.
    public func releaseSoldSeats(scheduleId: String, count: Int) throws {
        guard count > 0 else { return }
        try db.run("UPDATE schedules SET seats_sold = seats_sold - ?, version = version + 1 WHERE schedule_id = ?",
                   .of(count), .text(scheduleId))
    }

    /// Drops an unpaid order's seat hold; returns the seats released.
    @discardableResult
    public func releaseHold(orderId: Int64, scheduleId: String) throws -> Int {
        let seats = Int(try db.scalarInt("SELECT seats FROM seat_holds WHERE order_id = ?", .int(orderId)) ?? 0)
        guard seats > 0 else { return 0 }
        try db.run("DELETE FROM seat_holds WHERE order_id = ?", .int(orderId))
        try db.run("UPDATE schedules SET seats_held = seats_held - ?, version = version + 1 WHERE schedule_id = ?",
                   .of(seats), .text(scheduleId))
        return seats
    }
}
