import Foundation
import Store
import TOP

/// The request bodies Fliggy sends, as docs/PROTOCOL.md (Qimen) publishes them: shared by
/// `busops selftest` and `busops simulate` so both speak exactly the same shapes.
enum PublishedRequests {
    /// 63238: `{}` asks for every departure city.
    static func fromCities() -> JSON { .object([]) }

    /// 63237: the `fromCity` name passed back verbatim from 63238.
    static func toCities(fromCity: String) -> JSON { ["fromCity": .string(fromCity)] }

    /// 63236: analogue 48214's `fromCityName`/`fromCityCode`/`departDate`, and the
    /// arrival city by name (`toCity`, accepted by decision; 63237 gives no code).
    static func schedules(fromCity: String, fromCityCode: String, toCity: String, departDate: String) -> JSON {
        ["fromCityName": .string(fromCity), "fromCityCode": .string(fromCityCode), "toCity": .string(toCity),
         "departDate": .string(departDate)]
    }

    /// 63235, as page 63235's example: `fromTime` `HH:mm`.
    static func seats(_ c: ScheduleChoice) -> JSON {
        ["scheduleId": .string(c.scheduleId), "fromDate": .string(c.fromDate), "fromTime": .string(c.fromTime),
         "lineId": .string(c.lineId), "fromStationCode": .string(c.board.code), "toStationCode": .string(c.alight.code)]
    }

    /// 63228 with the passengers of analogue 48231. `fromTime` with seconds (page 63228);
    /// `ticketAmount` one ticket's fare, `orderAmount` the total with service fees.
    static func createOrder(_ c: ScheduleChoice, alitripOrderId: String, alipayTradeNo: String,
                            people: [SimulatedPeople.Person], departure: (date: String, time: String)? = nil) -> JSON {
        let date = departure?.date ?? c.fromDate
        let time = departure?.time ?? c.fromTime + ":00"
        let count = people.count
        return .object([
            ("lineId", .string(c.lineId)), ("scheduleId", .string(c.scheduleId)),
            ("alitripOrderId", .string(alitripOrderId)), ("alipayTradeNo", .string(alipayTradeNo)),
            ("goodsId", .string("G" + c.lineId)),
            ("fromDate", .string(date)), ("fromTime", .string(time)),
            ("ticketAmount", .int(Int64(c.fareFen))), ("orderAmount", .int(Int64((c.fareFen + c.serviceFen) * count))),
            ("ticketCount", .int(Int64(count))),
            ("fromCityName", .string(c.fromCity)), ("fromCityCode", .string(c.fromCityCode)), ("toCityName", .string(c.toCity)),
            ("fromStationName", .string(c.board.name)), ("fromStationCode", .string(c.board.code)),
            ("toStationName", .string(c.alight.name)), ("toStationCode", .string(c.alight.code)),
            ("contactName", .string(people[0].name)), ("contactMobile", .string(people[0].phone)),
            ("contactCertificateNo", .string(people[0].certNo)), ("contactCertificateType", "1"),
            ("passengerList", .array(people.map { p in
                ["passengerName": .string(p.name), "passengerCertificateNo": .string(p.certNo),
                 "passengerCertificateType": "1", "passengerType": "0", "ticketPrice": .int(Int64(c.fareFen))]
            })),
        ])
    }

    /// 63227, 63226, 63224, 64430, cancel: both order ids.
    static func order(agentOrderId: String, alitripOrderId: String) -> JSON {
        ["agentOrderId": .string(agentOrderId), "alitripOrderId": .string(alitripOrderId)]
    }

    /// One ticket to refund, named as 63225 asks (analogue 48226).
    struct RefundEntry: Sendable {
        var ticketId: String
        var passengerId: String
        var passengerName: String?
        var passengerCertificateNo: String?
        var refundSurcharge: Int?
    }

    /// 63225: the tickets to refund, by ticketId and passengerId from the confirm answer.
    static func refundApply(agentOrderId: String, alitripOrderId: String, entries: [RefundEntry]) -> JSON {
        ["agentOrderId": .string(agentOrderId), "alitripOrderId": .string(alitripOrderId),
         "passengerList": .array(entries.map { e in
             var fields: [(String, JSON)] = []
             if let name = e.passengerName { fields.append(("passengerName", .string(name))) }
             if let cert = e.passengerCertificateNo {
                 fields += [("passengerCertificateNo", .string(cert)), ("passengerCertificateType", "1")]
             }
             fields += [("passengerId", .string(e.passengerId)), ("ticketId", .string(e.ticketId))]
             if let fee = e.refundSurcharge { fields.append(("refundSurcharge", .int(Int64(fee)))) }
             return .object(fields)
         })]
    }

    /// The entries for every ticket of the given passengers of a 63226/63227 answer.
    static func refundEntries(from answer: JSON, passengerIndexes: [Int], fees: [String: Int] = [:]) -> [RefundEntry] {
        let passengers = answer["passengerList"]?.arrayValue ?? []
        return passengerIndexes.filter { passengers.indices.contains($0) }.flatMap { k -> [RefundEntry] in
            let p = passengers[k]
            guard let passengerId = p["passengerId"]?.stringValue else { return [] }
            return (p["ticketList"]?.arrayValue ?? []).compactMap { t in
                guard let ticketId = t["ticketId"]?.stringValue else { return nil }
                return RefundEntry(ticketId: ticketId, passengerId: passengerId,
                                   passengerName: p["passengerName"]?.stringValue,
                                   passengerCertificateNo: p["passengerCertificateNo"]?.stringValue,
                                   refundSurcharge: fees[ticketId])
            }
        }
    }

    /// 63223: cities by name and a departure window `yyyy-MM-dd HH:mm:ss`.
    static func stoppedSchedules(fromCity: String, toCity: String, begin: String, end: String) -> JSON {
        ["fromCity": .string(fromCity), "toCity": .string(toCity),
         "fromDateTimeBegin": .string(begin), "fromDateTimeEnd": .string(end)]
    }
}
