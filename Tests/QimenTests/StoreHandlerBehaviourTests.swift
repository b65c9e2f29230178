import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest

/// Settings, validation and refusals the goldens do not show.
final class StoreHandlerBehaviourTests: XCTestCase {
    func testSettingsFromEnvironment() throws {
        XCTAssertEqual(try QimenSalesSettings.fromEnvironment([:]), QimenSalesSettings(autoIssue: true, autoRefund: false, lockSeconds: 900))
        XCTAssertEqual(try QimenSalesSettings.fromEnvironment(["BUSOPS_QIMEN_AUTO_ISSUE": "off", "BUSOPS_QIMEN_AUTO_REFUND": "1",
                                                               "BUSOPS_QIMEN_LOCK_SECONDS": "120"]),
                       QimenSalesSettings(autoIssue: false, autoRefund: true, lockSeconds: 120))
        XCTAssertThrowsError(try QimenSalesSettings.fromEnvironment(["BUSOPS_QIMEN_AUTO_ISSUE": "maybe"]))
        XCTAssertThrowsError(try QimenSalesSettings.fromEnvironment(["BUSOPS_QIMEN_LOCK_SECONDS": "0"]))
        XCTAssertThrowsError(try QimenSalesSettings.fromEnvironment(["BUSOPS_QIMEN_LOCK_SECONDS": "ten"]))
    }

    func testAsyncIssueWaitsForOperatorAndAutoRefundConfirmsAtOnce() throws {
        let schedule = QimenGoldenTests.perOrder
        let f = try QimenStoreFixture(settings: QimenSalesSettings(autoIssue: false, autoRefund: true))
        let created = try f.answer(.createOrder, f.orderBody(alitripId: "6400000001", scheduleId: schedule))
        let agent = try XCTUnwrap(created["agentOrderId"]?.stringValue)
        let issued = try f.answer(.issueTicket, ["agentOrderId": .string(agent), "alitripOrderId": "6400000001"])
        XCTAssertEqual(issued["status"], "2", "waits in the console")
        XCTAssertEqual(issued["passengerList"]?[0]?["ticketList"]?[0]?["ticketStatus"], "1")
        let whole: JSON = ["agentOrderId": .string(agent), "alitripOrderId": "6400000001", "passengerList": [["passengerId": issued["passengerList"]?[0]?["passengerId"] ?? "?"]]]
        XCTAssertEqual(try f.answer(.refundApply, whole)["retCode"], "order-state-invalid")

        let f2 = try QimenStoreFixture(settings: QimenSalesSettings(autoIssue: true, autoRefund: true))
        let c2 = try f2.answer(.createOrder, f2.orderBody(alitripId: "6400000002", scheduleId: schedule))
        let a2: JSON = ["agentOrderId": c2["agentOrderId"]!, "alitripOrderId": "6400000002"]
        let i2 = try f2.answer(.issueTicket, a2)
        XCTAssertEqual(i2["status"], "3")
        let fee = try f2.answer(.refundFee, a2)
        // 20 h before departure: the 6–24 h tier, 10 % of 9800 + 500.
        XCTAssertEqual(fee["passengerList"]?[0]?["refundSurcharge"], 1030)
        let ask: JSON = ["agentOrderId": c2["agentOrderId"]!, "alitripOrderId": "6400000002",
                         "passengerList": [["ticketId": i2["passengerList"]?[0]?["ticketList"]?[0]?["ticketId"] ?? "?"]]]
        let refund = try f2.answer(.refundApply, ask)
        XCTAssertEqual(refund["success"], true)
        let after = try f2.answer(.queryOrder, a2)
        XCTAssertEqual(after["status"], "11")
        XCTAssertEqual(after["isRefund"], true)
        XCTAssertEqual(after["passengerList"]?[0]?["ticketList"]?[0]?["ticketStatus"], "5")
        XCTAssertEqual(try f2.count("SELECT fee_fen FROM refunds WHERE order_id = (SELECT id FROM orders WHERE main_biz_order_id = '6400000002')"), 1030)
        XCTAssertEqual(try f2.answer(.refundApply, ask), refund, "a retry answers the same")
        XCTAssertEqual(try f2.count("SELECT count(*) FROM refunds WHERE order_id = (SELECT id FROM orders WHERE main_biz_order_id = '6400000002')"), 1)
    }

