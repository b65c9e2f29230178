/// Read side of Fliggy's queries: cities, schedules with every field, seats, stopped schedules.
extension Store {
    /// Departure cities with a schedule from `today` on (63238); `name` narrows by full or short name, or prefix.
    /// Read from `route_days` (a few hundred rows), never from the schedules.
    public func departureCities(name: String? = nil, today: String) throws -> [CityRecord] {
        let s = try db.prepare("""
            SELECT c.code, c.name, c.province, coalesce(c.full_name, c.name) FROM cities c
            WHERE c.is_departure = 1 AND (?1 IS NULL OR c.name LIKE ?1 || '%' OR c.full_name LIKE ?1 || '%' OR c.code = ?1)
              AND c.code IN (SELECT from_city_code FROM route_days WHERE from_date >= ?2)
            ORDER BY c.code
            """)
        try s.bind([.of(name), .text(today)])
        return try s.all { CityRecord(code: $0.text(0), name: $0.text(1), province: $0.text(2), fullName: $0.text(3)) }
    }

    /// Arrival cities from any of `fromCityCodes` with a schedule from `today` on (63237), each with the days ahead,
    /// today included, up to its last scheduled day (`preSellDay`).
    public func arrivalCities(fromCityCodes: [String], today: String) throws -> [CityRecord] {
        guard let todayStart = ChinaTime.parseDate(today) else { return [] }
        var found: [String: CityRecord] = [:]
        let s = try db.prepare("""
            SELECT c.code, c.name, c.province, coalesce(c.full_name, c.name), max(r.from_date)
            FROM route_days r JOIN cities c ON c.code = r.to_city_code
            WHERE r.from_city_code = ?1 AND r.from_date >= ?2 AND c.is_arrival = 1 AND c.code != ?1
            GROUP BY c.code ORDER BY c.code
            """)
        for from in fromCityCodes {
            try s.bind([.text(from), .text(today)])
            for var city in try s.all({ r -> CityRecord in
                var c = CityRecord(code: r.text(0), name: r.text(1), province: r.text(2), fullName: r.text(3))
                let last = r.optionalText(4).flatMap(ChinaTime.parseDate) ?? todayStart
                c.preSellDays = max(0, (last - todayStart) / 86_400 + 1)
                return c
            }) {
                if let seen = found[city.code] { city.preSellDays = max(city.preSellDays, seen.preSellDays) }
                found[city.code] = city
            }
        }
        return found.values.sorted { $0.code < $1.code }
    }

    /// City codes a name or code given by Fliggy stands for: a 6-digit admin code, the full name (上海市) or the short
    /// one (上海) (docs/PROTOCOL.md "Shared rules": cities). Empty when nothing matches.
    public func cityCodes(matching text: String) throws -> [String] {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return [] }
        let short = CityName.short(t)
        let s = try db.prepare("""
            SELECT code FROM cities WHERE code = ?1 OR full_name = ?1 OR name = ?1 OR name = ?2 OR full_name = ?2 ORDER BY code
            """)
        try s.bind([.text(t), .text(short)])
        return try s.all { $0.text(0) }
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

    /// Schedules for Fliggy's schedule query (63236): from any of the departure cities, to any of the arrival cities
    /// (nil: anywhere), departing on days `firstDate`…`lastDate`, optionally calling at a station; with stops,
    /// segment prices, rules and transfer points.
    public func schedules(fromCityCodes: [String], toCityCodes: [String]?, firstDate: String, lastDate: String,
                          stopStation: String? = nil, limit: Int = 2000) throws -> [ScheduleFull] {
        try db.read {
            let heads = try scheduleHeads(fromCityCodes: fromCityCodes, toCityCodes: toCityCodes, firstDate: firstDate,
                                          lastDate: lastDate, limit: limit)
            return try scheduleDetails(heads).filter { s in
                stopStation.map { code in s.stops.dropFirst().contains { $0.station.code == code || $0.station.name == code } } ?? true
            }
        }
    }

