import Store
import TOP

/// Schedules between two cities on a day (63236), with every field the scene lists:
/// stations (type, coordinates, geofence, features), segment prices, refund rules, transfer
/// points, the flowing window (fromTimeType 4), backDays and the refund mode.
enum ScheduleQueryHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let from = try body.cityCode("fromCityCode")
        let to = try body.cityCode("toCityCode")
        let date = try body.date("fromDate")
        let schedules = try ctx.store.schedules(fromCityCode: from, toCityCode: to, date: date)
        return [("schedules", .array(schedules.map { schedule($0, now: ctx.now) }))]
    }

    static func schedule(_ s: ScheduleFull, now: Int) -> JSON {
        let seats = s.seats
        var fields: [(String, JSON)] = [
            ("scheduleId", .string(seats.scheduleId)), ("lineId", .string(seats.lineId)),
            ("fromCityCode", .string(s.fromCityCode)), ("toCityCode", .string(s.toCityCode)),
            ("fromTimeType", .int(Int64(seats.fromTimeType))), ("startTime", SalesJSON.time(seats.departsAt)),
        ]
        // A flowing schedule (流水班) departs any time up to the window's end.
        if let end = seats.windowEndAt { fields.append(("endTime", SalesJSON.time(end))) }
        fields += [
            ("stations", .array(s.stops.map(station))),
            ("segmentPrices", .array(s.segmentPrices.map { p in
                ["fromStationCode": .string(p.fromStation), "toStationCode": .string(p.toStation),
                 "ticketPrice": SalesJSON.fen(p.priceFen)]
            })),
            ("ticketPrice", SalesJSON.fen(seats.priceFen)), ("servicePrice", SalesJSON.fen(seats.serviceFeeFen)),
            ("leftTicketCnt", .int(Int64(max(0, seats.seatsLeft)))), ("saleStatus", SalesJSON.saleStatus(seats, now: now)),
        ]
        if !seats.onSale, let reason = seats.stopReason { fields.append(("stopReason", .string(reason))) }
        fields += [
            ("backDays", .int(Int64(s.backDays))), ("isOrderRefund", .bool(s.isOrderRefund)),
            ("refundRules", .array(s.refundRules.map(rule))),
            ("transferPoints", .array(s.transferPoints.map(transferPoint))),
        ]
        return .object(fields)
    }

    static func station(_ stop: StopRecord) -> JSON {
        let st = stop.station
        var fields: [(String, JSON)] = [
            ("stationCode", .string(st.code)), ("stationName", .string(st.name)),
            ("stationType", st.isArea ? 2 : 1), ("address", .string(st.address)), ("cityCode", .string(st.cityCode)),
        ]
        if let lon = st.longitude, let lat = st.latitude {
            fields += [("longitude", SalesJSON.degrees(lon)), ("latitude", SalesJSON.degrees(lat))]
        }
        if st.isArea { fields.append(("geofence", .array(st.geofence.map(SalesJSON.coordinate)))) }
        fields.append(("stationFeature", .array(st.features.map { .string($0) })))
        if let at = stop.arriveAt ?? stop.departAt { fields.append(("arriveTime", SalesJSON.time(at))) }
        if let at = stop.departAt { fields.append(("departTime", SalesJSON.time(at))) }
        return .object(fields)
    }

    /// A tier [hoursBeforeFrom, hoursBeforeTo) before departure. A tier without refunds says
    /// `refundable:false` (fee 100 %), so no reader can mistake it for a free refund.
    static func rule(_ r: RefundRule) -> JSON {
        var fields: [(String, JSON)] = [("hoursBeforeFrom", .int(Int64(r.hoursFrom)))]
        if let to = r.hoursTo { fields.append(("hoursBeforeTo", .int(Int64(to)))) }
        fields.append(("feePercent", .int(Int64(r.feePercent ?? 100))))
        fields.append(("refundable", .bool(r.feePercent != nil)))
        return .object(fields)
    }

    static func transferPoint(_ p: TransferPoint) -> JSON {
        var fields: [(String, JSON)] = [("name", .string(p.name))]
        if let address = p.address { fields.append(("address", .string(address))) }
        if let lon = p.longitude, let lat = p.latitude { fields += [("longitude", SalesJSON.degrees(lon)), ("latitude", SalesJSON.degrees(lat))] }
        return .object(fields)
    }
}