    func testValidationAnswersParamInvalidWithTheField() throws {
        let f = try QimenStoreFixture()
        let cases: [(QimenInterface, JSON, String)] = [
            (.toCity, [:], "fromCity is required"),
            (.schedules, ["toCityName": "上海"], "fromCityCode or fromCityName is required"),
            (.schedules, ["fromCityCode": "330100", "toCityCode": "310100", "departDate": "2026-02-30"], "departDate must be a date yyyy-MM-dd"),
            (.seats, ["scheduleId": .string(QimenGoldenTests.perOrder), "fromStationCode": "HZ01"], "fromStationCode and toStationCode go together"),
            (.seats, ["scheduleId": .string(QimenGoldenTests.perOrder), "fromDate": "2026-11-22", "fromTime": "6:00"], "fromTime must be a time HH:mm or HH:mm:ss"),
            (.queryOrder, [:], "agentOrderId or alitripOrderId is required"),
            (.refundFee, ["agentOrderId": "BO0000000001", "passengerIds": ["1a"]], "passengerId '1a' must be digits only"),
            (.createOrder, ["alitripOrderId": "1", "scheduleId": "x", "fromDate": "2026-11-22", "fromTime": "06:00", "ticketCount": 1,
                            "orderAmount": 1, "contactName": "a", "contactMobile": "13800138000", "passengerList": []],
             "passengerList must be a non-empty list"),
            (.createOrder, ["alitripOrderId": "1", "scheduleId": .string(QimenGoldenTests.perOrder), "fromDate": "2026-11-22"], "fromTime is required"),
            (.stoppedSchedules, ["fromDateTimeBegin": "2026-11-22 25:00:00"], "fromDateTimeBegin must be yyyy-MM-dd HH:mm:ss"),
        ]
        for (interface, body, description) in cases {
            let json = try f.answer(interface, body)
            XCTAssertEqual(json["retCode"], "param-invalid", "\(interface) \(body)")
            XCTAssertEqual(json["retDesc"]?.stringValue, description)
        }
    }

    func testStoreRefusalsKeepTheirCodes() throws {
        let f = try QimenStoreFixture()
        let schedule = QimenGoldenTests.perOrder
        var body = try f.orderBody(alitripId: "6500000001", scheduleId: schedule)
        let members = body.objectValue!
        func with(_ key: String, _ value: JSON) -> JSON { .object(members.map { $0.0 == key ? ($0.0, value) : $0 }) }
        XCTAssertEqual(try f.answer(.createOrder, with("orderAmount", 1))["retCode"], "price-changed")
        XCTAssertEqual(try f.answer(.createOrder, with("ticketAmount", 9700))["retCode"], "price-changed")
        XCTAssertEqual(try f.answer(.createOrder, with("fromTime", "06:01:00"))["retCode"], "start-time-changed")
        XCTAssertEqual(try f.answer(.createOrder, with("fromDate", "2026-11-23"))["retCode"], "start-time-changed")
        XCTAssertEqual(try f.answer(.createOrder, with("scheduleId", "NOPE"))["retCode"], "schedule-not-found")
        let stopped = JSON.object(members.map { m in
            m.0 == "scheduleId" ? (m.0, "L-HZ-WZ-20261122-1345") : (m.0 == "lineId" ? (m.0, "L-HZ-WZ") : m)
        })
        XCTAssertEqual(try f.answer(.createOrder, stopped)["retCode"], "schedule-stopped")
        XCTAssertEqual(try f.answer(.createOrder, with("lineId", "L-XX"))["retCode"], "param-invalid")
        XCTAssertEqual(try f.answer(.queryOrder, ["agentOrderId": "BO9999999999"])["retCode"], "order-not-found")
        body = try f.orderBody(alitripId: "6500000002", scheduleId: schedule)
        let created = try f.answer(.createOrder, body)
        XCTAssertEqual(created["success"], true)
        let agent = created["agentOrderId"]!
        XCTAssertEqual(try f.answer(.queryOrder, ["agentOrderId": agent, "alitripOrderId": "5999999999"])["retCode"], "order-not-found",
                       "two ids that name different orders")
        XCTAssertEqual(try f.answer(.refundApply, ["agentOrderId": agent, "passengerIds": ["1"]])["retCode"], "param-invalid", "no such passenger")
        XCTAssertEqual(try f.answer(.cancelOrder, ["agentOrderId": agent])["status"], "5")
        XCTAssertEqual(try f.answer(.issueTicket, ["agentOrderId": agent])["retCode"], "order-state-invalid")
    }

    func testExpiredLocksAreReleasedBySweeper() throws {
        let f = try QimenStoreFixture(settings: QimenSalesSettings(lockSeconds: 60))
        let schedule = QimenGoldenTests.perOrder
        let seatsBefore = try f.observer.scheduleSeats(schedule)!.seatsLeft
        _ = try f.answer(.createOrder, f.orderBody(alitripId: "6600000001", scheduleId: schedule))
        XCTAssertEqual(try LockSweeper.sweep(f.observer, now: QimenStoreFixture.nowDate + 59), 0, "not yet")
        XCTAssertEqual(try f.observer.scheduleSeats(schedule)!.seatsLeft, seatsBefore - 1)

        let sweeper = LockSweeper(path: f.path, interval: 0.05, clock: { QimenStoreFixture.nowDate + 61 })
        try sweeper.start()
        let deadline = Date() + 5
        while Date() < deadline, try f.answer(.queryOrder, ["alitripOrderId": "6600000001"])["status"] != "5" {
            Thread.sleep(forTimeInterval: 0.02)
        }
        sweeper.stop()
        XCTAssertEqual(try f.answer(.queryOrder, ["alitripOrderId": "6600000001"])["status"], "5")
        XCTAssertEqual(try f.observer.scheduleSeats(schedule)!.seatsLeft, seatsBefore, "seats back on sale")
    }
}
