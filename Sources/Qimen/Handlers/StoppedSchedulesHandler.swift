import Store
import TOP

/// Stopped schedules (63223, page): optional `fromCity` / `toCity` (names or codes), `fromStationCode` /
/// `toStationCode` (codes or names: the page's samples put names there), `fromDateTimeBegin` / `fromDateTimeEnd`
/// (`yyyy-MM-dd HH:mm:ss`, inclusive; absent = unbounded). Answers `lineSchedule[{scheduleId, line}]`, one element per
/// stopped dated schedule (docs/PROTOCOL.md 63223 decisions).
enum StoppedSchedulesHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let fromCodes = try body.optionalString("fromCity").map { try ctx.store.cityCodes(matching: $0) }
        let toCodes = try body.optionalString("toCity").map { try ctx.store.cityCodes(matching: $0) }
        let fromStation = try body.optionalString("fromStationCode")
        let toStation = try body.optionalString("toStationCode")
        let begin = try body.optionalDateTime("fromDateTimeBegin")
        let end = try body.optionalDateTime("fromDateTimeEnd", endOfDay: true)
        if let begin, let end, begin > end { throw QimenFailure.invalid("fromDateTimeBegin is after fromDateTimeEnd") }
        let stopped = try ctx.store.stoppedSchedules(from: begin, to: end, fromCityCodes: fromCodes, toCityCodes: toCodes).filter { s in
            let names = s.stops.map { [$0.station.code, $0.station.name] }
            if let station = fromStation {
                guard let i = names.firstIndex(where: { $0.contains(station) }), i < names.count - 1 else { return false }
                if let other = toStation, !names[(i + 1)...].contains(where: { $0.contains(other) }) { return false }
            } else if let other = toStation, !names.dropFirst().contains(where: { $0.contains(other) }) {
                return false
            }
            return true
        }
        return [("lineSchedule", .array(stopped.map { s in
            .object([("scheduleId", .string(s.seats.scheduleId)), ("line", LineJSON.line(s))])
        }))]
    }
}
