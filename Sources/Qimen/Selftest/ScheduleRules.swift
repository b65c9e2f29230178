import TOP

/// The schedule rules a merchant's self-test page checks (guide, docs/PROTOCOL.md (Qimen) 63236),
/// beyond field types: a departure or a window for the departure-time type, stations with a
/// position, sound geofences, a price for every boarding/alighting pair, ordered refund tiers.
/// Elements whose fields have the wrong type are skipped here: `ShapeChecker` names those.
enum ScheduleRules {
    static func check(_ schedules: [JSON], code: String = "63236") -> [SelftestLine] {
        var tally = CheckTally(code: code)
        var seenIds: [String: Int] = [:]
        for (i, schedule) in schedules.enumerated() {
            let path = FieldPath.root.member("lineSchedule").index(i)
            if let id = schedule["scheduleId"]?.stringValue {
                let idPath = path.member("scheduleId")
                tally.pass(idPath.pattern + " unique", "no two schedules share one")
                if let first = seenIds[id] {
                    tally.fail(idPath.pattern + " unique", subject: idPath.concrete, "same as lineSchedule[\(first)]")
                } else {
                    seenIds[id] = i
                }
            }
            if let line = schedule["line"] { window(line, path.member("line"), &tally) }
            guard code == "63236" else { continue }  // 63223 elements carry only line and scheduleId
            let stations = schedule["stations"]?.arrayValue ?? []
            for (k, station) in stations.enumerated() { position(station, path.member("stations").index(k), &tally) }
            segmentPrices(schedule, stations: stations, path, &tally)
            if let rules = schedule["refundRules"]?.arrayValue { refundTiers(rules, path.member("refundRules"), &tally) }
        }
        return tally.lines
    }

    /// fromTimeType 1 departs at line.fromDate + fromTime; 3 and 4 (flowing, 流水班) need
    /// the window fromDurationBegin–fromDurationEnd (docs/PROTOCOL.md (Qimen) 63223, "C" rows).
    static func window(_ line: JSON, _ path: FieldPath, _ tally: inout CheckTally) {
        guard let type = line["fromTimeType"]?.intValue, [1, 3, 4].contains(type) else { return }
        let pattern = path.pattern + " departure"
        tally.pass(pattern, "fromDate and fromTime for fromTimeType 1, a fromDurationBegin–End window for 3 and 4")
        let needed = type == 1 ? ["fromDate", "fromTime"] : ["fromDurationBegin", "fromDurationEnd"]
        for name in needed where line[name] == nil {
            let why = type == 1 ? "fromTimeType 1 departs at a fixed date and time" : "fromTimeType \(type) is flowing and needs a window"
            tally.fail(pattern, subject: path.member(name).concrete, "missing (\(why))")
        }
        if type != 1, let begin = line["fromDurationBegin"]?.stringValue, let end = line["fromDurationEnd"]?.stringValue,
           StringFormat.isMinute(begin), StringFormat.isMinute(end), begin >= end {
            tally.fail(pattern, subject: path.member("fromDurationEnd").concrete, "window \(begin)–\(end) is empty")
        }
    }

    /// A point station (type 1) needs longitude and latitude; an area station (type 2) a
    /// geofence of ≥ 3 points whose edges do not cross.
    static func position(_ station: JSON, _ path: FieldPath, _ tally: inout CheckTally) {
        guard let type = station["stationType"]?.intValue else { return }
        let pattern = path.pattern + " position"
        tally.pass(pattern, "point stations have longitude and latitude, area stations a geofence")
        if type == 1 {
            for name in ["longitude", "latitude"] where station[name] == nil {
                tally.fail(pattern, subject: path.member(name).concrete, "missing (stationType 1 is a point)")
            }
        } else if type == 2 {
            let fence = path.member("geofence")
            guard let points = station["geofence"]?.arrayValue else {
                if station["geofence"] == nil { tally.fail(pattern, subject: fence.concrete, "missing (stationType 2 is an area)") }
                return
            }
            tally.pass(fence.pattern + " polygon", "≥ 3 points, no crossing edges")
            let coordinates = points.compactMap(coordinate)
            guard coordinates.count == points.count else { return }  // a bad point: ShapeChecker says which
            if let problem = GeofenceCheck.problem(coordinates) {
                tally.fail(fence.pattern + " polygon", subject: fence.concrete, problem)
            }
        }
    }

