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
        let f = try QimenStoreFixture(settings: QimenSalesSettings(autoIssue: false, autoRefund: true))
        let created = try f.answer(.createOrder, f.orderBody(alitripId: "6400000001", scheduleId: QimenGoldenTests.schedule))
        let agent = try XCTUnwrap(created["agentOrderId"]?.stringValue)
        let issued = try f.answer(.issueTicket, ["agentOrderId": .string(agent), "alipayTradeNo": "T1"])
        XCTAssertEqual(issued["status"], 2, "waits in the console")
        XCTAssertNil(issued["agentIssueTime"])
        XCTAssertEqual(issued["passengerList"]?[0]?["ticketStatus"], 1)
        XCTAssertEqual(try f.answer(.refundApply, ["agentOrderId": .string(agent)])["retCode"], "order-state-invalid")

        let f2 = try QimenStoreFixture(settings: QimenSalesSettings(autoIssue: true, autoRefund: true))
        let c2 = try f2.answer(.createOrder, f2.orderBody(alitripId: "6400000002", scheduleId: QimenGoldenTests.schedule))
        let a2: JSON = ["agentOrderId": c2["agentOrderId"]!]
        XCTAssertEqual(try f2.answer(.issueTicket, a2)["status"], 3)
        let refund = try f2.answer(.refundApply, a2)
        XCTAssertEqual(refund["status"], 11)
        // 27.5 h before departure: the 24–48 h tier, 5 % of 9800 + 500.
        XCTAssertEqual(refund["passengerList"]?[0]?["refundSurcharge"], 515)
        XCTAssertEqual(refund["passengerList"]?[0]?["refundAmount"], 9785)
        XCTAssertEqual(refund["passengerList"]?[0]?["ticketStatus"], 5)
        XCTAssertEqual(try f2.answer(.refundApply, a2), refund, "a retry answers the same")
    }

    func testValidationAnswersParamInvalidWithTheField() throws {
        let f = try QimenStoreFixture()
        let cases: [(QimenInterface, JSON, String)] = [
            (.toCity, [:], "fromCityCode is required"),
            (.toCity, ["fromCityCode": "33"], "fromCityCode must be a 6-digit city code"),
            (.schedules, ["fromCityCode": "330100", "toCityCode": "310100", "fromDate": "2026-02-30"], "fromDate must be a date yyyy-MM-dd"),
            (.seats, ["scheduleId": .string(QimenGoldenTests.schedule), "fromStationCode": "HZ01"], "fromStationCode and toStationCode go together"),
            (.queryOrder, [:], "agentOrderId or alitripOrderId is required"),
            (.refundFee, ["agentOrderId": "BO0000000001", "passengerIds": ["1a"]], "passengerId '1a' must be digits only"),
            (.createOrder, ["alitripOrderId": "1", "scheduleId": "x", "passengers": []], "passengers must be a non-empty list"),
        ]
        for (interface, body, description) in cases {
            let json = try f.answer(interface, body)
            XCTAssertEqual(json["retCode"], "param-invalid", "\(interface) \(body)")
            XCTAssertEqual(json["retDesc"]?.stringValue, description)
        }
    }

    func testStoreRefusalsKeepTheirCodes() throws {
        let f = try QimenStoreFixture()
        var body = try f.orderBody(alitripId: "6500000001", scheduleId: QimenGoldenTests.schedule)
        let members = body.objectValue!
        func with(_ key: String, _ value: JSON) -> JSON { .object(members.map { $0.0 == key ? ($0.0, value) : $0 }) }
        XCTAssertEqual(try f.answer(.createOrder, with("orderAmount", 1))["retCode"], "price-changed")
        XCTAssertEqual(try f.answer(.createOrder, with("startTime", "2026-11-22 13:40"))["retCode"], "start-time-changed")
        XCTAssertEqual(try f.answer(.createOrder, with("scheduleId", "NOPE"))["retCode"], "schedule-not-found")
        XCTAssertEqual(try f.answer(.createOrder, with("scheduleId", "L-HZ-WZ-20261122-1345"))["retCode"], "schedule-stopped")
        XCTAssertEqual(try f.answer(.seats, ["scheduleId": .string(QimenGoldenTests.schedule), "fromDate": "2026-11-23"])["retCode"],
                       "schedule-not-found")
        XCTAssertEqual(try f.answer(.queryOrder, ["agentOrderId": "BO9999999999"])["retCode"], "order-not-found")
        body = try f.orderBody(alitripId: "6500000002", scheduleId: QimenGoldenTests.schedule)
        let created = try f.answer(.createOrder, body)
        XCTAssertEqual(created["success"], true)
        let agent = created["agentOrderId"]!
        XCTAssertEqual(try f.answer(.queryOrder, ["agentOrderId": agent, "alitripOrderId": "5999999999"])["retCode"], "order-not-found",
                       "two ids that name different orders")
        XCTAssertEqual(try f.answer(.refundApply, ["agentOrderId": agent])["retCode"], "order-state-invalid", "not issued yet")
        XCTAssertEqual(try f.answer(.cancelOrder, ["agentOrderId": agent])["status"], 5)
        XCTAssertEqual(try f.answer(.issueTicket, ["agentOrderId": agent])["retCode"], "order-state-invalid")
    }

    func testExpiredLocksAreReleasedBySweeper() throws {
        let f = try QimenStoreFixture(settings: QimenSalesSettings(lockSeconds: 60))
        let seatsBefore = try f.observer.scheduleSeats(QimenGoldenTests.schedule)!.seatsLeft
        let created = try f.answer(.createOrder, f.orderBody(alitripId: "6600000001", scheduleId: QimenGoldenTests.schedule))
        XCTAssertEqual(created["lockExpireTime"], "2026-11-21 10:01")
        XCTAssertEqual(try LockSweeper.sweep(f.observer, now: QimenStoreFixture.nowDate + 59), 0, "not yet")
        XCTAssertEqual(try f.observer.scheduleSeats(QimenGoldenTests.schedule)!.seatsLeft, seatsBefore - 1)

        let sweeper = LockSweeper(path: f.path, interval: 0.05, clock: { QimenStoreFixture.nowDate + 61 })
        try sweeper.start()
        let deadline = Date() + 5
        while Date() < deadline, try f.answer(.queryOrder, ["alitripOrderId": "6600000001"])["status"] != 5 {
            Thread.sleep(forTimeInterval: 0.02)
        }
        sweeper.stop()
        XCTAssertEqual(try f.answer(.queryOrder, ["alitripOrderId": "6600000001"])["status"], 5)
        XCTAssertEqual(try f.observer.scheduleSeats(QimenGoldenTests.schedule)!.seatsLeft, seatsBefore, "seats back on sale")
    }
}
