/// Schedule writes for operator actions (stop, price, time), inside the caller's transaction.
extension Store {
    /// 停运: off sale with the official reason code and the text shown to buyers.
    public func stopSchedule(_ scheduleId: String, reasonCode: Int, reason: String) throws {
        try db.run("UPDATE schedules SET on_sale = 0, stop_reason = ?, stop_reason_code = ?, version = version + 1 WHERE schedule_id = ?",
                   .text(reason), .of(reasonCode), .text(scheduleId))
    }

    public func setSchedulePrice(_ scheduleId: String, priceFen: Int) throws {
        try db.run("UPDATE schedules SET price_fen = ?, version = version + 1 WHERE schedule_id = ?", .of(priceFen), .text(scheduleId))
    }

    /// Moves a departure: the schedule, its stop times and flowing window, and the departure time of every
    /// order on it shift by the same amount, so passengers see the time they will actually leave.
    public func moveSchedule(_ scheduleId: String, to departsAt: Int) throws {
        guard let old = try db.scalarInt("SELECT departs_at FROM schedules WHERE schedule_id = ?", .text(scheduleId)) else { return }
        let delta = Int64(departsAt) - old
        guard delta != 0 else { return }
        try db.run("""
            UPDATE schedules SET departs_at = departs_at + ?, window_end_at = window_end_at + ?, from_date = ?, version = version + 1
            WHERE schedule_id = ?
            """, .int(delta), .int(delta), .text(ChinaTime.date(departsAt)), .text(scheduleId))
        try db.run("UPDATE schedule_stops SET arrive_at = arrive_at + ?, depart_at = depart_at + ? WHERE schedule_id = ?",
                   .int(delta), .int(delta), .text(scheduleId))
        try db.run("UPDATE orders SET departs_at = departs_at + ?, version = version + 1 WHERE schedule_id = ?", .int(delta), .text(scheduleId))
    }

    /// The schedule's version after this transaction's changes (item.notify keys use it to stay unique).
    public func scheduleVersion(_ scheduleId: String) throws -> Int {
        Int(try db.scalarInt("SELECT version FROM schedules WHERE schedule_id = ?", .text(scheduleId)) ?? 0)
    }
}
