import Foundation
@testable import Qimen
import Store
import TOP
import XCTest

/// The cases issue 10 names, through the router and the real store: partial refunds by `passengerList`, idempotency,
/// a moved departure, cities by full name / short name / code, stopped schedules by window (docs/PROTOCOL.md (Qimen)).
final class PublishedProtocolTests: XCTestCase {
    /// A four-ticket order on the per-ticket schedule, issued; answers the confirm.
    func issuedOrder(_ f: QimenStoreFixture, alitrip: String, passengers: Int = 4) throws -> JSON {
        let created = try f.answer(.createOrder, f.orderBody(alitripId: alitrip, scheduleId: QimenGoldenTests.perTicket,
                                                             passengers: passengers, seed: Int(alitrip.suffix(3))!))
        XCTAssertEqual(created["success"], true, "\(created)")
        let confirm = try f.answer(.issueTicket, ["agentOrderId": created["agentOrderId"]!, "alitripOrderId": .string(alitrip)])
        XCTAssertEqual(confirm["status"], "3", "\(confirm)")
        return confirm
    }

    func passenger(_ confirm: JSON, _ k: Int) -> JSON {
        let p = confirm["passengerList"]![k]!
        return ["passengerName": p["passengerName"]!, "passengerCertificateNo": p["passengerCertificateNo"]!,
                "passengerCertificateType": "1", "passengerId": p["passengerId"]!, "ticketId": p["ticketList"]![0]!["ticketId"]!]
    }

    func apply(_ f: QimenStoreFixture, _ confirm: JSON, _ list: [JSON]) throws -> JSON {
        try f.answer(.refundApply, ["agentOrderId": confirm["agentOrderId"]!, "alitripOrderId": confirm["alitripOrderId"]!,
                                    "passengerList": .array(list)])
    }

    func ticketStatuses(_ f: QimenStoreFixture, _ confirm: JSON) throws -> [String] {
        let query = try f.answer(.queryOrder, ["agentOrderId": confirm["agentOrderId"]!, "alitripOrderId": confirm["alitripOrderId"]!])
        return query["passengerList"]!.arrayValue!.map { $0["ticketList"]![0]!["ticketStatus"]!.stringValue! }
    }

    /// The classic `passengerList` naming one passenger of a four-ticket per-ticket order refunds that one ticket
    /// (issue 10 saw all four go: 560 yuan instead of 140).
    func testRefundApplyRefundsExactlyTheListedPassenger() throws {
        let f = try QimenStoreFixture(settings: QimenSalesSettings(autoRefund: true))
        let confirm = try issuedOrder(f, alitrip: "7100000001")
        let paid = try f.count("SELECT total_fen FROM orders WHERE main_biz_order_id = '7100000001'")
        let answer = try apply(f, confirm, [passenger(confirm, 1)])
        XCTAssertEqual(answer, ["success": true, "retCode": "0", "retDesc": "成功"], "the envelope alone")
        XCTAssertEqual(try ticketStatuses(f, confirm), ["2", "5", "2", "2"])
        let refunded = try f.count("SELECT sum(amount_fen + fee_fen) FROM refunds WHERE order_id = (SELECT id FROM orders WHERE main_biz_order_id = '7100000001')")
        XCTAssertEqual(refunded, paid / 4, "one ticket's money, not the order's")
        // A retry of the same list (same certificate) writes nothing; a later request refunds another.
        let version = try f.dataVersion()
        XCTAssertEqual(try apply(f, confirm, [passenger(confirm, 1)])["success"], true)
        XCTAssertEqual(try f.dataVersion(), version, "a retry writes nothing")
        XCTAssertEqual(try apply(f, confirm, [passenger(confirm, 3)])["success"], true)
        XCTAssertEqual(try ticketStatuses(f, confirm), ["2", "5", "2", "5"])
        XCTAssertEqual(try f.count("SELECT count(*) FROM refunds WHERE order_id = (SELECT id FROM orders WHERE main_biz_order_id = '7100000001')"), 2)
    }

