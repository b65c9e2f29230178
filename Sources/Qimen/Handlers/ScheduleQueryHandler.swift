import Store
import TOP

/// Schedules (63236). Request (analogue 48214): `fromCityCode` / `fromCityName` (or `fromCity`), `toCityCode` /
/// `toCityName` (or `toCity`), `toStationCode` / `toStationName`, `departDate` (or `fromDate`); no date = the whole
/// presale period. Answer: `lineSchedule[]`, one element per dated schedule with every field the guide lists
/// (docs/PROTOCOL.md 63236's decision table): stations (type, coordinates, geofence, features), segment prices, refund
/// tiers, transfer points, the flowing window, backDays and the refund mode.
enum ScheduleQueryHandler {
    /// Tickets one order may hold (create order refuses more).
    static let maxSellNum = 9

    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let fromCodes = try cities(body, ctx, code: "fromCityCode", names: ["fromCityName", "fromCity"])
        guard let fromCodes else { throw QimenFailure.invalid("fromCityCode or fromCityName is required") }
        let toCodes = try cities(body, ctx, code: "toCityCode", names: ["toCityName", "toCity"])
        let station = try body.firstString(["toStationCode", "toStationName"])
        let date = try body.optionalDate("departDate") ?? body.optionalDate("fromDate")
        guard !fromCodes.isEmpty, toCodes.map({ !$0.isEmpty }) ?? true else { return [("lineSchedule", .array([]))] }
        let first = date ?? ctx.today
        guard let last = try date ?? ctx.store.lastScheduleDate(fromCityCodes: fromCodes) else { return [("lineSchedule", .array([]))] }
        guard let cache = ctx.scheduleCache else {
            let schedules = try ctx.store.schedules(fromCityCodes: fromCodes, toCityCodes: toCodes, firstDate: first, lastDate: last,
                                                    stopStation: station)
            return [("lineSchedule", .array(schedules.map { schedule($0, now: ctx.now) }))]
        }
        // One indexed query for the rows; the stops, prices and tiers only for schedules not encoded yet.
        let heads = try ctx.store.scheduleHeads(fromCityCodes: fromCodes, toCityCodes: toCodes, firstDate: first, lastDate: last)
        var entries = heads.map { cache.entry($0, now: ctx.now) }
        let missing = heads.indices.filter { entries[$0] == nil }
        if !missing.isEmpty {
            let full = try ctx.store.scheduleDetails(missing.map { heads[$0] })
            for (k, s) in zip(missing, full) {
                guard case .object(let fields) = schedule(s, now: ctx.now) else { continue }
                entries[k] = cache.store(s, head: heads[k], fields: fields, now: ctx.now)
            }
        }
        var items: [JSON] = []
        for (h, e) in zip(heads, entries) {
            guard let e else { continue }
            if let station, !e.laterStops.contains(station) { continue }
            items.append(ScheduleAnswerCache.answer(e, leftTicketCnt: max(0, h.seats.seatsLeft),
                                                    saleStatus: SalesJSON.saleStatus(h.seats, now: ctx.now)))
        }
        return [("lineSchedule", .array(items))]
    }

    /// The city codes a request names (code first, then names); nil when it names none, empty when none matches.
    static func cities(_ body: QimenBody, _ ctx: SalesContext, code: String, names: [String]) throws -> [String]? {
        if let c = try body.optionalString(code) { return try ctx.store.cityCodes(matching: c) }
        guard let name = try body.firstString(names) else { return nil }
        return try ctx.store.cityCodes(matching: name)
    }

    static func schedule(_ s: ScheduleFull, now: Int) -> JSON {
        let seats = s.seats
        return .object([
            ("line", LineJSON.line(s)),
            ("scheduleId", .string(seats.scheduleId)),
            ("ticketPrice", SalesJSON.fenText(seats.priceFen)), ("servicePrice", SalesJSON.fenText(seats.serviceFeeFen)),
            ("leftTicketCnt", .int(Int64(max(0, seats.seatsLeft)))), ("saleStatus", SalesJSON.saleStatus(seats, now: now)),
            ("maxSellNum", .int(Int64(maxSellNum))),
            ("backDays", .int(Int64(s.backDays))), ("isOrderRefund", .bool(s.isOrderRefund)),
            ("refundRules", .array(s.refundRules.map(rule))),
            ("refundStructuredInfo", .string(RefundRulesText.structured(s.refundRules))),
            ("stations", .array(s.stops.map(station))),
            ("segmentPrices", .array(s.segmentPrices.map { p in
                ["fromStationCode": .string(p.fromStation), "toStationCode": .string(p.toStation), "ticketPrice": SalesJSON.fenText(p.priceFen)]
            })),
            ("transferPoints", .array(s.transferPoints.map(transferPoint))),
        ])
    }

    /// A stop: a point carries its coordinates, an area its geofence (guide: stationType).
    static func station(_ stop: StopRecord) -> JSON {
        let st = stop.station
        var fields: [(String, JSON)] = [("stationCode", .string(st.code)), ("stationName", .string(st.name))]
        if let at = stop.arriveAt ?? stop.departAt { fields.append(("arriveTime", SalesJSON.lineTime(at))) }
        fields.append(("stationType", st.isArea ? 2 : 1))
        if st.isArea {
            fields.append(("geofence", .array(st.geofence.map(SalesJSON.coordinate))))
        } else if let lon = st.longitude, let lat = st.latitude {
            fields += [("longitude", SalesJSON.degrees(lon)), ("latitude", SalesJSON.degrees(lat))]
        }
        fields.append(("stationFeature", .array(st.features.map { .string($0) })))
        return .object(fields)
    }

    /// A tier [hoursBeforeFrom, hoursBeforeTo) before departure; a no-refund tier keeps 100 % (docs/PROTOCOL.md 63236).
    static func rule(_ r: RefundRule) -> JSON {
        var fields: [(String, JSON)] = [("hoursBeforeFrom", .int(Int64(r.hoursFrom)))]
        if let to = r.hoursTo { fields.append(("hoursBeforeTo", .int(Int64(to)))) }
        fields.append(("feePercent", .int(Int64(r.feePercent ?? 100))))
        return .object(fields)
    }

    static func transferPoint(_ p: TransferPoint) -> JSON {
        var fields: [(String, JSON)] = [("name", .string(p.name))]
        if let address = p.address { fields.append(("address", .string(address))) }
        if let lon = p.longitude, let lat = p.latitude { fields += [("longitude", SalesJSON.degrees(lon)), ("latitude", SalesJSON.degrees(lat))] }
        return .object(fields)
    }
}
