/// The demo's schedules: every line, every day from a week ago to six days ahead, enough departures
/// to seat the requested number of orders.
enum DemoSchedules {
    struct Slot {
        let id: String
        let line: DemoGeography.Line
        let departsAt: Int
        let total: Int
        let isOrderRefund: Bool
        let stopped: Bool
        let rules: [RefundRule]
        var sold = 0
        var held = 0
        var left: Int { total - sold - held }
    }

    static let airportRules = [RefundRule(hoursFrom: 0, hoursTo: 1, feePercent: nil),
                               RefundRule(hoursFrom: 1, hoursTo: 24, feePercent: 10),
                               RefundRule(hoursFrom: 24, hoursTo: nil, feePercent: 0)]

    static func segmentPrice(_ line: DemoGeography.Line, _ i: Int, _ j: Int) -> Int {
        let share = Double(line.minutes[j] - line.minutes[i]) / Double(line.minutes.last!)
        return max(2000, Int((Double(line.basePriceFen) * share / 100).rounded()) * 100)
    }

    /// The departures the orders are drawn from, sorted by departure; written to `db` in creation order when given
    /// (the demo load plans them on one thread and writes them on another; both get the same slots).
    static func insert(_ db: Connection?, options: DemoGenerator.Options) throws -> [Slot] {
        let today = ChinaTime.startOfDay(options.now)
        let days = Array(-7...6)
        let lines = DemoGeography.lines
        let seatsPerSlot = 45
        // Enough departures that the orders fill about 70 % of the seats.
        let needed = Double(options.orders) * 2.0 / 0.7
        let perLineDay = max(2, Int((needed / Double(days.count * lines.count * seatsPerSlot)).rounded(.up)))
        var slots: [Slot] = []
        slots.reserveCapacity(days.count * lines.count * perLineDay)
        for day in days {
            let dayStart = today + day * 86400
            let date = ChinaTime.date(dayStart)
            for (li, line) in lines.enumerated() {
                let span = 15 * 3600 // 06:00 to 21:00
                var lastMinute = "", sameMinute = 0
                for k in 0..<perLineDay {
                    // On the minute, as timetables are: Fliggy sends departures as HH:mm (docs/PROTOCOL.md "Shared rules"),
                    // and departures with seconds made 1M-order stores refuse create orders as start-time-changed.
                    let exact = dayStart + 6 * 3600 + span * k / perLineDay + (li % 4) * 300
                    let departs = exact - exact % 60
                    let hhmm = ChinaTime.minute(departs).suffix(5).replacingOccurrences(of: ":", with: "")
                    // Past ~2M orders a line departs more than once a minute: the second of a minute gets "-2", and so on.
                    sameMinute = hhmm == lastMinute ? sameMinute + 1 : 1
                    lastMinute = hhmm
                    let id = "\(line.id)-\(date.replacingOccurrences(of: "-", with: ""))-\(hhmm)" + (sameMinute > 1 ? "-\(sameMinute)" : "")
                    let total = li % 3 == 2 ? 33 : seatsPerSlot
                    let isAirport = line.id.contains("A-")
                    // A few future departures are stopped (停运) so the dispatcher view and Qimen have some.
                    let stopped = day >= 0 && (li * 7 + k * 3 + day) % 53 == 0
                    var slot = Slot(id: id, line: line, departsAt: departs, total: total, isOrderRefund: li % 4 != 3,
                                    stopped: stopped, rules: isAirport ? airportRules : RefundPolicy.seedExample)
                    slot.sold = 0
                    slots.append(slot)
                    let flowing = line.id == "L-HZC-SHC"
                    try db?.run("""
                        INSERT INTO schedules (schedule_id, line_id, from_city_code, to_city_code, from_date, departs_at,
                          from_time_type, window_end_at, seats_total, price_fen, service_fee_fen, back_days,
                          is_order_refund, on_sale, stop_reason, stop_reason_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, args: [.text(id), .text(line.id), .text(cityOf(line.stops.first!)), .text(cityOf(line.stops.last!)),
                                    .text(date), .of(departs), .of(flowing ? 4 : 1), .of(flowing ? departs + 7200 : nil),
                                    .of(total), .of(line.basePriceFen), .of(li % 2 == 0 ? 500 : 0), .of(li % 3),
                                    .of(slot.isOrderRefund), .of(!stopped), .of(stopped ? "天气原因：台风预警" : nil),
                                    .of(stopped ? 1 : nil)])
                    for (seq, code) in line.stops.enumerated() {
                        let t = departs + line.minutes[seq] * 60
                        try db?.run("INSERT INTO schedule_stops (schedule_id, seq, station_code, arrive_at, depart_at) VALUES (?, ?, ?, ?, ?)",
                                   .text(id), .of(seq), .text(code), .of(seq == 0 ? nil : t), .of(seq == line.stops.count - 1 ? nil : t))
                    }
                    for i in 0..<line.stops.count {
                        for j in (i + 1)..<line.stops.count {
                            try db?.run("INSERT INTO segment_prices (schedule_id, from_station, to_station, price_fen) VALUES (?, ?, ?, ?)",
                                       .text(id), .text(line.stops[i]), .text(line.stops[j]), .of(segmentPrice(line, i, j)))
                        }
                    }
                    for rule in slot.rules {
                        try db?.run("INSERT INTO refund_rules (schedule_id, hours_from, hours_to, fee_percent) VALUES (?, ?, ?, ?)",
                                   .text(id), .of(rule.hoursFrom), .of(rule.hoursTo), .of(rule.feePercent))
                    }
                    if line.stops.count > 2 && k == 0 {
                        try db?.run("INSERT INTO transfer_points (schedule_id, seq, name, address) VALUES (?, 0, ?, ?)",
                                   .text(id), .text(stationName(line.stops[1]) + "换乘点"), .text("出站口东侧"))
                    }
                }
            }
        }
        slots.sort { $0.departsAt < $1.departsAt }
        return slots
    }

    static func writeCounters(_ db: Connection, _ slots: [Slot]) throws {
        for s in slots where s.sold > 0 || s.held > 0 {
            try db.run("UPDATE schedules SET seats_sold = ?, seats_held = ? WHERE schedule_id = ?", .of(s.sold), .of(s.held), .text(s.id))
        }
    }

    static func cityOf(_ station: String) -> String {
        DemoGeography.stations.first { $0.code == station }!.cityCode
    }

    static func stationName(_ code: String) -> String {
        DemoGeography.stations.first { $0.code == code }!.name
    }
}

extension DemoSchedules {
    static func stationAddress(_ code: String) -> String {
        DemoGeography.stations.first { $0.code == code }!.address
    }
}