    static func coordinate(_ point: JSON) -> GeofenceCheck.Point? {
        func degrees(_ value: JSON?) -> Double? { value?.doubleValue ?? value?.stringValue.flatMap(Double.init) }
        guard let x = degrees(point["longitude"]), let y = degrees(point["latitude"]) else { return nil }
        return GeofenceCheck.Point(x, y)
    }

    /// Every pair (boarding i, alighting j > i) of the stations in route order has a price;
    /// no entry names an unknown station or runs against the route.
    static func segmentPrices(_ schedule: JSON, stations: [JSON], _ path: FieldPath, _ tally: inout CheckTally) {
        let codes = stations.compactMap { $0["stationCode"]?.stringValue }
        guard codes.count == stations.count, let entries = schedule["segmentPrices"]?.arrayValue else { return }
        let segPath = path.member("segmentPrices")
        let pattern = segPath.pattern + " pairs"
        tally.pass(pattern, "a price for every boarding/alighting pair in route order")
        if codes.count < 2 {
            tally.fail(pattern, subject: path.member("stations").concrete, "\(codes.count) stations (a route needs 2)")
            return
        }
        var position: [String: Int] = [:]
        for (k, code) in codes.enumerated() where position[code] == nil { position[code] = k }
        var priced = Set<String>()
        for (e, entry) in entries.enumerated() {
            guard let from = entry["fromStationCode"]?.stringValue, let to = entry["toStationCode"]?.stringValue else { continue }
            guard let a = position[from], let b = position[to] else {
                tally.fail(pattern, subject: segPath.index(e).concrete, "names a station not in stations: \(position[from] == nil ? from : to)")
                continue
            }
            if a >= b { tally.fail(pattern, subject: segPath.index(e).concrete, "\(from)→\(to) runs against the route order") }
            priced.insert(from + "\u{0}" + to)
        }
        var missing: [String] = []
        for i in 0..<codes.count {
            for j in (i + 1)..<codes.count where !priced.contains(codes[i] + "\u{0}" + codes[j]) {
                missing.append("\(codes[i])→\(codes[j])")
            }
        }
        if !missing.isEmpty {
            let shown = missing.prefix(3).joined(separator: ", ")
            tally.fail(pattern, subject: segPath.concrete,
                       "no price for \(shown)" + (missing.count > 3 ? " and \(missing.count - 3) more pairs" : ""))
        }
    }

    /// Tiers `[hoursBeforeFrom, hoursBeforeTo)` before departure: ordered (either way) by
    /// hoursBeforeFrom, each from < to, none overlapping; only the farthest tier may leave
    /// hoursBeforeTo out (open-ended), docs/PROTOCOL.md (Qimen) 63236 `refundRules`.
    static func refundTiers(_ rules: [JSON], _ path: FieldPath, _ tally: inout CheckTally) {
        let pattern = path.pattern + " tiers"
        tally.pass(pattern, "ordered, non-overlapping, from < to, only the farthest open-ended")
        if rules.isEmpty { return tally.fail(pattern, subject: path.concrete, "no tiers") }
        var tiers: [(index: Int, from: Int, to: Int?)] = []
        for (k, rule) in rules.enumerated() {
            guard let from = rule["hoursBeforeFrom"]?.intValue else { return }
            let to = rule["hoursBeforeTo"]?.intValue
            if rule["hoursBeforeTo"] != nil && to == nil { return }  // wrong type: ShapeChecker
            if let to, from >= to {
                tally.fail(pattern, subject: path.index(k).concrete, "hoursBeforeFrom \(from) is not below hoursBeforeTo \(to)")
            }
            tiers.append((k, from, to))
        }
        let froms = tiers.map(\.from)
        let ascending = zip(froms, froms.dropFirst()).allSatisfy { $0 < $1 }
        let descending = zip(froms, froms.dropFirst()).allSatisfy { $0 > $1 }
        if !ascending && !descending {
            return tally.fail(pattern, subject: path.concrete, "tiers not ordered by hoursBeforeFrom: \(froms.map(String.init).joined(separator: ", "))")
        }
        let sorted = tiers.sorted { $0.from < $1.from }
        for (near, far) in zip(sorted, sorted.dropFirst()) {
            guard let nearTo = near.to else {
                tally.fail(pattern, subject: path.index(near.index).concrete, "open-ended but tier \(far.index) lies beyond it")
                continue
            }
            if nearTo > far.from {
                tally.fail(pattern, subject: path.index(far.index).concrete,
                           "overlaps tier \(near.index) (\(near.from)–\(nearTo) h and \(far.from)–\(far.to.map(String.init) ?? "∞") h)")
            }
        }
    }
}