    /// All listed tickets or none: one entry that matches nothing refunds nothing.
    func testRefundApplyIsAllOrNone() throws {
        let f = try QimenStoreFixture()
        let confirm = try issuedOrder(f, alitrip: "7100000002")
        let version = try f.dataVersion()
        let answer = try apply(f, confirm, [passenger(confirm, 0), ["ticketId": "100000099999", "passengerId": "77"]])
        XCTAssertEqual(answer["retCode"], "param-invalid")
        XCTAssertEqual(try f.dataVersion(), version)
        XCTAssertEqual(try ticketStatuses(f, confirm), ["2", "2", "2", "2"])
        // Matched by certificate number alone, queued for the operator (auto-refund off).
        let byCert = try apply(f, confirm, [["passengerCertificateNo": confirm["passengerList"]![2]!["passengerCertificateNo"]!]])
        XCTAssertEqual(byCert["success"], true, "\(byCert)")
        XCTAssertEqual(try ticketStatuses(f, confirm), ["2", "2", "4", "2"])
    }

    /// A per-order schedule refuses a list that leaves a ticket out, and takes the whole list.
    func testPerOrderScheduleRefusesAPartialList() throws {
        let f = try QimenStoreFixture(settings: QimenSalesSettings(autoRefund: true))
        let created = try f.answer(.createOrder, f.orderBody(alitripId: "7100000003", scheduleId: QimenGoldenTests.perOrder, passengers: 2))
        let confirm = try f.answer(.issueTicket, ["agentOrderId": created["agentOrderId"]!, "alitripOrderId": "7100000003"])
        let partial = try apply(f, confirm, [passenger(confirm, 0)])
        XCTAssertEqual(partial["retCode"], "refund-not-allowed")
        XCTAssertTrue(partial["retDesc"]!.stringValue!.contains("per order"), "\(partial)")
        XCTAssertEqual(try apply(f, confirm, [passenger(confirm, 0), passenger(confirm, 1)])["success"], true)
        XCTAssertEqual(try ticketStatuses(f, confirm), ["5", "5"])
    }

    /// The fee kept is never above the `refundSurcharge` Fliggy showed the buyer.
    func testFeeKeptIsAtMostTheQuotedSurcharge() throws {
        let f = try QimenStoreFixture(settings: QimenSalesSettings(autoRefund: true))
        let created = try f.answer(.createOrder, f.orderBody(alitripId: "7100000004", scheduleId: QimenGoldenTests.perOrder))
        let confirm = try f.answer(.issueTicket, ["agentOrderId": created["agentOrderId"]!, "alitripOrderId": "7100000004"])
        var p = passenger(confirm, 0).objectValue!
        p.append(("refundSurcharge", 50))
        XCTAssertEqual(try apply(f, confirm, [.object(p)])["success"], true)
        XCTAssertEqual(try f.count("SELECT fee_fen FROM refunds WHERE order_id = (SELECT id FROM orders WHERE main_biz_order_id = '7100000004')"), 50)
    }

    /// Create order is idempotent on alitripOrderId; a moved departure is refused and locks nothing.
    func testCreateOrderIdempotentAndDepartureChecked() throws {
        let f = try QimenStoreFixture()
        let body = try f.orderBody(alitripId: "7100000005", scheduleId: QimenGoldenTests.perOrder, passengers: 2)
        let held = try f.observer.scheduleSeats(QimenGoldenTests.perOrder)!.seatsHeld
        let first = try f.answer(.createOrder, body)
        let again = try f.answer(.createOrder, body)
        XCTAssertEqual(first, again)
        XCTAssertEqual(try f.observer.scheduleSeats(QimenGoldenTests.perOrder)!.seatsHeld, held + 2, "seats taken once")
        // HH:mm is accepted as well as HH:mm:ss.
        var members = try f.orderBody(alitripId: "7100000006", scheduleId: QimenGoldenTests.perOrder).objectValue!
        members = members.map { $0.0 == "fromTime" ? ($0.0, "06:00") : $0 }
        XCTAssertEqual(try f.answer(.createOrder, .object(members))["success"], true)
        members = try f.orderBody(alitripId: "7100000007", scheduleId: QimenGoldenTests.perOrder).objectValue!
        members = members.map { $0.0 == "fromTime" ? ($0.0, "08:00:00") : $0 }
        let version = try f.dataVersion()
        let moved = try f.answer(.createOrder, .object(members))
        XCTAssertEqual(moved["retCode"], "start-time-changed")
        XCTAssertEqual(moved["retDesc"], "departure time changed to 2026-11-22 06:00:00")
        XCTAssertEqual(try f.dataVersion(), version)
    }

