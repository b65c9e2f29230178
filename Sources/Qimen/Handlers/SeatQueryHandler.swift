import Store
import TOP

/// Seats left (63235): `scheduleId`, `fromDate`, `fromTime` (`HH:mm` or `HH:mm:ss`), optional `lineId` and station
/// codes. Answers `leftTicketCnt`, `ticketPrice` (a String of fen digits, the segment's when stations are given: the
/// page's type), `saleStatus`, and `startTime` (`yyyy-MM-dd HH:mm:ss`) only when the departure is not the one asked
/// for (docs/PROTOCOL.md 63235 decision); a flowing schedule (types 3, 4) takes any time in its window.
enum SeatQueryHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let scheduleId = try body.code("scheduleId")
        let date = try body.optionalDate("fromDate")
        let time = try body.optionalTime("fromTime")
        let from = try body.optionalCode("fromStationCode")
        let to = try body.optionalCode("toStationCode")
        guard (from == nil) == (to == nil) else {
            throw QimenFailure.invalid("fromStationCode and toStationCode go together")
        }
        guard let quote = try ctx.store.seatQuote(scheduleId: scheduleId, fromStation: from, toStation: to) else {
            throw QimenFailure(.scheduleNotFound, "schedule \(scheduleId) not found")
        }
        if let line = try body.optionalCode("lineId"), line != quote.seats.lineId {
            throw QimenFailure(.scheduleNotFound, "schedule \(scheduleId) does not belong to line \(line)")
        }
        var fields: [(String, JSON)] = [
            ("leftTicketCnt", .int(Int64(max(0, quote.seats.seatsLeft)))),
            ("ticketPrice", SalesJSON.fenText(quote.priceFen)),
            ("saleStatus", SalesJSON.saleStatus(quote.seats, now: ctx.now)),
        ]
        // Without a date and time to compare, the departure is always told.
        let asked = date.flatMap { d in time.map { "\(d) \($0)" } }
        if !(asked.map { Store.departureMatches($0, schedule: quote.seats, boardingAt: quote.departsAt) } ?? false) {
            fields.append(("startTime", SalesJSON.time(quote.departsAt)))
        }
        return fields
    }
}
