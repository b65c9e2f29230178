import Foundation
import Store
import TOP

/// One worker's stream of buyer sessions: browse, maybe buy, then pay, abandon, get closed,
/// or refund. Proportions are rough guesses at a real day, enough to keep every screen busy.
struct SimulatedBuyer {
    let simulator: QimenSimulator
    let worker: Int
    var rng: SimulationRandom
    private var cities: [String] = []
    private var orders = 0

    init(simulator: QimenSimulator, worker: Int, rng: SimulationRandom) {
        self.simulator = simulator
        self.worker = worker
        self.rng = rng
    }

    mutating func run() {
        while !simulator.isOver {
            if !session() { return }
        }
    }

    /// One buyer. False when the run ended under it.
    private mutating func session() -> Bool {
        if cities.isEmpty || rng.chance(0.1) {
            guard let answer = simulator.call(.fromCity, [:]) else { return false }
            cities = answer["cities"]?.arrayValue?.compactMap { $0["cityCode"]?.stringValue } ?? []
            if cities.isEmpty { return false }  // nothing on sale: no point hammering the endpoint
        }
        let from = rng.pick(cities)!
        guard let arrivals = simulator.call(.toCity, ["fromCityCode": .string(from)]) else { return false }
        guard let to = rng.pick(arrivals["cities"]?.arrayValue?.compactMap { $0["cityCode"]?.stringValue } ?? []) else { return true }
        let date = ChinaTime.date(Int(Date().timeIntervalSince1970) + 86_400 * rng.below(3))
        if rng.chance(0.05) { guard simulator.call(.stoppedSchedules, ["fromDate": .string(date)]) != nil else { return false } }
        guard let found = simulator.call(.schedules, ["fromCityCode": .string(from), "toCityCode": .string(to),
                                                      "fromDate": .string(date)]) else { return false }
        let open = (found["schedules"]?.arrayValue ?? []).filter {
            $0["saleStatus"]?.intValue == 1 && ($0["leftTicketCnt"]?.intValue ?? 0) > 0
        }
        guard let schedule = rng.pick(open), let scheduleId = schedule["scheduleId"]?.stringValue else { return true }
        var seatBody: [(String, JSON)] = [("scheduleId", .string(scheduleId)), ("fromDate", .string(date))]
        if rng.chance(0.4), let segment = rng.pick(schedule["segmentPrices"]?.arrayValue ?? []),
           let a = segment["fromStationCode"], let b = segment["toStationCode"] {
            seatBody += [("fromStationCode", a), ("toStationCode", b)]
        }
        guard let seats = simulator.call(.seats, .object(seatBody)) else { return false }
        guard rng.chance(0.6), seats["success"]?.boolValue == true, let left = seats["leftTicketCnt"]?.intValue, left > 0,
              let price = Int(seats["ticketPrice"]?.stringValue ?? ""), let service = Int(seats["servicePrice"]?.stringValue ?? "0")
        else { return true }
        let count = min(left, 1 + rng.below(3))
        return buy(seatBody, count: count, unitFen: price + service, startTime: seats["startTime"])
    }

    /// Locks seats, then pays (most), lets the lock lapse by cancelling, or has it closed.
    private mutating func buy(_ seatBody: [(String, JSON)], count: Int, unitFen: Int, startTime: JSON?) -> Bool {
        orders += 1
        let ms = Int(Date().timeIntervalSince1970 * 1000)
        let alitripId = "9" + SimulatedPeople.pad(ms % 10_000_000_000_000, 13) + SimulatedPeople.pad(worker % 100, 2)
            + SimulatedPeople.pad(orders % 1000, 3)
        let people = (0..<count).map { _ in SimulatedPeople.person(&rng) }
        var body = seatBody.filter { $0.0 != "fromDate" }
        body += [("alitripOrderId", .string(alitripId)), ("ticketCount", .int(Int64(count))),
                 ("orderAmount", .int(Int64(unitFen * count))),
                 ("contactName", .string(people[0].name)), ("contactPhone", .string(people[0].phone))]
        if let startTime { body.append(("startTime", startTime)) }
        body.append(("passengers", .array(people.enumerated().map { k, p in
            ["passengerId": .string(String(100_000 + rng.below(900_000)) + String(k)), "name": .string(p.name),
             "certType": 1, "certNo": .string(p.certNo), "phone": .string(p.phone)]
        })))
        guard let created = simulator.call(.createOrder, .object(body)) else { return false }
        guard let agentId = created["agentOrderId"]?.stringValue else { return true }
        let ref: JSON = ["agentOrderId": .string(agentId)]
        let roll = rng.below(100)
        if roll < 12 { return simulator.call(.cancelOrder, ref) != nil }
        if roll < 18 { return simulator.call(.closeOrder, ref) != nil }
        let trade = "2026" + SimulatedPeople.pad(rng.below(1_000_000_000), 9)
        guard simulator.call(.issueTicket, ["alitripOrderId": .string(alitripId), "agentOrderId": .string(agentId),
                                            "alipayTradeNo": .string(trade)]) != nil else { return false }
        if rng.chance(0.5) { guard simulator.call(.queryOrder, ["alitripOrderId": .string(alitripId)]) != nil else { return false } }
        guard rng.chance(0.2) else { return true }
        guard let fee = simulator.call(.refundFee, ref) else { return false }
        guard fee["success"]?.boolValue == true, rng.chance(0.6) else { return true }
        return simulator.call(.refundApply, ["agentOrderId": .string(agentId), "alitripOrderId": .string(alitripId),
                                             "refundReason": "行程变更"]) != nil
    }
}