    /// Fliggy's passenger details are stored as sent and come back: child type, certificate, fare.
    func testPassengerDetailsComeBackAsSent() throws {
        let f = try QimenStoreFixture()
        var members = try f.orderBody(alitripId: "7100000008", scheduleId: QimenGoldenTests.perTicket, passengers: 2).objectValue!
        let people: JSON = [["passengerName": "罗大佑", "passengerCertificateNo": .string(QimenStoreFixture.residentID(801)),
                             "passengerCertificateType": "01", "passengerType": "1", "ticketPrice": 6000],
                            ["passengerName": "罗小佑", "passengerCertificateNo": .string(QimenStoreFixture.residentID(802)),
                             "passengerCertificateType": "1", "passengerType": "2", "ticketPrice": 3000]]
        // A "2" marks the classic numbering: 1 adult, 2 child. Adult at the fare (13500 whole route, fee 0), child below it.
        members = members.map { m in
            switch m.0 {
            case "passengerList": return (m.0, [["passengerName": "罗大佑", "passengerCertificateNo": .string(QimenStoreFixture.residentID(801)),
                                                  "passengerCertificateType": "01", "passengerType": "1", "ticketPrice": 13500],
                                                 ["passengerName": "罗小佑", "passengerCertificateNo": .string(QimenStoreFixture.residentID(802)),
                                                  "passengerCertificateType": "1", "passengerType": "2", "ticketPrice": 7000]])
            case "orderAmount": return (m.0, 20500)
            default: return m
            }
        }
        _ = people
        let created = try f.answer(.createOrder, .object(members))
        XCTAssertEqual(created["success"], true, "\(created)")
        let q = try f.answer(.queryOrder, ["alitripOrderId": "7100000008"])
        let list = q["passengerList"]!.arrayValue!
        XCTAssertEqual(list.map { $0["passengerType"]! }, ["0", "1"], "answered in page 63226's numbering")
        XCTAssertEqual(list.map { $0["passengerCertificateType"]! }, ["1", "1"])
        XCTAssertEqual(list.map { $0["ticketList"]![0]!["ticketPrice"]! }, [13500, 7000])
        XCTAssertTrue(list.allSatisfy { ($0["passengerId"]?.stringValue ?? "x").allSatisfy(\.isNumber) })
        XCTAssertEqual(try f.count("SELECT total_fen FROM orders WHERE main_biz_order_id = '7100000008'"), 20500)
        // Mixed numberings cannot be read either way.
        members = members.map { $0.0 == "passengerList" ? ($0.0, [["passengerName": "a", "passengerCertificateNo": .string(QimenStoreFixture.residentID(803)),
                                                                   "passengerType": "0", "ticketPrice": 13500],
                                                                  ["passengerName": "b", "passengerCertificateNo": .string(QimenStoreFixture.residentID(804)),
                                                                   "passengerType": "2", "ticketPrice": 7000]]) : ($0.0 == "alitripOrderId" ? ($0.0, "7100000009") : $0) }
        XCTAssertEqual(try f.answer(.createOrder, .object(members))["retCode"], "param-invalid")
    }

    func testCitiesByFullNameShortNameAndCode() throws {
        let f = try QimenStoreFixture()
        let all = try f.answer(.fromCity, [:])["fromCityList"]!.arrayValue!
        XCTAssertTrue(all.contains { $0["fromCity"] == "上海市" && $0["cityCode"] == "310100" && $0["provinceName"] == "上海市" })
        XCTAssertTrue(all.contains { $0["fromCity"] == "深圳市" })
        for name in ["上海市", "上海", "310100"] {
            let to = try f.answer(.toCity, ["fromCity": .string(name)])["toCityList"]!.arrayValue!
            XCTAssertEqual(Set(to.compactMap { $0["toCity"]?.stringValue }), ["南京市", "杭州市"], name)
            XCTAssertTrue(to.allSatisfy { ($0["preSellDay"]?.intValue ?? 0) == 7 }, "2026-11-21 (today) to 2026-11-27: \(to)")
        }
        XCTAssertEqual(try f.answer(.toCity, ["fromCity": "北京市"]), ["success": true, "retCode": "0", "retDesc": "成功", "toCityList": []])
        XCTAssertEqual(try f.answer(.toCity, ["fromCity": "深圳"])["toCityList"]![0]!["toCity"], "香港特别行政区")
    }

    func testSchedulesWithoutDateSpanThePresalePeriodAndStationsFilter() throws {
        let f = try QimenStoreFixture()
        let all = try f.answer(.schedules, ["fromCityName": "上海市", "toCityName": "南京"])["lineSchedule"]!.arrayValue!
        XCTAssertEqual(Set(all.compactMap { $0["line"]?["fromDate"]?.stringValue }),
                       ["2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"])
        let viaWuxi = try f.answer(.schedules, ["fromCityCode": "310100", "toStationName": "无锡汽车客运站", "departDate": "2026-11-22"])
        XCTAssertEqual(viaWuxi["lineSchedule"]!.arrayValue!.map { $0["line"]!["id"]! }, ["L-SH-NJ", "L-SH-NJ"])
    }

