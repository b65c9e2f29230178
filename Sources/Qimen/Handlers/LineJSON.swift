import Store
import TOP

/// The `line` object of 63223 (page) and 63236 (its decision): `id`, `name`, `desc`, `fromDate`, and `fromTime` for a
/// fixed departure or `fromDurationBegin` / `fromDurationEnd` for a window (types 3, 4), with `fromTimeType` (guide).
enum LineJSON {
    static func line(_ s: ScheduleFull) -> JSON {
        let seats = s.seats
        let names = s.stops.map(\.station.name)
        var fields: [(String, JSON)] = [
            ("id", .string(seats.lineId)),
            ("name", .string("\(seats.fromCity)-\(seats.toCity)")),
            ("desc", .string(names.isEmpty ? "\(seats.fromCity)-\(seats.toCity)" : names.joined(separator: "-"))),
            ("fromDate", .string(ChinaTime.date(seats.departsAt))),
        ]
        if let end = seats.windowEndAt, seats.fromTimeType == 3 || seats.fromTimeType == 4 {
            fields += [("fromDurationBegin", SalesJSON.lineTime(seats.departsAt)), ("fromDurationEnd", SalesJSON.lineTime(end))]
        } else {
            fields.append(("fromTime", SalesJSON.lineTime(seats.departsAt)))
        }
        fields.append(("fromTimeType", .int(Int64(seats.fromTimeType))))
        return .object(fields)
    }
}
