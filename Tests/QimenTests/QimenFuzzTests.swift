import Foundation
import HTTP
@testable import Qimen
import Store
import TOP
import XCTest

/// 12,000 seeded mutations of real requests (the golden bodies) through the router and the
/// store-backed handler. Half break the signature after signing: each must be refused and
/// must not commit anything. Half mutate the body and sign it again: each must get a
/// well-formed answer with a known retCode and never `internal-error` (an unhandled case).
final class QimenFuzzTests: XCTestCase {
    static let iterations = 12_000

    func testMutatedRequestsNeverCrashAndInvalidOnesNeverWrite() throws {
        let f = try QimenStoreFixture()
        var answers: [String: JSON] = [:]
        var bases: [(String, [UInt8])] = []
        for step in QimenGoldenTests.steps {  // real orders to aim at
            let body = step.body(answers)
            answers[step.name] = try JSON.parse(Array(f.answerText(step.interface, body).utf8))
            bases.append((QimenMethodTable.defaults.methodName(step.interface), body.encoded()))
        }
        let known = Set(QimenErrorCode.allCases.map(\.rawValue) + ["0"])
        var rng = SimulationRandom(seed: 20_261_121)
        var outcomes: [String: Int] = [:]
        let started = Date()
        for i in 0..<Self.iterations {
            let (method, base) = bases[rng.below(bases.count)]
            if i % 2 == 0 {
                let request = brokenSignature(f, method: method, body: base, &rng)
                let version = try f.dataVersion()
                let json = try JSON.parse(f.router.respond(to: request).body)
                XCTAssertEqual(json["retCode"], "sign-check-failure", "iteration \(i)")
                XCTAssertEqual(json["success"], "false", "iteration \(i): the pages' own refusal")
                XCTAssertEqual(try f.dataVersion(), version, "iteration \(i): an invalid request committed")
            } else {
                let body = mutated(base, &rng)
                let response = f.router.respond(to: f.request(method, body: body))
                guard let json = try? JSON.parse(response.body), let code = json["retCode"]?.stringValue,
                      json["success"]?.boolValue == (code == "0") else {
                    return XCTFail("iteration \(i): malformed answer \(response.bodyText)")
                }
                XCTAssertTrue(known.contains(code), "iteration \(i): unknown retCode \(code)")
                XCTAssertNotEqual(code, "internal-error", "iteration \(i): \(String(decoding: body, as: UTF8.self))")
                outcomes[code, default: 0] += 1
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 120, "bounded run")
        // Not vacuous: the mutations reached the handlers and both accepted and refused.
        XCTAssertGreaterThan(outcomes["0"] ?? 0, 100, "\(outcomes)")
        XCTAssertGreaterThan(outcomes["param-invalid"] ?? 0, 100, "\(outcomes)")
        XCTAssertGreaterThan(outcomes["response-body-parse-error"] ?? 0, 10, "\(outcomes)")
        XCTAssertEqual(try f.count("""
            SELECT count(*) FROM schedules s WHERE s.seats_held != (SELECT coalesce(sum(h.seats), 0) FROM seat_holds h
            WHERE h.schedule_id = s.schedule_id) OR s.seats_sold + s.seats_held > s.seats_total
            """), 0, "seat invariant")
    }

    /// A correctly signed request, then one change the signature covers.
    private func brokenSignature(_ f: QimenStoreFixture, method: String, body: [UInt8],
                                 _ rng: inout SimulationRandom) -> HTTPRequest {
        var query = f.client().signedQuery(method: method, body: body, at: QimenStoreFixture.nowDate)
        var bytes = body
        let signIndex = query.firstIndex { $0.0 == "sign" }!
        switch rng.below(8) {
        case 0 where !bytes.isEmpty: bytes[rng.below(bytes.count)] ^= UInt8(1 + rng.below(255))
        case 1: bytes.insert(UInt8(rng.below(256)), at: rng.below(bytes.count + 1))
        case 2 where !bytes.isEmpty: bytes.removeLast(1 + rng.below(bytes.count))
        case 3:
            var sign = Array(query[signIndex].1)
            let k = rng.below(sign.count)
            sign[k] = sign[k] == "0" ? "1" : "0"
            query[signIndex].1 = String(sign)
        case 4: query.remove(at: signIndex)
        case 5: query[query.firstIndex { $0.0 == "timestamp" }!].1 = TopClock.format(QimenStoreFixture.nowDate + 1)
        case 6: query.insert(("extra\(rng.below(100))", "x"), at: 0)
        default:
            query = f.client(secret: "wrong\(rng.below(10))").signedQuery(method: method, body: body, at: QimenStoreFixture.nowDate)
        }
        let original = f.client().signedQuery(method: method, body: body, at: QimenStoreFixture.nowDate)
        if bytes == body && query.map({ $0.0 + "=" + $0.1 }) == original.map({ $0.0 + "=" + $0.1 }) {
            bytes.append(0x20)  // the cases that did nothing (empty body) still must change something
        }
        let target = "/qimen?" + query.map { "\(FormDecoding.percentEncode($0.0))=\(FormDecoding.percentEncode($0.1))" }
            .joined(separator: "&")
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json;charset=utf-8")
        return HTTPRequest(method: "POST", target: target, headers: headers, body: bytes)
    }

    /// The body with one member replaced, removed or added (also inside passengers), or its
    /// raw bytes damaged.
    private func mutated(_ body: [UInt8], _ rng: inout SimulationRandom) -> [UInt8] {
        guard rng.below(6) != 0, case .object(var members)? = try? JSON.parse(body), !members.isEmpty else {
            var bytes = body
            if !bytes.isEmpty { bytes[rng.below(bytes.count)] = UInt8(rng.below(256)) }
            if rng.chance(0.5), !bytes.isEmpty { bytes.removeLast(rng.below(bytes.count)) }
            return bytes
        }
        let k = rng.below(members.count)
        switch rng.below(4) {
        case 0: members.remove(at: k)
        case 1: members.append(("junk\(rng.below(5))", randomValue(&rng)))
        case 2 where members[k].1.arrayValue?.first?.objectValue != nil:
            var items = members[k].1.arrayValue!
            let j = rng.below(items.count)
            var fields = items[j].objectValue!
            fields[rng.below(fields.count)].1 = randomValue(&rng)
            items[j] = .object(fields)
            members[k].1 = .array(items)
        default: members[k].1 = randomValue(&rng)
        }
        return JSON.object(members).encoded()
    }

    private func randomValue(_ rng: inout SimulationRandom) -> JSON {
        let pool: [JSON] = [
            "", " ", "0", "-1", "1001", "abc", "杭", "😀", "\u{0}\u{1b}[31m", "2026-13-45", "2026-11-22", "2026-11-22 13:30",
            .string(String(repeating: "x", count: 300)), "BO0000000101", "5000000001", "L-HZ-SH-20261122-1330", "HZ01",
            "13800000000", "330106199001011109", 0, -1, 1, 2, 9, 10, 4800, 9600, .int(Int64.max), .int(Int64.min), 1.5, -0.0,
            .double(1e300), true, false, .null, [], ["1001"], ["1001", "1001"], [1001], [[]], [:], ["a": ["b": []]],
        ]
        return pool[rng.below(pool.count)]
    }
}
