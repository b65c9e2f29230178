import Store
import TOP

/// The buyer's search: departure cities (63238), arrival cities (63237), schedules (63236)
/// for today and the following days until one is on sale with seats enough for the run.
extension QimenSelftest {
    struct FoundSchedule {
        var choice: ScheduleChoice
        /// The 63236 request and its answer's schedules, pulled again to check scheduleId stability.
        var request: JSON
        var schedules: [JSON]
    }

    /// Seats the run needs: two passengers on the main order, one each for cancel and close.
    static let seatsNeeded = 4

    func findSchedule() -> FoundSchedule? {
        guard let fromAnswer = ask(.fromCity, PublishedRequests.fromCities()) else { return nil }
        let departures = (fromAnswer["fromCityList"]?.arrayValue ?? []).compactMap { city -> (String, String)? in
            guard let name = city["fromCity"]?.stringValue, let code = city["cityCode"]?.stringValue else { return nil }
            return (name, code)
        }
        guard !departures.isEmpty else {
            report.add(.fail("63238", "fromCityList", "empty: no departure city to test with"))
            return nil
        }
        var queries = 0
        var fallback: FoundSchedule?
        for (fromCity, fromCode) in departures.prefix(12) {
            guard let toAnswer = ask(.toCity, PublishedRequests.toCities(fromCity: fromCity)) else { continue }
            for arrival in (toAnswer["toCityList"]?.arrayValue ?? []).prefix(6) {
                guard let toCity = arrival["toCity"]?.stringValue else { continue }
                let presale = arrival["preSellDay"]?.intValue ?? options.days
                for day in 0..<max(1, min(options.days, presale + 1)) {
                    guard queries < options.maxScheduleQueries else { return finish(fallback, queries) }
                    queries += 1
                    let date = ChinaTime.date(now + day * 86_400)
                    let request = PublishedRequests.schedules(fromCity: fromCity, fromCityCode: fromCode, toCity: toCity,
                                                              departDate: date)
                    guard let answer = ask(.schedules, request) else { continue }
                    let schedules = answer["lineSchedule"]?.arrayValue ?? []
                    report.add(ScheduleRules.check(schedules))
                    let usable = schedules.compactMap {
                        ScheduleChoice($0, fromCity: fromCity, fromCityCode: fromCode, toCity: toCity, departDate: date)
                    }.filter(isBuyable)
                    // A schedule refundable now (and per ticket) exercises the most; any buyable one will do.
                    if let best = usable.first(where: { $0.refundable(now: now) && !$0.isOrderRefund })
                        ?? usable.first(where: { $0.refundable(now: now) }) {
                        return finish(FoundSchedule(choice: best, request: request, schedules: schedules), queries)
                    }
                    if fallback == nil, let any = usable.first {
                        fallback = FoundSchedule(choice: any, request: request, schedules: schedules)
                    }
                }
            }
        }
        return finish(fallback, queries)
    }

    private func isBuyable(_ c: ScheduleChoice) -> Bool {
        // An hour's margin: a lock on a bus about to leave may rightly be refused.
        c.onSale && c.leftTicketCnt >= Self.seatsNeeded && (c.departsAt ?? 0) > now + 3600
    }

    private func finish(_ found: FoundSchedule?, _ queries: Int) -> FoundSchedule? {
        if let c = found?.choice {
            report.add(.ok("63236", "schedule to buy on",
                           "\(c.scheduleId) \(c.fromDate) \(c.fromTime) \(c.fromCity)→\(c.toCity), \(c.leftTicketCnt) seats, "
                               + (c.isOrderRefund ? "refunds per order" : "refunds per ticket")))
        } else {
            report.add(.fail("63236", "lineSchedule",
                             "no schedule on sale with \(Self.seatsNeeded) seats and an hour to go in \(queries) queries over \(options.days) days"))
        }
        return found
    }

    /// "scheduleId unique, never changes" (guide, docs/PROTOCOL.md (Qimen) 63236): the same request
    /// again names every schedule (matched by line and departure) with the same id.
    func checkStableIds(_ found: FoundSchedule) {
        guard let again = ask(.schedules, found.request, step: "second pull") else { return }
        let second = again["lineSchedule"]?.arrayValue ?? []
        report.add(ScheduleRules.check(second))
        var secondIds: [String: String] = [:]
        for s in second { if let id = s["scheduleId"]?.stringValue { secondIds[Self.departureKey(s), default: id] = id } }
        var failures: [SelftestLine] = []
        for (i, s) in found.schedules.enumerated() {
            guard let id = s["scheduleId"]?.stringValue else { continue }
            let subject = "lineSchedule[\(i)].scheduleId stable"
            switch secondIds[Self.departureKey(s)] {
            case nil: failures.append(.fail("63236", subject, "the schedule is missing from a second identical pull"))
            case let other? where other != id:
                failures.append(.fail("63236", subject, "\"\(id)\" then \"\(other)\" for the same line and departure"))
            default: break
            }
        }
        report.add(failures.isEmpty ? [.ok("63236", "lineSchedule[].scheduleId stable",
                                           "same ids in two pulls (\(found.schedules.count) schedules)")] : failures)
    }

    /// Line id and departure (date, time or window): what identifies a dated schedule besides its id.
    static func departureKey(_ s: JSON) -> String {
        let line = s["line"]
        return ["id", "fromDate", "fromTime", "fromDurationBegin", "fromDurationEnd"]
            .map { line?[$0].map { String(decoding: $0.encoded(), as: UTF8.self) } ?? "" }.joined(separator: "|")
    }
}
