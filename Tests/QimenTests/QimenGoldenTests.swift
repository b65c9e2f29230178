import Foundation
@testable import Qimen
import Store
import TOP
import XCTest

/// A golden request/response per interface, against the demo store (100 orders, seed 1) at
/// 2026-11-21 10:00 GMT+8, in the order Fliggy would call them for one buyer. The bodies
/// below are the requests; QimenGoldens.swift holds the answers byte for byte.
///
/// After a deliberate change to the payloads or the demo data, re-record and review the diff:
/// `QIMEN_RECORD_GOLDEN=1 swift test --filter QimenGoldenTests`
final class QimenGoldenTests: XCTestCase {
    static let schedule = "L-HZ-SH-20261122-1330"

    /// (step name, interface, request body) — names are the keys in QimenGoldens.
    static func steps(agent: @escaping (String) -> String) -> [(String, QimenInterface, () -> JSON)] {
        let fixture = { (alitrip: String, seed: Int, passengers: Int) -> JSON in
            let people: [JSON] = (0..<passengers).map { k in
                .object([("passengerId", .string(String(1001 + k))), ("name", .string(["张伟", "李娜", "王芳"][k])),
                         ("certType", 1), ("certNo", .string(QimenStoreFixture.residentID(seed * 10 + k))),
                         ("phone", "13800000000")])
            }
            return .object([("alitripOrderId", .string(alitrip)), ("scheduleId", .string(schedule)),
                             ("fromStationCode", "HZ01"), ("toStationCode", "JX01"), ("startTime", "2026-11-22 13:30"),
                             ("ticketCount", .int(Int64(passengers))), ("orderAmount", .int(Int64(4800 * passengers))),
                             ("contactName", "张伟"), ("contactPhone", "13900000000"), ("passengers", .array(people))])
        }
        return [
            ("fromcity", .fromCity, { ["cityName": "杭"] }),
            ("tocity", .toCity, { ["fromCityCode": "330100"] }),
            ("number", .schedules, { ["fromCityCode": "330100", "toCityCode": "310100", "fromDate": "2026-11-22"] }),
            ("seat", .seats, { ["scheduleId": .string(schedule), "fromDate": "2026-11-22",
                                "fromStationCode": "HZ01", "toStationCode": "JX01"] }),
            ("order.create", .createOrder, { fixture("5000000001", 1, 2) }),
            ("order.confirm", .issueTicket, { ["alitripOrderId": "5000000001", "agentOrderId": .string(agent("5000000001")),
                                               "alipayTradeNo": "2026112122001100000001"] }),
            ("order.query", .queryOrder, { ["alitripOrderId": "5000000001"] }),
            ("return.query", .refundFee, { ["agentOrderId": .string(agent("5000000001")), "passengerIds": ["1001"]] }),
            ("return.confirm", .refundApply, { ["agentOrderId": .string(agent("5000000001")), "alitripOrderId": "5000000001",
                                                "refundReason": "行程变更"] }),
            ("offline.number", .stoppedSchedules, { ["fromDate": "2026-11-22"] }),
            ("order.create.2", .createOrder, { fixture("5000000002", 2, 1) }),
            ("order.close", .closeOrder, { ["agentOrderId": .string(agent("5000000002"))] }),
            ("order.create.3", .createOrder, { fixture("5000000003", 3, 1) }),
            ("order.cancel", .cancelOrder, { ["alitripOrderId": "5000000003"] }),
        ]
    }

    func testEveryInterfaceAnswersItsGolden() throws {
        let f = try QimenStoreFixture()
        let agent = { (alitrip: String) -> String in
            (try? f.observer.orderDetail(OrderRef(agentOrderId: nil, alitripOrderId: alitrip)).summary.agentOrderId) ?? "?"
        }
        var recorded: [(String, String)] = []
        let steps = Self.steps(agent: agent)
        XCTAssertEqual(Set(steps.map(\.1)), Set(QimenInterface.allCases), "every interface has a golden")
        for (name, interface, body) in steps {
            let text = f.answerText(interface, body())
            recorded.append((name, text))
            guard ProcessInfo.processInfo.environment["QIMEN_RECORD_GOLDEN"] == nil else { continue }
            XCTAssertEqual(try JSON.parse(text)["success"], true, "\(name): \(text)")
            XCTAssertTrue(text == QimenGoldens.answers[name], "\(name) differs from its golden; actual:\n\(text)")
        }
        if ProcessInfo.processInfo.environment["QIMEN_RECORD_GOLDEN"] != nil { try record(recorded) }
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