    /// The schedules' own rows (seats, price, times, cities, mode), departure order: what changes with every sale.
    public func scheduleHeads(fromCityCodes: [String], toCityCodes: [String]?, firstDate: String, lastDate: String,
                              limit: Int = 2000) throws -> [ScheduleHead] {
        var heads: [ScheduleHead] = []
        let byPair = try db.prepare("""
            SELECT \(Store.seatColumns) WHERE s.from_city_code = ?1 AND s.to_city_code = ?2 AND s.from_date BETWEEN ?3 AND ?4
            ORDER BY s.departs_at LIMIT ?5
            """)
        let byFrom = try db.prepare("""
            SELECT \(Store.seatColumns) WHERE s.from_city_code = ?1 AND s.from_date BETWEEN ?3 AND ?4
            ORDER BY s.departs_at LIMIT ?5
            """)
        for from in fromCityCodes {
            for to in toCityCodes ?? [""] {
                let st = toCityCodes == nil ? byFrom : byPair
                try st.bind([.text(from), .text(to), .text(firstDate), .text(lastDate), .of(limit)])
                heads += try st.all { r in
                    ScheduleHead(seats: Store.seatsRow(r), fromCityCode: r.text(16), toCityCode: r.text(17), backDays: r.int(18),
                                 isOrderRefund: r.int(19) == 1)
                }
            }
        }
        heads.sort { ($0.seats.departsAt, $0.seats.scheduleId) < ($1.seats.departsAt, $1.seats.scheduleId) }
        return Array(heads.prefix(limit))
    }

    /// Stops, prices, tiers and transfer points for these schedules in four queries, not four per schedule (a
    /// route's day on the 1M-order demo store has ~380 departures a line).
    public func scheduleDetails(_ heads: [ScheduleHead]) throws -> [ScheduleFull] {
        let ids = heads.map(\.seats.scheduleId)
        var stations: [String: StationRecord] = [:]
        let stops = try grouped(ids, "SELECT schedule_id, seq, station_code, arrive_at, depart_at FROM schedule_stops WHERE schedule_id IN (%@) ORDER BY schedule_id, seq") { r in
            (r.text(2), r.int(1), r.optionalInt(3), r.optionalInt(4))
        }
        let prices = try grouped(ids, "SELECT schedule_id, from_station, to_station, price_fen FROM segment_prices WHERE schedule_id IN (%@) ORDER BY rowid") {
            SegmentPrice(fromStation: $0.text(1), toStation: $0.text(2), priceFen: $0.int(3))
        }
        let rules = try grouped(ids, "SELECT schedule_id, hours_from, hours_to, fee_percent FROM refund_rules WHERE schedule_id IN (%@) ORDER BY schedule_id, hours_from") {
            RefundRule(hoursFrom: $0.int(1), hoursTo: $0.optionalInt(2), feePercent: $0.optionalInt(3))
        }
        let transfers = try grouped(ids, "SELECT schedule_id, name, address, longitude, latitude FROM transfer_points WHERE schedule_id IN (%@) ORDER BY schedule_id, seq") {
            TransferPoint(name: $0.text(1), address: $0.optionalText(2), longitude: $0.optionalDouble(3), latitude: $0.optionalDouble(4))
        }
        return try heads.map { h in
            let id = h.seats.scheduleId
            let route = try (stops[id] ?? []).map { s -> StopRecord in
                if stations[s.0] == nil { stations[s.0] = try station(s.0) }
                return StopRecord(seq: s.1, station: stations[s.0]!, arriveAt: s.2, departAt: s.3)
            }
            return ScheduleFull(seats: h.seats, fromCityCode: h.fromCityCode, toCityCode: h.toCityCode, backDays: h.backDays,
                                isOrderRefund: h.isOrderRefund, stops: route, segmentPrices: prices[id] ?? [],
                                refundRules: rules[id] ?? [], transferPoints: transfers[id] ?? [])
        }
    }

