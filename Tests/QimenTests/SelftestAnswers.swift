import Foundation
@testable import Qimen
import Store
import TOP

/// Hand-written answers built from docs/PROTOCOL.md's Qimen tables and examples (not from what our
/// server answers): the yardstick the self-test's checks are tested against.
enum SelftestAnswers {
    /// Tomorrow (GMT+8): the fixture's departures are always ahead of the clock.
    static var tomorrow: String { ChinaTime.date(ChinaTime.now() + 86_400) }

    static func object(_ text: String) -> JSON { try! JSON.parse(text) }

    static let fromCities = object(#"{"fromCityList":[{"provinceName":"上海市","fromCity":"上海市","cityCode":"310100"}]}"#)
    static let toCities = object(#"{"toCityList":[{"provinceName":"浙江省","toCity":"杭州市","preSellDay":14}]}"#)

    /// A fixed departure (type 1, per ticket, a point, an area and a point station) and a
    /// flowing one (type 4, window 09:00–18:00, sold out).
    static func schedules(date: String = tomorrow, left: Int = 40) -> JSON {
        object("""
        {"lineSchedule":[
          {"line":{"id":"111","name":"上海—杭州","desc":"经虹桥","fromDate":"\(date)","fromTime":"08:00","fromTimeType":1},
           "scheduleId":"S111-\(date)","ticketPrice":"5000","servicePrice":"0","leftTicketCnt":\(left),"saleStatus":1,
           "maxSellNum":5,"backDays":0,"isOrderRefund":false,
           "refundRules":[{"hoursBeforeFrom":0,"hoursBeforeTo":1,"feePercent":100},
                          {"hoursBeforeFrom":1,"hoursBeforeTo":24,"feePercent":10},
                          {"hoursBeforeFrom":24,"feePercent":0}],
           "refundStructuredInfo":"[{\\"seq\\":1,\\"key\\":\\"发车前1小时内\\",\\"value\\":\\"不可退\\"}]",
           "stations":[
             {"stationCode":"101","stationName":"上海南站","arriveTime":"08:00","stationType":1,
              "longitude":"121.430000","latitude":"31.155000","stationFeature":["机场专线"]},
             {"stationCode":"102","stationName":"虹桥片区","arriveTime":"08:40","stationType":2,
              "geofence":[{"longitude":"121.30","latitude":"31.18"},{"longitude":"121.34","latitude":"31.18"},
                          {"longitude":"121.34","latitude":"31.21"},{"longitude":"121.30","latitude":"31.21"}]},
             {"stationCode":"103","stationName":"杭州东站","arriveTime":"10:00","stationType":1,
              "longitude":"120.212000","latitude":"30.291000"}],
           "segmentPrices":[{"fromStationCode":"101","toStationCode":"102","ticketPrice":"2000"},
                            {"fromStationCode":"101","toStationCode":"103","ticketPrice":"5000"},
                            {"fromStationCode":"102","toStationCode":"103","ticketPrice":"4000"}],
           "transferPoints":[{"name":"杭州东站西广场","address":"东宁路"}]},
          {"line":{"id":"112","name":"上海—杭州 流水班","desc":"","fromDate":"\(date)","fromDurationBegin":"09:00",
                   "fromDurationEnd":"18:00","fromTimeType":4},
           "scheduleId":"S112-\(date)","ticketPrice":"4500","leftTicketCnt":0,"saleStatus":0,"isOrderRefund":true,
           "refundRules":[{"hoursBeforeFrom":0,"hoursBeforeTo":2,"feePercent":100},{"hoursBeforeFrom":2,"feePercent":20}],
           "stations":[{"stationCode":"101","stationName":"上海南站","arriveTime":"09:00","stationType":1,
                        "longitude":"121.430000","latitude":"31.155000"},
                       {"stationCode":"103","stationName":"杭州东站","arriveTime":"11:00","stationType":1,
                        "longitude":"120.212000","latitude":"30.291000"}],
           "segmentPrices":[{"fromStationCode":"101","toStationCode":"103","ticketPrice":"4500"}]}
        ]}
        """)
    }

    /// Page 63235's fields with a moved departure (`startTime`).
    static let seats = object(#"{"leftTicketCnt":12,"ticketPrice":"2000","startTime":"2022-05-19 10:30:00","saleStatus":1}"#)

    static let created = object(#"{"agentOrderId":"1893330565555","alitripOrderId":"23334040404","status":"1"}"#)

    /// Page 63226's answer for one passenger, one ticket.
    static let confirmed = object("""
    {"alitripOrderId":"3345678","agentOrderId":"1234567","agentIssueTime":"2026-11-22 07:00:05","status":"3",
     "statusDesc":"已出票","fetchTicketSpot":"上海南站北广场","ticketWicket":"12检票口","smsContent":"您的车票已出票",
     "passengerList":[{"passengerName":"罗大佑","passengerCertificateNo":"212100198902171763","passengerType":"0",
       "passengerCertificateType":"1","passengerId":"3331",
       "ticketList":[{"ticketId":"33330","ticketNo":"T33330","ticketPwd":"8812","ticketSeatNo":"12",
                      "ticketPrice":5000,"eTicketNo":"QR33330","ticketStatus":"2"}]}]}
    """)

    /// 63227: 63226's answer plus the isRefund flags.
    static var queried: JSON {
        guard case .object(var fields) = confirmed else { fatalError() }
        fields = fields.map { key, value in
            guard key == "passengerList", case .array(let passengers) = value else { return (key, value) }
            return (key, .array(passengers.map { p in
                guard case .object(let f) = p else { return p }
                return .object(f + [("isRefund", false)])
            }))
        }
        return .object(fields + [("isRefund", false)])
    }

    static let refundFee = object("""
    {"agentOrderId":"1506644040404","alitripOrderId":"400339933333",
     "passengerList":[{"passengerId":"3331","passengerName":"罗大佑","passengerCertificateNo":"212100198902171763",
                       "passengerCertificateType":"1","ticketId":"33330","refundSurcharge":500}]}
    """)

    static let stopped = object("""
    {"lineSchedule":[{"line":{"id":"111","name":"北京—天津","desc":"","fromDate":"2022-05-20","fromTime":"07:00","fromTimeType":1},
                      "scheduleId":"S111-2022-05-20"}]}
    """)

    static let closed = object(#"{"status":"4"}"#)
    static let cancelled = object(#"{"status":"5"}"#)

    /// Every interface's correct answer.
    static var all: [(QimenInterface, JSON)] {
        [(.fromCity, fromCities), (.toCity, toCities), (.schedules, schedules()), (.seats, seats), (.createOrder, created),
         (.queryOrder, queried), (.issueTicket, confirmed), (.refundApply, .object([])), (.refundFee, refundFee),
         (.stoppedSchedules, stopped), (.closeOrder, closed), (.cancelOrder, cancelled)]
    }

    /// `json` with the value at `path` (object keys and array indexes) replaced, or removed when `value` is nil.
    static func edit(_ json: JSON, _ path: [Any], _ value: JSON?) -> JSON {
        guard let head = path.first else { return value ?? json }
        let rest = Array(path.dropFirst())
        switch (json, head) {
        case (.object(let fields), let key as String):
            if rest.isEmpty && value == nil { return .object(fields.filter { $0.0 != key }) }
            if !fields.contains(where: { $0.0 == key }) { return .object(fields + [(key, value!)]) }
            return .object(fields.map { $0.0 == key ? ($0.0, edit($0.1, rest, value)) : $0 })
        case (.array(var items), let i as Int):
            if rest.isEmpty && value == nil { items.remove(at: i) } else { items[i] = edit(items[i], rest, value) }
            return .array(items)
        default:
            fatalError("no \(head) in \(json)")
        }
    }

    /// `json` with one key renamed (value kept, position kept).
    static func rename(_ json: JSON, _ path: [Any], from old: String, to new: String) -> JSON {
        guard let head = path.first else {
            guard case .object(let fields) = json else { fatalError() }
            return .object(fields.map { $0.0 == old ? (new, $0.1) : $0 })
        }
        let rest = Array(path.dropFirst())
        switch (json, head) {
        case (.object(let fields), let key as String):
            return .object(fields.map { $0.0 == key ? ($0.0, rename($0.1, rest, from: old, to: new)) : $0 })
        case (.array(var items), let i as Int):
            items[i] = rename(items[i], rest, from: old, to: new)
            return .array(items)
        default:
            fatalError("no \(head) in \(json)")
        }
    }
}
