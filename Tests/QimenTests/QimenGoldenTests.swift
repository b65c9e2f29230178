import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest

/// A golden request/response per interface, the requests built from docs/PROTOCOL.md's Qimen examples (ids changed to the
/// demo store's; the example's certificate number given its correct check digit), against the demo store (100 orders,
/// seed 1) at 2026-11-21 10:00 GMT+8, in the order Fliggy would call them for one buyer, then the refusals.
///
/// Every answer is checked twice: byte for byte against QimenGoldens.swift (recorded, then reviewed), and field by field
/// against docs/PROTOCOL.md's tables (ProtocolShapes.swift): every required field with its type and format, nothing outside.
/// After a deliberate change, re-record and review the diff: `QIMEN_RECORD_GOLDEN=1 swift test --filter QimenGoldenTests`
final class QimenGoldenTests: XCTestCase {
    /// Per ticket (isOrderRefund false), no service fee; SH01 → SZ01 costs 4200 fen.
    static let perTicket = "L-SH-NJ-20261122-0615"
    /// Per order, 500 fen service fee a ticket; HZ01 → SH01 costs 9800 fen.
    static let perOrder = "L-HZ-SH-20261122-0600"

    typealias Step = (name: String, interface: QimenInterface, body: @Sendable ([String: JSON]) -> JSON, ok: Bool)

    static func createOrder(_ alitrip: String, schedule: String = perTicket, time: String = "06:15:00", passengers: Int = 2,
                            amount: Int? = nil) -> JSON {
        let perOrder = schedule == Self.perOrder
        let fare = perOrder ? 9800 : 4200, fee = perOrder ? 500 : 0
        let people: [JSON] = (0..<passengers).map { k in
            .object([("passengerName", .string(["罗大佑", "李娜", "王芳"][k])),
                     ("passengerCertificateNo", .string(k == 0 ? "212100198902171769" : QimenStoreFixture.residentID(k))),
                     ("passengerCertificateType", "1"), ("passengerType", "0"), ("ticketPrice", .int(Int64(fare)))])
        }
        return .object([("lineId", .string(perOrder ? "L-HZ-SH" : "L-SH-NJ")), ("scheduleId", .string(schedule)),
                         ("alitripOrderId", .string(alitrip)), ("alipayTradeNo", "2026112222001"), ("goodsId", "G111"),
                         ("fromDate", "2026-11-22"), ("fromTime", .string(time)), ("ticketAmount", .int(Int64(fare))),
                         ("orderAmount", .int(Int64(amount ?? (fare + fee) * passengers))), ("ticketCount", .int(Int64(passengers))),
                         ("fromStationCode", perOrder ? "HZ01" : "SH01"), ("toStationCode", perOrder ? "SH01" : "SZ01"),
                         ("contactName", "罗大佑"), ("contactMobile", "13800138000"), ("passengerList", .array(people))])
    }

    static func ids(_ answers: [String: JSON], _ step: String) -> JSON {
        ["agentOrderId": answers[step]?["agentOrderId"] ?? "?", "alitripOrderId": answers[step]?["alitripOrderId"] ?? "?"]
    }

