// The dispatcher against an in-process fake-top for every fault kind: each outcome is retried
// or dead-lettered as docs/PROTOCOL.md's table says, and nothing is lost or paid twice.

import Foundation
import XCTest
import Store
@testable import TOP

final class DispatcherFaultTests: XCTestCase {
    private struct Expect {
        var firstPass: (sent: Int, retried: Int, dead: Int)
        var secondPass: (sent: Int, retried: Int, dead: Int)
    }

    /// Runs two passes over three rows with `fault`, the clock moved past any backoff between.
    private func exercise(_ fault: String, rows: Int = 3, maxAttempts: Int = 12,
                          file: StaticString = #filePath, line: UInt = #line)
        throws -> (store: DispatchTempStore, top: RunningFakeTop, first: DispatchReport, second: DispatchReport, keys: [String]) {
        let spec = try XCTUnwrap(FakeTopFaultSpec(parsing: fault), file: file, line: line)
        let top = try RunningFakeTop(fault: spec)
        let store = try DispatchTempStore()
        let keys = try store.queueRefunds(rows)
        let clock = SteppingClock()
        let dispatcher = OutboxDispatcher(store: store.store, config: top.config, transport: HTTPClientTransport(),
                                          clock: clock.now, random: { 0 }, settings: fastSettings(maxAttempts: maxAttempts))
        let first = try dispatcher.drain()
        clock.advance(5)  // past the 1 s backoff (random 0) and the fake's 3 s ban
        let second = try dispatcher.drain()
        return (store, top, first, second, keys)
    }

    private func assertCounts(_ r: DispatchReport, _ sent: Int, _ retried: Int, _ dead: Int, _ label: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual([r.sent, r.retried, r.deadLettered], [sent, retried, dead], label, file: file, line: line)
        XCTAssertEqual(r.lostClaims, 0, label, file: file, line: line)
    }

    /// Transport and server-side failures: retried once with the same key, then sent.
    func testPassingFaultsAreRetriedThenSent() throws {
        for fault in ["refuse:3", "timeout:3", "http500:3", "malformed:3", "isp:3", "ban:3"] {
            let (store, top, first, second, keys) = try exercise(fault)
            assertCounts(first, 0, 3, 0, fault)
            assertCounts(second, 3, 0, 0, fault)
            XCTAssertEqual(try store.states(), ["sent": 3], fault)
            for key in keys {
                let row = try store.row(key: key)
                XCTAssertEqual(row.attempts, 2, fault)
                // Every call that reached the business logic carried the row's own key.
                let seen = top.gateway.calls.filter { $0.idempotencyKey == "refund:\(key)" }
                XCTAssertFalse(seen.isEmpty, fault)
                XCTAssertEqual(seen.filter { !$0.duplicate && $0.answer == "ok" }.count, 1, "\(fault): paid once")
            }
            XCTAssertEqual(top.gateway.processedCount, 3, fault)
        }
    }

    /// timeout and malformed are processed by the gateway before the answer is lost: the retry
    /// arrives with the same key and is flagged as a duplicate, never processed twice.
    func testLostAnswersAreRetriedWithTheSameKeyAndFlaggedDuplicate() throws {
        for fault in ["timeout:1", "malformed:1"] {
            let (store, top, first, second, keys) = try exercise(fault, rows: 1)
            assertCounts(first, 0, 1, 0, fault)
            assertCounts(second, 1, 0, 0, fault)
            let calls = top.gateway.calls.filter { $0.idempotencyKey != nil }
            XCTAssertEqual(calls.map(\.idempotencyKey), ["refund:\(keys[0])", "refund:\(keys[0])"], fault)
            XCTAssertEqual(calls.map(\.duplicate), [false, true], fault)
            XCTAssertEqual(top.gateway.processedCount, 1, fault)
            XCTAssertEqual(try store.row(key: keys[0]).state, "sent")
        }
    }

    func testBanWaitsAsLongAsTheGatewaySays() throws {
        let top = try RunningFakeTop(fault: FakeTopFaultSpec(fault: .ban, count: 1))
        let store = try DispatchTempStore()
        let keys = try store.queueRefunds(1)
        let before = Int(Date().timeIntervalSince1970)
        let dispatcher = OutboxDispatcher(store: store.store, config: top.config, transport: HTTPClientTransport(),
                                          random: { 0.99 }, settings: fastSettings())
        assertCounts(try dispatcher.drain(), 0, 1, 0, "ban")
        let after = Int(Date().timeIntervalSince1970)
        let row = try store.row(key: keys[0])
        // The gateway's 3 seconds, not the jittered backoff (which 0.99 would make 1 s).
        XCTAssertGreaterThanOrEqual(row.next, before + 3)
        XCTAssertLessThanOrEqual(row.next, after + 3)
        XCTAssertEqual(row.code, "7")
        XCTAssertEqual(row.subCode, "accesscontrol.limited-by-app-access-count")
    }

    /// Caller's-fault answers and business refusals are final: dead letters with the reason.
    func testFinalAnswersBecomeDeadLetters() throws {
        for (fault, code, sub) in [("isv", "50", "isv.invalid-parameter"), ("not-success", "PARAM_CHECK_INVALID_ORDER_ID", nil)] {
            let (store, top, first, second, keys) = try exercise(fault)
            assertCounts(first, 0, 0, 3, fault)
            assertCounts(second, 0, 0, 0, fault)
            XCTAssertEqual(try store.states(), ["failed": 3], fault)
            let row = try store.row(key: keys[0])
            XCTAssertEqual(row.attempts, 1, fault)
            XCTAssertEqual(row.code, code, fault)
            XCTAssertEqual(row.subCode, sub, fault)
            XCTAssertNotNil(row.msg, fault)
            XCTAssertTrue(row.response?.contains(code) ?? false, fault)
            XCTAssertEqual(top.gateway.calls.count, 3, "\(fault): never re-sent")
        }
    }

    func testSlowAnswerWithinTheTimeoutIsSent() throws {
        let (store, _, first, _, _) = try exercise("slow")
        assertCounts(first, 3, 0, 0, "slow")
        XCTAssertEqual(try store.states(), ["sent": 3])
    }

    /// A gateway that keeps failing: retried with backoff until the attempt cap, then a dead
    /// letter that says so. Never dropped.
    func testPersistentFailureBecomesADeadLetterAtTheCap() throws {
        let top = try RunningFakeTop(fault: FakeTopFaultSpec(fault: .http500))
        let store = try DispatchTempStore()
        let keys = try store.queueRefunds(2)
        let clock = SteppingClock()
        let dispatcher = OutboxDispatcher(store: store.store, config: top.config, transport: HTTPClientTransport(),
                                          clock: clock.now, random: { 0 }, settings: fastSettings(maxAttempts: 3))
        var total = DispatchReport()
        for _ in 0..<4 {
            total.add(try dispatcher.drain())
            clock.advance(5)
        }
        XCTAssertEqual([total.sent, total.retried, total.deadLettered], [0, 4, 2])
        let row = try store.row(key: keys[1])
        XCTAssertEqual(row.state, "failed")
        XCTAssertEqual(row.attempts, 3)
        XCTAssertTrue(row.msg?.hasPrefix("gave up after 3 attempts") ?? false, row.msg ?? "nil")
        XCTAssertEqual(top.gateway.calls.count, 6)
    }

    /// A gateway nobody listens on: a true connection refusal, retried.
    func testClosedPortIsRetried() throws {
        let probe = try RunningFakeTop()
        let url = probe.server.url
        probe.server.stop()
        let store = try DispatchTempStore()
        let keys = try store.queueRefunds(1)
        let config = TopConfig(gateway: url, appKey: testAppKey, secret: Secret(testSecret))
        let dispatcher = OutboxDispatcher(store: store.store, config: config, transport: HTTPClientTransport(),
                                          settings: fastSettings())
        assertCounts(try dispatcher.drain(), 0, 1, 0, "closed port")
        let row = try store.row(key: keys[0])
        XCTAssertEqual(row.state, "pending")
        XCTAssertEqual(row.code, "transport")
    }
}
