import Foundation
import Store
import TOP

/// One worker's stream of buyer sessions: browse, maybe buy, then pay, abandon, get closed,
/// or refund. Proportions are rough guesses at a real day, enough to keep every screen busy.
struct SimulatedBuyer {
    let simulator: QimenSimulator
    let worker: Int
    var rng: SimulationRandom
    private var cities: [(name: String, code: String)] = []
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

    /// One buyer, in the published shapes (docs/PROTOCOL.md (Qimen), `PublishedRequests`). False when
    /// the run ended under it.
    private mutating func session() -> Bool {
        if cities.isEmpty || rng.chance(0.1) {
            guard let answer = simulator.call(.fromCity, PublishedRequests.fromCities()) else { return false }
            cities = (answer["fromCityList"]?.arrayValue ?? []).compactMap { city in
                guard let name = city["fromCity"]?.stringValue, let code = city["cityCode"]?.stringValue else { return nil }
                return (name, code)
            }
            if cities.isEmpty { return false }  // nothing on sale: no point hammering the endpoint
        }
        let (fromCity, fromCode) = rng.pick(cities)!
        guard let arrivals = simulator.call(.toCity, PublishedRequests.toCities(fromCity: fromCity)) else { return false }
        guard let toCity = rng.pick((arrivals["toCityList"]?.arrayValue ?? []).compactMap { $0["toCity"]?.stringValue })
        else { return true }
        let date = ChinaTime.date(Int(Date().timeIntervalSince1970) + 86_400 * rng.below(3))
        if rng.chance(0.05) {
            let window = PublishedRequests.stoppedSchedules(fromCity: fromCity, toCity: toCity, begin: date + " 00:00:00",
                                                            end: date + " 23:59:59")
            guard simulator.call(.stoppedSchedules, window) != nil else { return false }
        }
        let request = PublishedRequests.schedules(fromCity: fromCity, fromCityCode: fromCode, toCity: toCity, departDate: date)
        guard let found = simulator.call(.schedules, request) else { return false }
        let open = (found["lineSchedule"]?.arrayValue ?? []).filter {
            $0["saleStatus"]?.intValue == 1 && ($0["leftTicketCnt"]?.intValue ?? 0) > 0
        }
        guard let schedule = rng.pick(open) else { return true }
        // Most buyers ride the whole route; some board or alight at a stop between.
        let stops = schedule["stations"]?.arrayValue?.count ?? 0
        var board = 0, alight = max(1, stops - 1)
        if stops > 2, rng.chance(0.4) {
            board = rng.below(stops - 1)
            alight = board + 1 + rng.below(stops - 1 - board)
        }
        guard var choice = ScheduleChoice(schedule, fromCity: fromCity, fromCityCode: fromCode, toCity: toCity,
                                          departDate: date, boardIndex: board, alightIndex: alight) else { return true }
        guard let seats = simulator.call(.seats, PublishedRequests.seats(choice)) else { return false }
        guard rng.chance(0.6), seats["success"]?.boolValue == true, let left = seats["leftTicketCnt"]?.intValue, left > 0
        else { return true }
        // 63235's fare is the current one (Fliggy blocks a changed price), and its startTime a moved departure.
        if let fare = ScheduleChoice.fen(seats["ticketPrice"]) { choice.fareFen = fare }
        var moved: (date: String, time: String)?
        if let start = seats["startTime"]?.stringValue, TopClock.parse(start) != nil {
            let parts = start.split(separator: " ")
            moved = (String(parts[0]), String(parts[1]))
        }
        return buy(choice, count: min(left, 1 + rng.below(3)), departure: moved)
    }

    /// Locks seats, then pays (most), lets the lock lapse by cancelling, or has it closed.
    private mutating func buy(_ choice: ScheduleChoice, count: Int, departure: (date: String, time: String)?) -> Bool {
        orders += 1
        let ms = Int(Date().timeIntervalSince1970 * 1000)
        let alitripId = "9" + Digits.pad(ms % 10_000_000_000_000, 13) + Digits.pad(worker % 100, 2)
            + Digits.pad(orders % 1000, 3)
        let trade = "2026" + Digits.pad(rng.below(1_000_000_000), 9)
        let people = (0..<count).map { _ in SimulatedPeople.person(&rng) }
        let body = PublishedRequests.createOrder(choice, alitripOrderId: alitripId, alipayTradeNo: trade, people: people,
                                                 departure: departure)
        guard let created = simulator.call(.createOrder, body) else { return false }
        guard let agentId = created["agentOrderId"]?.stringValue else { return true }
        let ref = PublishedRequests.order(agentOrderId: agentId, alitripOrderId: alitripId)
        let roll = rng.below(100)
        if roll < 12 { return simulator.call(.cancelOrder, ref) != nil }
        if roll < 18 { return simulator.call(.closeOrder, ref) != nil }
        guard let issued = simulator.call(.issueTicket, ref) else { return false }
        if rng.chance(0.5) { guard simulator.call(.queryOrder, ref) != nil else { return false } }
        guard rng.chance(0.2) else { return true }
        guard let fee = simulator.call(.refundFee, ref) else { return false }
        guard fee["success"]?.boolValue == true, rng.chance(0.6) else { return true }
        var fees: [String: Int] = [:]
        for entry in fee["passengerList"]?.arrayValue ?? [] {
            if let id = entry["ticketId"]?.stringValue, let fen = entry["refundSurcharge"]?.intValue { fees[id] = fen }
        }
        // A per-ticket schedule lets one passenger of several refund alone; a per-order one takes the whole order.
        let passengers = issued["passengerList"]?.arrayValue?.count ?? 0
        let which = choice.isOrderRefund || passengers < 2 ? Array(0..<passengers) : [rng.below(passengers)]
        let entries = PublishedRequests.refundEntries(from: issued, passengerIndexes: which, fees: fees)
        guard !entries.isEmpty else { return true }
        return simulator.call(.refundApply, PublishedRequests.refundApply(agentOrderId: agentId, alitripOrderId: alitripId,
                                                                          entries: entries)) != nil
    }
}
