import Store
import TOP

/// Seats left and the current price (63235). The price is the segment's when boarding and
/// alighting stops are given, as a fen string (the public page's type); `startTime` is the
/// departure at the boarding stop, which is what Fliggy compares when the order is created.
enum SeatQueryHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let scheduleId = try body.code("scheduleId")
        let date = try body.json["fromDate"] == nil ? nil : body.date("fromDate")
        let from = try body.optionalCode("fromStationCode")
        let to = try body.optionalCode("toStationCode")
        guard (from == nil) == (to == nil) else {
            throw QimenFailure.invalid("fromStationCode and toStationCode go together")
        }
        guard let quote = try ctx.store.seatQuote(scheduleId: scheduleId, fromStation: from, toStation: to) else {
            throw QimenFailure(.scheduleNotFound, "schedule \(scheduleId) not found")
        }
        if let date, date != quote.fromDate {
            throw QimenFailure(.scheduleNotFound, "schedule \(scheduleId) departs on \(quote.fromDate), not \(date)")
        }
        return [
            ("scheduleId", .string(scheduleId)),
            ("leftTicketCnt", .int(Int64(max(0, quote.seats.seatsLeft)))),
            ("ticketPrice", .string(String(quote.priceFen))),
            ("servicePrice", .string(String(quote.seats.serviceFeeFen))),
            ("startTime", SalesJSON.time(quote.departsAt)),
            ("saleStatus", SalesJSON.saleStatus(quote.seats, now: ctx.now)),
        ]
    }
}