    /// Rows of `sql` (its first column the schedule id, `%@` where the id list goes) by schedule, in query order.
    func grouped<T>(_ ids: [String], _ sql: String, _ row: (Statement) -> T) throws -> [String: [T]] {
        var out: [String: [T]] = [:]
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + 500)])
            start += chunk.count
            let s = try db.prepare(sql.replacingOccurrences(of: "%@", with: Array(repeating: "?", count: chunk.count).joined(separator: ",")))
            try s.bind(chunk.map { .text($0) })
            for (id, value) in try s.all({ ($0.text(0), row($0)) }) { out[id, default: []].append(value) }
        }
        return out
    }

    /// The last day any schedule departs from `fromCityCode` (the end of the presale period), or nil.
    public func lastScheduleDate(fromCityCodes: [String]) throws -> String? {
        var last: String?
        for from in fromCityCodes {
            if let d = try db.scalarText("SELECT max(from_date) FROM route_days WHERE from_city_code = ?", .text(from)), d > (last ?? "") { last = d }
        }
        return last
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

    /// Stopped (停运) schedules for 63223, departing within [from, to] (epoch seconds, inclusive; nil = unbounded),
    /// from and to the given cities (nil = any), with their stops so the caller can filter by station. Read through
    /// `schedules_stopped`; stops for all of them in one query.
    public func stoppedSchedules(from: Int?, to: Int?, fromCityCodes: [String]? = nil, toCityCodes: [String]? = nil,
                                 limit: Int = 1000) throws -> [ScheduleFull] {
        try db.read {
            func list(_ codes: [String]?) -> String {
                codes.map { "(" + $0.map { "'\($0.filter { $0.isASCII && $0.isNumber })'" }.joined(separator: ",") + ")" } ?? ""
            }
            let cities = (fromCityCodes.map { " AND s.from_city_code IN \(list($0))" } ?? "") + (toCityCodes.map { " AND s.to_city_code IN \(list($0))" } ?? "")
            let s = try db.prepare("""
                SELECT \(Store.seatColumns) WHERE s.on_sale = 0 AND s.departs_at >= ?1 AND s.departs_at <= ?2\(cities)
                ORDER BY s.departs_at LIMIT ?3
                """)
            try s.bind([.of(from ?? Int(Int32.min)), .of(to ?? Int(Int32.max) * 4), .of(limit)])
            let heads = try s.all { r in (Store.seatsRow(r), r.text(16), r.text(17), r.int(18), r.int(19) == 1) }
            var stations: [String: StationRecord] = [:]
            let stops = try grouped(heads.map(\.0.scheduleId), "SELECT schedule_id, seq, station_code, arrive_at, depart_at FROM schedule_stops WHERE schedule_id IN (%@) ORDER BY schedule_id, seq") { r in
                (r.text(2), r.int(1), r.optionalInt(3), r.optionalInt(4))
            }
            return try heads.map { h in
                let route = try (stops[h.0.scheduleId] ?? []).map { s -> StopRecord in
                    if stations[s.0] == nil { stations[s.0] = try station(s.0) }
                    return StopRecord(seq: s.1, station: stations[s.0]!, arriveAt: s.2, departAt: s.3)
                }
                return ScheduleFull(seats: h.0, fromCityCode: h.1, toCityCode: h.2, backDays: h.3, isOrderRefund: h.4,
                                    stops: route, segmentPrices: [], refundRules: [], transferPoints: [])
            }
        }
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

extension Store {
    /// The code of the schedule's stop named by `codeOrName` (a station code or its name), or nil.
    public func stopCode(scheduleId: String, codeOrName: String) throws -> String? {
        try db.scalarText("""
            SELECT st.code FROM schedule_stops ss JOIN stations st ON st.code = ss.station_code
            WHERE ss.schedule_id = ?1 AND (st.code = ?2 OR st.name = ?2) ORDER BY ss.seq LIMIT 1
            """, .text(scheduleId), .text(codeOrName))
    }
}
