import Foundation
@testable import Qimen
import TOP
import XCTest

/// The self-test's answer checks against docs/PROTOCOL.md (Qimen): every hand-written correct answer
/// passes, and each broken field earns exactly one FAIL line naming it.
final class SelftestShapeTests: XCTestCase {
    private func failures(_ interface: QimenInterface, _ answer: JSON) -> [String] {
        PublishedShapes.check(interface, answer).filter { !$0.passed }.map(\.text)
    }

    private func ruleFailures(_ answer: JSON, code: String = "63236") -> [String] {
        ScheduleRules.check(answer["lineSchedule"]?.arrayValue ?? [], code: code).filter { !$0.passed }.map(\.text)
    }

    func testProtocolAnswersPassEveryCheck() {
        for (interface, answer) in SelftestAnswers.all {
            let lines = PublishedShapes.check(interface, answer)
            XCTAssertEqual(lines.filter { !$0.passed }.map(\.text), [], "\(interface)")
            XCTAssertEqual(lines.count, Set(lines.map(\.text)).count, "one line per pattern: \(interface)")
        }
        XCTAssertEqual(ruleFailures(SelftestAnswers.schedules()), [])
        XCTAssertEqual(ruleFailures(SelftestAnswers.stopped, code: "63223"), [])
        let envelope: JSON = ["retCode": "0", "retDesc": "成功", "success": true]
        XCTAssertTrue(AnswerEnvelope.check("63238", envelope).allSatisfy(\.passed))
    }

    func testOkLinesNameEachFieldOnceForEveryElement() {
        let texts = PublishedShapes.check(.schedules, SelftestAnswers.schedules()).map(\.text)
        XCTAssertTrue(texts.contains("ok   63236 lineSchedule[].scheduleId: non-empty String"), texts.joined(separator: "\n"))
        XCTAssertTrue(texts.contains("ok   63236 lineSchedule[].stations[].geofence[].longitude: degrees (String or Number)"))
        XCTAssertEqual(texts.filter { $0.hasPrefix("ok   63236 lineSchedule[].ticketPrice:") }.count, 1)
    }

    func testStatusAsNumberIsNamedExactly() {
        let broken = SelftestAnswers.edit(SelftestAnswers.confirmed, ["status"], 3)
        XCTAssertEqual(failures(.issueTicket, broken), ["FAIL 63226 status: expected String, got Number 3"])
    }

    func testTicketGateInsteadOfTicketWicket() {
        let broken = SelftestAnswers.rename(SelftestAnswers.confirmed, [], from: "ticketWicket", to: "ticketGate")
        XCTAssertEqual(failures(.issueTicket, broken),
                       ["FAIL 63226 ticketWicket: missing (the answer has ticketGate; docs/PROTOCOL.md (Qimen) names it ticketWicket)"])
    }

