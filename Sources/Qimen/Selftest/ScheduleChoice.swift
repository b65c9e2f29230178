import Store
import TOP

/// One schedule from a 63236 answer, read the way Fliggy uses it to ask for seats and lock
/// them (docs/PROTOCOL.md (Qimen) 63235, 63228): ids, departure, a boarding/alighting pair and its fare.
struct ScheduleChoice: Sendable {
    var fromCity: String
    var fromCityCode: String
    var toCity: String
    var schedule: JSON
    var scheduleId: String
    var lineId: String
    /// yyyy-MM-dd: line.fromDate, or the requested day for a flowing schedule without one.
    var fromDate: String
    /// HH:mm: line.fromTime, or the window's start for fromTimeType 3/4.
    var fromTime: String
    var board: (code: String, name: String)
    var alight: (code: String, name: String)
    /// Fare for the pair (segment price, else the schedule's ticketPrice) and the service fee, fen.
    var fareFen: Int
    var serviceFen: Int
    var isOrderRefund: Bool
    var leftTicketCnt: Int
    var onSale: Bool

    /// nil when the schedule lacks what a purchase needs (its shape lines say why).
    init?(_ schedule: JSON, fromCity: String, fromCityCode: String, toCity: String, departDate: String,
          boardIndex: Int = 0, alightIndex: Int? = nil) {
        guard let line = schedule["line"], let lineId = line["id"]?.stringValue,
              let scheduleId = schedule["scheduleId"]?.stringValue,
              let stations = schedule["stations"]?.arrayValue, stations.count >= 2 else { return nil }
        let alightAt = alightIndex ?? stations.count - 1
        guard boardIndex >= 0, boardIndex < alightAt, alightAt < stations.count,
              let fromCode = stations[boardIndex]["stationCode"]?.stringValue,
              let toCode = stations[alightAt]["stationCode"]?.stringValue else { return nil }
        let type = line["fromTimeType"]?.intValue ?? 1
        let time = type == 1 ? line["fromTime"]?.stringValue : line["fromDurationBegin"]?.stringValue
        guard let time, StringFormat.isMinute(time) else { return nil }
        let segment = schedule["segmentPrices"]?.arrayValue?.first {
            $0["fromStationCode"]?.stringValue == fromCode && $0["toStationCode"]?.stringValue == toCode
        }
        guard let fare = Self.fen(segment?["ticketPrice"]) ?? Self.fen(schedule["ticketPrice"]) else { return nil }
        self.fromCity = fromCity
        self.fromCityCode = fromCityCode
        self.toCity = toCity
        self.schedule = schedule
        self.scheduleId = scheduleId
        self.lineId = lineId
        self.fromDate = line["fromDate"]?.stringValue ?? departDate
        self.fromTime = time
        self.board = (fromCode, stations[boardIndex]["stationName"]?.stringValue ?? "")
        self.alight = (toCode, stations[alightAt]["stationName"]?.stringValue ?? "")
        self.fareFen = fare
        self.serviceFen = Self.fen(schedule["servicePrice"]) ?? 0
        self.isOrderRefund = schedule["isOrderRefund"]?.boolValue ?? true
        self.leftTicketCnt = schedule["leftTicketCnt"]?.intValue ?? 0
        self.onSale = schedule["saleStatus"]?.intValue == 1
    }

    /// Fen as the tables write it: a String of digits (a Number is read too, to keep going).
    static func fen(_ value: JSON?) -> Int? {
        if let s = value?.stringValue { return StringFormat.digits.accepts(s) ? Int(s) : nil }
        return value?.intValue
    }

    /// Departure as epoch seconds (GMT+8).
    var departsAt: Int? { ChinaTime.parseDateTime(fromDate + " " + fromTime) }

    /// The refund tier in force `now`: its fee percent, nil when no tier covers the time.
    func feePercent(now: Int) -> Int? {
        guard let departs = departsAt else { return nil }
        let hours = Double(departs - now) / 3600
        for rule in schedule["refundRules"]?.arrayValue ?? [] {
            guard let from = rule["hoursBeforeFrom"]?.intValue, let percent = rule["feePercent"]?.intValue else { continue }
            let to = rule["hoursBeforeTo"]?.intValue
            if hours >= Double(from) && (to.map { hours < Double($0) } ?? true) { return percent }
        }
        return nil
    }

    /// A refund is allowed now: some tier covers the time and keeps less than the whole fare.
    func refundable(now: Int) -> Bool { (feePercent(now: now) ?? 100) < 100 }
}
