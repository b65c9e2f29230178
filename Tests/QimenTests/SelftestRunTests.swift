import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest

/// `busops selftest` end to end over loopback against a fake merchant answering docs/PROTOCOL.md
/// §2's shapes: all checks pass; one field answered wrong earns exactly its FAIL line.
final class SelftestRunTests: XCTestCase {
    private var fake: SelftestFakeServer!

    override func setUpWithError() throws {
        fake = try SelftestFakeServer()
    }

    override func tearDown() {
        fake.stop()
    }

    private func selftest() -> SelftestReport {
        let started = Date()
        let report = fake.runSelftest()
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "bounded")
        return report
    }

    func testProtocolCorrectEndpointPassesEveryCheck() {
        let report = selftest()
        let text = report.lines.map(\.text).joined(separator: "\n")
        XCTAssertEqual(report.failures.map(\.text), [], text)
        XCTAssertEqual(report.exitCode, 0)
        for expected in ["ok   sign bad signature: refused with the published answer, byte for byte",
                         "ok   63236 lineSchedule[].scheduleId stable: same ids in two pulls (2 schedules)",
                         "ok   63236 lineSchedule[].stations[].geofence polygon: ≥ 3 points, no crossing edges",
                         "ok   63228 repeat: same agentOrderId: idempotent on alitripOrderId",
                         "ok   63228 repeat locks nothing more: leftTicketCnt unchanged",
                         "ok   63226 status: String \"3\" or \"2\"",
                         "ok   63225 passengerList[0] refunded: isRefund or ticketStatus 4/5 after refund",
                         "ok   63225 passengerList[1] untouched: not listed, not refunded after the repeat",
                         "ok   cancel seats released: leftTicketCnt back to 38",
                         "ok   64430 status: String \"4\"",
                         "ok   63223 lineSchedule[].line.fromDate in the window: 1 stopped schedules, all within "] {
            XCTAssertTrue(report.lines.contains { $0.text.hasPrefix(expected) }, "missing \(expected)\n\(text)")
        }
        XCTAssertTrue(report.summary.hasPrefix("selftest: "), report.summary)
        XCTAssertTrue(report.summary.contains(" 0 failed"), report.summary)
    }

    func testRequestsAreThePublishedShapes() throws {
        _ = selftest()
        let requests = fake.merchant.requests
        func first(_ interface: QimenInterface) throws -> JSON {
            try XCTUnwrap(requests.first { $0.0 == interface }?.1, "\(interface) never called")
        }
        XCTAssertEqual(try first(.fromCity), .object([]))
        XCTAssertEqual(try first(.toCity), ["fromCity": "上海市"])
        let schedules = try first(.schedules)
        XCTAssertEqual(schedules["fromCityName"], "上海市")
        XCTAssertEqual(schedules["fromCityCode"], "310100")
        XCTAssertEqual(schedules["toCity"], "杭州市")
        XCTAssertEqual(schedules["departDate"], .string(ChinaTime.date(ChinaTime.now())))
        let seats = try first(.seats)
        XCTAssertEqual(seats["fromTime"], "08:00")
        XCTAssertEqual(seats["lineId"], "111")
        let create = try first(.createOrder)
        for key in ["lineId", "scheduleId", "alitripOrderId", "alipayTradeNo", "goodsId", "fromDate", "fromTime", "ticketAmount",
                    "orderAmount", "ticketCount", "fromStationCode", "toStationCode", "fromStationName", "toStationName",
                    "contactName", "contactMobile", "passengerList"] {
            XCTAssertNotNil(create[key], key)
        }
        XCTAssertEqual(create["fromTime"], "08:00:00")
        XCTAssertEqual(create["fromDate"], .string(fake.merchant.date))
        XCTAssertEqual(create["orderAmount"], 10_000)
        XCTAssertTrue(create["alitripOrderId"]?.stringValue?.allSatisfy(\.isNumber) ?? false)
        let passengers = try XCTUnwrap(create["passengerList"]?.arrayValue)
        XCTAssertEqual(passengers.count, 2)
        for p in passengers {
            XCTAssertTrue(PersonalData.isValidResidentID(p["passengerCertificateNo"]?.stringValue ?? ""), "\(p)")
            XCTAssertEqual(p["passengerCertificateType"], "1")
            XCTAssertEqual(p["passengerType"], "0")
            XCTAssertEqual(p["ticketPrice"], 5000)
        }
        let refund = try first(.refundApply)
        let listed = try XCTUnwrap(refund["passengerList"]?.arrayValue)
        XCTAssertEqual(listed.count, 1, "per-ticket schedule: one passenger of two")
        XCTAssertEqual(listed[0]["ticketId"], "1900")
        XCTAssertEqual(listed[0]["passengerId"], "1000")
        XCTAssertEqual(listed[0]["refundSurcharge"], 500)
        let stopped = try first(.stoppedSchedules)
        XCTAssertEqual(stopped["fromCity"], "上海市")
        XCTAssertNotNil(stopped["fromDateTimeBegin"]?.stringValue.flatMap(TopClock.parse))
        XCTAssertNotNil(stopped["fromDateTimeEnd"]?.stringValue.flatMap(TopClock.parse))
        let ordersCreated = Set(requests.filter { $0.0 == .createOrder }.compactMap { $0.1["alitripOrderId"]?.stringValue })
        XCTAssertEqual(ordersCreated.count, 3, "main order, one to cancel, one to close")
    }

    func testStatusAsNumberFailsWithItsLine() {
        fake.merchant.mutate = { interface, json in
            interface == .issueTicket ? SelftestAnswers.edit(json, ["status"], 3) : json
        }
        let report = selftest()
        XCTAssertEqual(report.failures.map(\.text), ["FAIL 63226 status: expected String, got Number 3"],
                       report.lines.map(\.text).joined(separator: "\n"))
        XCTAssertEqual(report.exitCode, 1)
    }

    func testTicketGateFailsWithItsLine() {
        fake.merchant.mutate = { interface, json in
            interface == .issueTicket ? SelftestAnswers.rename(json, [], from: "ticketWicket", to: "ticketGate") : json
        }
        let report = selftest()
        XCTAssertEqual(report.failures.map(\.text),
                       ["FAIL 63226 ticketWicket: missing (the answer has ticketGate; docs/PROTOCOL.md (Qimen) names it ticketWicket)"],
                       report.lines.map(\.text).joined(separator: "\n"))
    }

    func testRefundOfEveryTicketWhenOneWasListedIsCaught() {
        // Issue 10's bug: a per-ticket refund of one passenger put every ticket into refund.
        fake.merchant.mutate = { interface, json in
            guard interface == .queryOrder, json["passengerList"]?[1]?["isRefund"] != nil,
                  json["passengerList"]?[0]?["isRefund"] == true else { return json }
            return SelftestAnswers.edit(json, ["passengerList", 1, "isRefund"], true)
        }
        let report = selftest()
        XCTAssertEqual(report.failures.map(\.text),
                       [#"FAIL 63225 passengerList[1] untouched: refunded though not listed after refund (isRefund Boolean true, ticketStatus ["2"])"#,
                        #"FAIL 63225 passengerList[1] untouched: refunded though not listed after the repeat (isRefund Boolean true, ticketStatus ["2"])"#],
                       report.lines.map(\.text).joined(separator: "\n"))
    }

    func testWrongSecretAndNoServer() throws {
        let wrong = fake.runSelftest(secret: "not-the-secret")
        XCTAssertEqual(wrong.exitCode, 1)
        // A wrong secret is named as such, not as the endpoint's types ("success: expected Boolean, got String").
        let text = wrong.lines.map(\.text).joined(separator: "\n")
        XCTAssertTrue(wrong.failures.contains { $0.code == "63238" && $0.subject == "signature" && $0.text.contains("another secret") && !$0.text.contains("…") }, text)
        XCTAssertFalse(text.contains("expected Boolean"), text)
        XCTAssertFalse(text.contains("not-the-secret"), text)
        let url = fake.url
        fake.stop()
        let started = Date()
        let down = QimenSelftest(client: QimenClient(url: url, secret: Secret("x")), options: .init(timeout: 2)).run()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(down.exitCode, 1)
        XCTAssertTrue(down.failures.contains { $0.code == "63238" && $0.subject == "request" }, down.lines.map(\.text).joined(separator: "\n"))
    }
}