    func testStoppedSchedulesByCityStationAndWindow() throws {
        let f = try QimenStoreFixture()
        func stopped(_ body: JSON) throws -> [String] {
            try f.answer(.stoppedSchedules, body)["lineSchedule"]!.arrayValue!.map { $0["scheduleId"]!.stringValue! }
        }
        let all = try stopped([:])
        XCTAssertEqual(all.count, try f.count("SELECT count(*) FROM schedules WHERE on_sale = 0"))
        XCTAssertTrue(all.contains("L-HZ-WZ-20261122-1345"))
        XCTAssertEqual(try stopped(["fromCity": "杭州市", "toCity": "温州市", "fromStationCode": "HZ01", "toStationCode": "温州新城汽车站",
                                    "fromDateTimeBegin": "2026-11-22 13:45:00", "fromDateTimeEnd": "2026-11-22 13:45:00"]),
                       ["L-HZ-WZ-20261122-1345"], "bounds are inclusive; stations by code or name")
        XCTAssertEqual(try stopped(["fromCity": "杭州", "fromDateTimeBegin": "2026-11-22 13:46:00", "fromDateTimeEnd": "2026-11-22 23:59:59"])
                       .filter { $0.hasPrefix("L-HZ-WZ-20261122") }, [])
        XCTAssertEqual(try stopped(["fromCity": "上海市", "fromDateTimeBegin": "2026-11-22 00:00:00", "fromDateTimeEnd": "2026-11-22 23:59:59"])
                       .filter { $0.hasPrefix("L-HZ") }, [], "another city's schedules stay out")
    }

    func testSeatsTellTheDepartureOnlyWhenItMoved() throws {
        let f = try QimenStoreFixture()
        let base: [(String, JSON)] = [("scheduleId", .string(QimenGoldenTests.perOrder)), ("fromDate", "2026-11-22")]
        XCTAssertNil(try f.answer(.seats, .object(base + [("fromTime", "06:00")]))["startTime"])
        XCTAssertNil(try f.answer(.seats, .object(base + [("fromTime", "06:00:00")]))["startTime"])
        XCTAssertEqual(try f.answer(.seats, .object(base + [("fromTime", "07:30")]))["startTime"], "2026-11-22 06:00:00")
        XCTAssertEqual(try f.answer(.seats, .object(base + [("fromTime", "06:00")]))["ticketPrice"], "9800")
    }
}

/// The schedule query's encoded-answer cache (ScheduleAnswerCache) never shows stale seats or prices.
final class ScheduleAnswerCacheTests: XCTestCase {
    func testCachedAnswersFollowSalesAndScheduleChanges() throws {
        let f = try QimenStoreFixture()
        let ask: JSON = ["fromCityName": "杭州", "toCityName": "上海", "departDate": "2026-11-22"]
        let first = f.answerText(.schedules, ask)
        XCTAssertEqual(f.answerText(.schedules, ask), first, "a second answer from the cache is byte for byte the first")
        func row(_ text: String) throws -> JSON {
            try XCTUnwrap(try JSON.parse(Array(text.utf8))["lineSchedule"]?.arrayValue?.first { $0["scheduleId"] == .string(QimenGoldenTests.perOrder) })
        }
        let before = try row(first)
        XCTAssertEqual(try f.answer(.createOrder, f.orderBody(alitripId: "7200000001", scheduleId: QimenGoldenTests.perOrder, passengers: 2))["success"], true)
        let afterSale = try row(f.answerText(.schedules, ask))
        XCTAssertEqual(afterSale["leftTicketCnt"]?.intValue, (before["leftTicketCnt"]?.intValue ?? 0) - 2, "seats move at once")
        try f.observer.db.run("UPDATE schedules SET price_fen = price_fen + 100, version = version + 1 WHERE schedule_id = ?",
                              .text(QimenGoldenTests.perOrder))
        let afterChange = try row(f.answerText(.schedules, ask))
        XCTAssertEqual(afterChange["ticketPrice"], "9900", "a changed price is never served from the cache")
        XCTAssertEqual(ProtocolShapes.problems(try JSON.parse(Array(f.answerText(.schedules, ask).utf8)), ProtocolShapes.answers["number"]!), [])
    }
}