    func testFieldFormats() {
        XCTAssertEqual(failures(.seats, SelftestAnswers.edit(SelftestAnswers.seats, ["ticketPrice"], 2000)),
                       ["FAIL 63235 ticketPrice: expected String, got Number 2000"])
        XCTAssertEqual(failures(.seats, SelftestAnswers.edit(SelftestAnswers.seats, ["startTime"], "2022-05-19 10:30")),
                       [#"FAIL 63235 startTime: expected String yyyy-MM-dd HH:mm:ss, got "2022-05-19 10:30""#])
        XCTAssertEqual(failures(.issueTicket, SelftestAnswers.edit(SelftestAnswers.confirmed, ["passengerList", 0, "passengerId"], "333k")),
                       [#"FAIL 63226 passengerList[0].passengerId: expected String of digits, got "333k""#])
        XCTAssertEqual(failures(.issueTicket, SelftestAnswers.edit(SelftestAnswers.confirmed, ["passengerList", 0, "passengerType"], "2")),
                       [#"FAIL 63226 passengerList[0].passengerType: expected String "0" or "1", got "2""#])
        XCTAssertEqual(failures(.schedules, SelftestAnswers.edit(SelftestAnswers.schedules(), ["lineSchedule", 0, "backDays"], 3)),
                       ["FAIL 63236 lineSchedule[0].backDays: expected Number 0–2, got 3"])
        XCTAssertEqual(failures(.queryOrder, SelftestAnswers.edit(SelftestAnswers.queried, ["passengerList", 0, "isRefund"], nil)),
                       ["FAIL 63227 passengerList[0].isRefund: missing"])
        XCTAssertEqual(failures(.fromCity, SelftestAnswers.rename(SelftestAnswers.fromCities, [], from: "fromCityList", to: "cities")),
                       ["FAIL 63238 fromCityList: missing (the answer has cities; docs/PROTOCOL.md (Qimen) names it fromCityList)"])
    }

    func testExtraFieldsAreTolerated() {
        let extra = SelftestAnswers.edit(SelftestAnswers.confirmed, ["merchantNote"], "anything")
        XCTAssertEqual(failures(.issueTicket, SelftestAnswers.edit(extra, ["passengerList", 0, "seatClass"], 2)), [])
    }

    func testEnvelopeTypes() {
        let lines = AnswerEnvelope.check("63228", ["retCode": 0, "retDesc": "成功", "success": "true"])
        XCTAssertEqual(lines.filter { !$0.passed }.map(\.text),
                       ["FAIL 63228 retCode: expected String, got Number 0", #"FAIL 63228 success: expected Boolean, got String "true""#])
        let refused = AnswerEnvelope.check("63228", ["success": false, "retCode": "price-changed", "retDesc": "price changed"])
        XCTAssertEqual(refused.filter { !$0.passed }.map(\.text),
                       [#"FAIL 63228 retCode: expected "0", got "price-changed" (price changed)"#,
                        "FAIL 63228 success: expected true, got false"])
    }

    func testCrossingGeofence() {
        // Corners 2 and 3 swapped: a bow tie whose diagonals cross.
        var broken = SelftestAnswers.schedules()
        let fence = ["lineSchedule", 0, "stations", 1, "geofence"] as [Any]
        let p2 = SelftestAnswers.schedules()["lineSchedule"]![0]!["stations"]![1]!["geofence"]![2]!
        let p3 = SelftestAnswers.schedules()["lineSchedule"]![0]!["stations"]![1]!["geofence"]![3]!
        broken = SelftestAnswers.edit(broken, fence + [2], p3)
        broken = SelftestAnswers.edit(broken, fence + [3], p2)
        XCTAssertEqual(ruleFailures(broken), ["FAIL 63236 lineSchedule[0].stations[1].geofence: edges 1 and 3 cross"])
        let two = SelftestAnswers.edit(SelftestAnswers.edit(SelftestAnswers.schedules(), fence + [3], nil), fence + [2], nil)
        XCTAssertEqual(ruleFailures(two), ["FAIL 63236 lineSchedule[0].stations[1].geofence: 2 points (needs ≥ 3)"])
        let noFence = SelftestAnswers.edit(SelftestAnswers.schedules(), ["lineSchedule", 0, "stations", 1, "geofence"], nil)
        XCTAssertEqual(ruleFailures(noFence), ["FAIL 63236 lineSchedule[0].stations[1].geofence: missing (stationType 2 is an area)"])
    }

    func testScheduleRules() {
        let base = SelftestAnswers.schedules()
        XCTAssertEqual(ruleFailures(SelftestAnswers.edit(base, ["lineSchedule", 0, "segmentPrices", 1], nil)),
                       ["FAIL 63236 lineSchedule[0].segmentPrices: no price for 101→103"])
        XCTAssertEqual(ruleFailures(SelftestAnswers.edit(base, ["lineSchedule", 0, "refundRules", 1, "hoursBeforeTo"], 30)),
                       ["FAIL 63236 lineSchedule[0].refundRules[2]: overlaps tier 1 (1–30 h and 24–∞ h)"])
        XCTAssertEqual(ruleFailures(SelftestAnswers.edit(base, ["lineSchedule", 1, "line", "fromDurationEnd"], nil)),
                       ["FAIL 63236 lineSchedule[1].line.fromDurationEnd: missing (fromTimeType 4 is flowing and needs a window)"])
        XCTAssertEqual(ruleFailures(SelftestAnswers.edit(base, ["lineSchedule", 0, "line", "fromTime"], nil)),
                       ["FAIL 63236 lineSchedule[0].line.fromTime: missing (fromTimeType 1 departs at a fixed date and time)"])
        XCTAssertEqual(ruleFailures(SelftestAnswers.edit(base, ["lineSchedule", 0, "stations", 0, "latitude"], nil)),
                       ["FAIL 63236 lineSchedule[0].stations[0].latitude: missing (stationType 1 is a point)"])
        XCTAssertEqual(ruleFailures(SelftestAnswers.edit(base, ["lineSchedule", 1, "scheduleId"], .string("S111-" + SelftestAnswers.tomorrow))),
                       ["FAIL 63236 lineSchedule[1].scheduleId: same as lineSchedule[0]"])
    }

    func testGeofenceGeometry() {
        typealias P = GeofenceCheck.Point
        let square = [P(0, 0), P(1, 0), P(1, 1), P(0, 1)]
        XCTAssertNil(GeofenceCheck.problem(square))
        XCTAssertNil(GeofenceCheck.problem(square + [P(0, 0)]), "a ring closed by repeating its first point")
        XCTAssertNil(GeofenceCheck.problem([P(0, 0), P(2, 0), P(1, 1), P(2, 2), P(0, 2)]), "concave is fine")
        XCTAssertEqual(GeofenceCheck.problem([P(0, 0), P(1, 0), P(0, 1), P(1, 1)]), "edges 1 and 3 cross")
        XCTAssertEqual(GeofenceCheck.problem([P(0, 0), P(2, 0), P(1, 0), P(1, 1)]), "edges 0 and 1 overlap")
        XCTAssertEqual(GeofenceCheck.problem([P(0, 0), P(1, 0), P(1, 0), P(0, 1)]), "points 1 and 2 coincide")
        XCTAssertTrue(GeofenceCheck.intersects(P(0, 0), P(2, 0), P(1, 0), P(1, 1)), "touching counts")
        XCTAssertFalse(GeofenceCheck.intersects(P(0, 0), P(1, 0), P(0, 1), P(1, 1)))
    }

    func testServerTextIsEscapedForTheTerminal() {
        let broken = SelftestAnswers.edit(SelftestAnswers.confirmed, ["status"], "\u{1B}[2J\u{202E}3")
        let text = failures(.issueTicket, broken).joined()
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, text)
        XCTAssertTrue(text.contains(#"\u{202E}3"#), text)
        XCTAssertEqual(TerminalSafe.text("a\\u{1B}"), #"a\\u{1B}"#, "a literal escape cannot pass for one")
    }
}