    static let steps: [Step] = [
        ("fromcity", .fromCity, { _ in [:] }, true),
        ("tocity", .toCity, { _ in ["fromCity": "上海市"] }, true),
        ("number", .schedules, { _ in ["fromCityName": "上海", "fromCityCode": "310100", "departDate": "2026-11-22"] }, true),
        ("seat", .seats, { _ in ["fromDate": "2026-11-22", "fromTime": "06:15", "toStationCode": "SZ01", "lineId": "L-SH-NJ",
                                 "fromStationCode": "SH01", "scheduleId": .string(perTicket)] }, true),
        ("seat.moved", .seats, { _ in ["fromDate": "2026-11-22", "fromTime": "07:00", "scheduleId": .string(perTicket)] }, true),
        ("order.create", .createOrder, { _ in createOrder("23334040404") }, true),
        ("order.create.retry", .createOrder, { _ in createOrder("23334040404") }, true),
        ("order.query.locked", .queryOrder, { ids($0, "order.create") }, true),
        ("order.confirm", .issueTicket, { ids($0, "order.create") }, true),
        ("return.query", .refundFee, { ids($0, "order.create") }, true),
        ("return.confirm", .refundApply, { a in
            let p = a["order.confirm"]?["passengerList"]?[0]
            return ["agentOrderId": a["order.create"]?["agentOrderId"] ?? "?", "alitripOrderId": "23334040404",
                    "passengerList": [["passengerName": p?["passengerName"] ?? "?", "passengerCertificateNo": p?["passengerCertificateNo"] ?? "?",
                                       "passengerCertificateType": "1", "passengerId": p?["passengerId"] ?? "?", "refundSurcharge": 50,
                                       "ticketId": p?["ticketList"]?[0]?["ticketId"] ?? "?"]]]
        }, true),
        ("order.query", .queryOrder, { ids($0, "order.create") }, true),
        ("offline.number.example", .stoppedSchedules, { _ in
            ["fromDateTimeEnd": "2022-05-21 00:00:00", "toCity": "天津市", "toStationCode": "天津北站", "fromStationCode": "北京南站",
             "fromDateTimeBegin": "2022-05-19 00:00:00", "fromCity": "北京市"] }, true),
        ("offline.number", .stoppedSchedules, { _ in
            ["fromCity": "杭州市", "toCity": "温州", "fromDateTimeBegin": "2026-11-22 00:00:00", "fromDateTimeEnd": "2026-11-22 23:59:59"] }, true),
        ("order.create.2", .createOrder, { _ in createOrder("23334040405", passengers: 1) }, true),
        ("order.close", .closeOrder, { ids($0, "order.create.2") }, true),
        ("order.create.3", .createOrder, { _ in createOrder("23334040406", passengers: 1) }, true),
        ("order.cancel", .cancelOrder, { ids($0, "order.create.3") }, true),
        // Refusals: each names its retCode and changes nothing.
        ("refuse.start-time-changed", .createOrder, { _ in createOrder("23334040407", time: "06:20:00") }, false),
        ("refuse.price-changed", .createOrder, { _ in createOrder("23334040408", amount: 8000) }, false),
        ("refuse.unknown-ticket", .refundApply, { a in
            ["agentOrderId": a["order.create"]?["agentOrderId"] ?? "?", "alitripOrderId": "23334040404",
             "passengerList": [["ticketId": "999", "passengerId": "999"]]] }, false),
        ("order.create.per-order", .createOrder, { _ in createOrder("23334040409", schedule: perOrder, time: "06:00") }, true),
        ("order.confirm.per-order", .issueTicket, { ids($0, "order.create.per-order") }, true),
        ("refuse.per-order-partial", .refundApply, { a in
            let p = a["order.confirm.per-order"]?["passengerList"]?[0]
            return ["agentOrderId": a["order.create.per-order"]?["agentOrderId"] ?? "?", "alitripOrderId": "23334040409",
                    "passengerList": [["passengerId": p?["passengerId"] ?? "?", "ticketId": p?["ticketList"]?[0]?["ticketId"] ?? "?"]]]
        }, false),
        ("refuse.order-not-found", .queryOrder, { _ in ["agentOrderId": "1234567", "alitripOrderId": "3345678"] }, false),
    ]

    func testEveryInterfaceAnswersItsGoldenInPublishedShapes() throws {
        let f = try QimenStoreFixture()
        var answers: [String: JSON] = [:]
        var recorded: [(String, String)] = []
        XCTAssertEqual(Set(Self.steps.map(\.interface)), Set(QimenInterface.allCases), "every interface has a golden")
        let recording = ProcessInfo.processInfo.environment["QIMEN_RECORD_GOLDEN"] != nil
        for step in Self.steps {
            let versionBefore = try f.dataVersion()
            let text = f.answerText(step.interface, step.body(answers))
            let json = try JSON.parse(Array(text.utf8))
            answers[step.name] = json
            recorded.append((step.name, text))
            XCTAssertEqual(json["success"]?.boolValue, step.ok, "\(step.name): \(text)")
            if step.ok {
                let table = ProtocolShapes.answers[step.interface.shortName]!
                XCTAssertEqual(ProtocolShapes.problems(json, table), [], "\(step.name) breaks docs/PROTOCOL.md's table: \(text)")
            } else {
                XCTAssertEqual(ProtocolShapes.problems(json, [:]), [], "\(step.name): a refusal is the envelope alone: \(text)")
                XCTAssertEqual(try f.dataVersion(), versionBefore, "\(step.name) wrote to the store")
            }
            if !recording { XCTAssertTrue(text == QimenGoldens.answers[step.name], "\(step.name) differs from its golden; actual:\n\(text)") }
        }
        if recording { try record(recorded) }
    }

    /// A bad sign and a body that is not JSON never reach a handler (docs/PROTOCOL.md (Qimen) "Answers").
    func testSignAndParseRefusals() throws {
        let f = try QimenStoreFixture()
        let method = QimenMethodTable.defaults.methodName(.fromCity)
        XCTAssertEqual(f.router.respond(to: f.request(method, body: Array("{}".utf8), secret: "wrong")).bodyText,
                       #"{"retDesc":"Illegal request","success":"false","retCode":"sign-check-failure"}"#)
        let broken = try JSON.parse(f.router.respond(to: f.request(method, body: Array("{not json".utf8))).body)
        XCTAssertEqual(broken["retCode"], "response-body-parse-error")
        XCTAssertEqual(broken["success"], false)
    }

    /// Writes QimenGoldens.swift next to this file.
    private func record(_ answers: [(String, String)]) throws {
        var lines = ["// Recorded by QimenGoldenTests (QIMEN_RECORD_GOLDEN=1); review the diff before committing.",
                     "enum QimenGoldens {", "    static let answers: [String: String] = ["]
        for (name, text) in answers { lines.append("        \"\(name)\": ##\"\(text)\"##,") }
        lines += ["    ]", "}", ""]
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("QimenGoldens.swift").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
