/// Read side of Fliggy's queries: cities, schedules with every field, seats, stopped schedules.
extension Store {
    public func departureCities(namePrefix: String? = nil) throws -> [CityRecord] {
        let s = try db.prepare("""
            SELECT DISTINCT c.code, c.name, c.province FROM cities c JOIN schedules s ON s.from_city_code = c.code
            WHERE c.is_departure = 1 AND (? IS NULL OR c.name LIKE ? || '%') ORDER BY c.code
            """)
        try s.bind([.of(namePrefix), .of(namePrefix)])
        return try s.all { CityRecord(code: $0.text(0), name: $0.text(1), province: $0.text(2)) }
    }

    public func arrivalCities(fromCityCode: String) throws -> [CityRecord] {
        let s = try db.prepare("""
            SELECT DISTINCT c.code, c.name, c.province FROM cities c JOIN schedules s ON s.to_city_code = c.code
            WHERE s.from_city_code = ? AND c.is_arrival = 1 ORDER BY c.code
            """)
        try s.bind([.text(fromCityCode)])
        return try s.all { CityRecord(code: $0.text(0), name: $0.text(1), province: $0.text(2)) }
    }

    static let seatColumns = """
        s.schedule_id, s.line_id, s.departs_at, s.from_time_type, s.window_end_at, fc.name, tc.name, s.seats_total,
        s.seats_sold, s.seats_held, s.price_fen, s.service_fee_fen, s.on_sale, s.stop_reason, s.stop_reason_code, s.version,
        s.from_city_code, s.to_city_code, s.back_days, s.is_order_refund
        FROM schedules s JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
        """

    static func seatsRow(_ r: Statement) -> ScheduleSeats {
        ScheduleSeats(scheduleId: r.text(0), lineId: r.text(1), departsAt: r.int(2), fromTimeType: r.int(3), windowEndAt: r.optionalInt(4),
                      fromCity: r.text(5), toCity: r.text(6), seatsTotal: r.int(7), seatsSold: r.int(8), seatsHeld: r.int(9),
                      priceFen: r.int(10), serviceFeeFen: r.int(11), onSale: r.int(12) == 1, stopReason: r.optionalText(13),
                      stopReasonCode: r.optionalInt(14), version: r.int(15))
    }

    /// One schedule's seats and price, or nil.
    public func scheduleSeats(_ scheduleId: String) throws -> ScheduleSeats? {
        let s = try db.prepare("SELECT \(Store.seatColumns) WHERE s.schedule_id = ?")
        try s.bind([.text(scheduleId)])
        return try s.all(Store.seatsRow).first
    }

    /// Schedules between two cities on a day, with stops, segment prices, rules and transfer points.
    public func schedules(fromCityCode: String, toCityCode: String, date: String) throws -> [ScheduleFull] {
        try db.read {
            let s = try db.prepare("SELECT \(Store.seatColumns) WHERE s.from_city_code = ? AND s.to_city_code = ? AND s.from_date = ? ORDER BY s.departs_at")
            try s.bind([.text(fromCityCode), .text(toCityCode), .text(date)])
            let heads = try s.all { r in (Store.seatsRow(r), r.text(16), r.text(17), r.int(18), r.int(19) == 1) }
            var stations: [String: StationRecord] = [:]
            return try heads.map { h in
                ScheduleFull(seats: h.0, fromCityCode: h.1, toCityCode: h.2, backDays: h.3, isOrderRefund: h.4,
                             stops: try stops(h.0.scheduleId, cache: &stations), segmentPrices: try segmentPrices(h.0.scheduleId),
                             refundRules: try refundRules(scheduleId: h.0.scheduleId), transferPoints: try transferPoints(h.0.scheduleId))
            }
        }
    }

    func stops(_ scheduleId: String, cache: inout [String: StationRecord]) throws -> [StopRecord] {
        let s = try db.prepare("SELECT seq, station_code, arrive_at, depart_at FROM schedule_stops WHERE schedule_id = ? ORDER BY seq")
        try s.bind([.text(scheduleId)])
        let rows = try s.all { ($0.int(0), $0.text(1), $0.optionalInt(2), $0.optionalInt(3)) }
        return try rows.map { r in
            if cache[r.1] == nil { cache[r.1] = try station(r.1) }
            return StopRecord(seq: r.0, station: cache[r.1]!, arriveAt: r.2, departAt: r.3)
        }
    }

    public func station(_ code: String) throws -> StationRecord? {
        let s = try db.prepare("SELECT code, name, address, city_code, station_type, longitude, latitude, geofence FROM stations WHERE code = ?")
        try s.bind([.text(code)])
        guard var st = try s.all({ r in
            StationRecord(code: r.text(0), name: r.text(1), address: r.text(2), cityCode: r.text(3), isArea: r.int(4) == 2,
                          longitude: r.optionalDouble(5), latitude: r.optionalDouble(6),
                          geofence: r.optionalText(7).map(Geofence.decode) ?? [], features: [])
        }).first else { return nil }
        let f = try db.prepare("SELECT feature FROM station_features WHERE station_code = ? ORDER BY feature")
        try f.bind([.text(code)])
        st.features = try f.all { $0.text(0) }
        return st
    }

    func segmentPrices(_ scheduleId: String) throws -> [SegmentPrice] {
        let s = try db.prepare("SELECT from_station, to_station, price_fen FROM segment_prices WHERE schedule_id = ? ORDER BY rowid")
        try s.bind([.text(scheduleId)])
        return try s.all { SegmentPrice(fromStation: $0.text(0), toStation: $0.text(1), priceFen: $0.int(2)) }
    }

    func transferPoints(_ scheduleId: String) throws -> [TransferPoint] {
        let s = try db.prepare("SELECT name, address, longitude, latitude FROM transfer_points WHERE schedule_id = ? ORDER BY seq")
        try s.bind([.text(scheduleId)])
        return try s.all { TransferPoint(name: $0.text(0), address: $0.optionalText(1), longitude: $0.optionalDouble(2), latitude: $0.optionalDouble(3)) }
    }

    /// Schedules stopped (停运) departing on a day.
    public func stoppedSchedules(date: String) throws -> [ScheduleSeats] {
        let s = try db.prepare("SELECT \(Store.seatColumns) WHERE s.from_date = ? AND s.on_sale = 0 ORDER BY s.departs_at")
        try s.bind([.text(date)])
        return try s.all(Store.seatsRow)
    }

    /// The price of a ride between two stops (segment price, else the schedule's price) and the departure time at
    /// the boarding stop.
    func fare(_ scheduleId: String, from: String?, to: String?, basePrice: Int, departsAt: Int) throws -> (priceFen: Int, departsAt: Int)? {
        guard let from, let to else { return (basePrice, departsAt) }
        guard let p = try db.scalarInt("SELECT price_fen FROM segment_prices WHERE schedule_id = ? AND from_station = ? AND to_station = ?",
                                       .text(scheduleId), .text(from), .text(to)) else { return nil }
        let dep = try db.scalarInt("SELECT depart_at FROM schedule_stops WHERE schedule_id = ? AND station_code = ?", .text(scheduleId), .text(from))
        return (Int(p), dep.map(Int.init) ?? departsAt)
    }
}
