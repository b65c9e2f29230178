/// Seats and the fare for one ride, for Fliggy's seat query (the lock uses the same `fare`).
public struct SeatQuote: Equatable, Sendable {
    public var seats: ScheduleSeats
    /// The schedule's day, yyyy-MM-dd (GMT+8).
    public var fromDate: String
    /// The segment's price when stops are given, else the schedule's.
    public var priceFen: Int
    /// Departure at the boarding stop (the schedule's departure without stops).
    public var departsAt: Int
}

extension Store {
    /// nil when the schedule does not exist; `SalesError.invalid` when it has no fare between the stops.
    public func seatQuote(scheduleId: String, fromStation: String?, toStation: String?) throws -> SeatQuote? {
        try db.read {
            guard let s = try scheduleSeats(scheduleId),
                  let day = try db.scalarText("SELECT from_date FROM schedules WHERE schedule_id = ?", .text(scheduleId)) else { return nil }
            guard let f = try fare(scheduleId, from: fromStation, to: toStation, basePrice: s.priceFen, departsAt: s.departsAt) else {
                throw SalesError.invalid("no fare from \(fromStation ?? "?") to \(toStation ?? "?") on \(scheduleId)")
            }
            return SeatQuote(seats: s, fromDate: day, priceFen: f.priceFen, departsAt: f.departsAt)
        }
    }
}
