// The Store side of the outbox: claims, leases and conditional recording, refund status and
// audit rows, secret-free requests and bounded responses.

import Foundation
import XCTest
import Store
@testable import TOP

final class OutboxStoreTests: XCTestCase {
    let now = Int(Date().timeIntervalSince1970)

    func testClaimTakesDueRowsOnceAndSkipsFutureAndHeldOnes() throws {
        let t = try DispatchTempStore()
        try t.queueRefunds(3, prefix: "DUE", now: now)
        try t.queueRefunds(2, prefix: "LATER", now: now + 60)
        let a = try t.store.claimDue(now: now, dispatcherId: "a", lease: 30, limit: 10)
        XCTAssertEqual(a.map(\.idempotencyKey), ["DUE000000", "DUE000001", "DUE000002"])
        XCTAssertTrue(a.allSatisfy { $0.state == .sending })
        // Held by "a" and not lapsed: nobody else gets them.
        XCTAssertEqual(try t.store.claimDue(now: now + 29, dispatcherId: "b", lease: 30, limit: 10).count, 0)
        // The limit is honoured.
        XCTAssertEqual(try t.store.claimDue(now: now + 60, dispatcherId: "b", lease: 30, limit: 1).count, 1)
    }

    func testLapsedClaimIsTakenOverAndTheLateAnswerIsDropped() throws {
        let t = try DispatchTempStore()
        let keys = try t.queueRefunds(1, now: now)
        let first = try t.store.claimDue(now: now, dispatcherId: "dead", lease: 10, limit: 5)
        XCTAssertEqual(first.count, 1)
        let second = try t.store.claimDue(now: now + 11, dispatcherId: "alive", lease: 10, limit: 5)
        XCTAssertEqual(second.map(\.id), first.map(\.id))
        // The first dispatcher comes back with an answer: its claim is gone, nothing is written.
        XCTAssertFalse(try t.store.recordDeadLetter(id: first[0].id, dispatcherId: "dead",
                                                    attempt: OutboxAttempt(code: "x"), now: now + 12))
        XCTAssertEqual(try t.row(keys[0]).state, "sending")
        XCTAssertTrue(try t.store.recordSent(id: first[0].id, dispatcherId: "alive",
                                             attempt: OutboxAttempt(httpStatus: 200, code: "SUCCESS"), now: now + 12))
        let row = try t.row(keys[0])
        XCTAssertEqual([row.state, row.code], ["sent", "SUCCESS"])
        XCTAssertEqual(row.attempts, 1)
        // A finished row is never claimed again, however late.
        XCTAssertEqual(try t.store.claimDue(now: now + 10_000, dispatcherId: "c", lease: 10, limit: 5).count, 0)
    }

    func testRetryCountsTheAttemptAndSetsTheNextTime() throws {
        let t = try DispatchTempStore()
        let keys = try t.queueRefunds(1, now: now)
        let row = try t.store.claimDue(now: now, dispatcherId: "a", lease: 10, limit: 1)[0]
        XCTAssertTrue(try t.store.recordRetry(id: row.id, dispatcherId: "a", attempt: OutboxAttempt(code: "transport"),
                                              nextAttemptAt: now + 8, now: now))
        XCTAssertEqual(try t.store.claimDue(now: now + 7, dispatcherId: "a", lease: 10, limit: 1).count, 0)
        let again = try t.store.claimDue(now: now + 8, dispatcherId: "a", lease: 10, limit: 1)
        XCTAssertEqual(again.map(\.idempotencyKey), keys)
        XCTAssertEqual(again[0].attempts, 1)
    }

    func testReleaseGivesBackOnlyOwnClaims() throws {
        let t = try DispatchTempStore()
        try t.queueRefunds(2, now: now)
        let rows = try t.store.claimDue(now: now, dispatcherId: "a", lease: 10, limit: 2)
        XCTAssertEqual(try t.store.releaseClaims(ids: rows.map(\.id), dispatcherId: "b", now: now), 0)
        XCTAssertEqual(try t.store.releaseClaims(ids: rows.map(\.id), dispatcherId: "a", now: now), 2)
        XCTAssertEqual(try t.states(), ["pending": 2])
        XCTAssertEqual(try t.store.claimDue(now: now, dispatcherId: "b", lease: 10, limit: 5).count, 2)
    }

    func testStoredResponseIsBoundedOnACharacterBoundary() throws {
        let t = try DispatchTempStore()
        let keys = try t.queueRefunds(1, now: now)
        let row = try t.store.claimDue(now: now, dispatcherId: "a", lease: 10, limit: 1)[0]
        let huge = String(repeating: "退", count: 5000)  // 15 000 bytes of UTF-8
        try t.store.recordDeadLetter(id: row.id, dispatcherId: "a", attempt: OutboxAttempt(response: huge), now: now)
        let stored = try XCTUnwrap(try t.row(keys[0]).response)
        XCTAssertLessThanOrEqual(stored.utf8.count, OutboxAttempt.maxResponseBytes)
        XCTAssertGreaterThan(stored.utf8.count, OutboxAttempt.maxResponseBytes - 3)
        XCTAssertTrue(stored.allSatisfy { $0 == "退" })
    }

    func testPauseFlag() throws {
        let t = try DispatchTempStore()
        XCTAssertFalse(try t.store.isSendingPaused())
        try t.store.db.run("INSERT INTO meta (key, value) VALUES ('sending_paused', '1')")
        XCTAssertTrue(try t.store.isSendingPaused())
        try t.store.db.run("UPDATE meta SET value = '0' WHERE key = 'sending_paused'")
        XCTAssertFalse(try t.store.isSendingPaused())
    }

    /// Demo rows: an approved refund's confirmation, once accepted, makes the refund done, with
    /// an audit row by "dispatcher" under the refund's id; the request kept has no secret.
    func testSentRefundBecomesDoneWithAuditAndSecretFreeRequest() throws {
        let t = try DispatchTempStore(demoOrders: 150)
        let top = try RunningFakeTop()
        var config = top.config
        config.session = Secret("session-token-do-not-store")
        let approved = try refundIds(t, status: "approved", withOutbox: "pending")
        XCTAssertFalse(approved.isEmpty, "the demo should leave approved refunds awaiting their callback")
        let dispatcher = OutboxDispatcher(store: t.store, config: config, transport: HTTPClientTransport(), settings: fastSettings())
        let report = try dispatcher.drain()
        XCTAssertGreaterThan(report.sent, 0)
        XCTAssertEqual(report.retried + report.deadLettered, 0, report.summary)
        for id in approved {
            XCTAssertEqual(try t.store.db.scalarText("SELECT status FROM refunds WHERE id = ?", .int(id)), "done")
            let refundId = try XCTUnwrap(try t.store.db.scalarText("SELECT refund_id FROM refunds WHERE id = ?", .int(id)))
            let audit = try t.store.audit(entityIds: [refundId]).filter { $0.action == "callback.sent" }
            XCTAssertEqual(audit.count, 1)
            XCTAssertEqual(audit.first?.operatorName, "dispatcher")
            XCTAssertTrue(audit.first?.after?.contains("\"refund\":\"done\"") ?? false)
        }
        let requests = try t.store.db.prepare("SELECT last_request FROM outbox WHERE last_request IS NOT NULL").all { $0.text(0) }
        let audits = try t.store.db.prepare("SELECT coalesce(before, '') || coalesce(after, '') FROM audit").all { $0.text(0) }
        XCTAssertFalse(requests.isEmpty)
        for text in requests + audits {
            XCTAssertFalse(text.contains(testSecret))
            XCTAssertFalse(text.contains("session-token-do-not-store"))
        }
        XCTAssertTrue(requests.contains { $0.contains("\"session\":\"<redacted>\"") })
    }

    func testDeadLetteredRefundBecomesFailed() throws {
        let t = try DispatchTempStore(demoOrders: 150)
        let top = try RunningFakeTop(fault: FakeTopFaultSpec(fault: .isv))
        let approved = try refundIds(t, status: "approved", withOutbox: "pending")
        XCTAssertFalse(approved.isEmpty)
        _ = try OutboxDispatcher(store: t.store, config: top.config, transport: HTTPClientTransport(), settings: fastSettings()).drain()
        for id in approved {
            XCTAssertEqual(try t.store.db.scalarText("SELECT status FROM refunds WHERE id = ?", .int(id)), "failed")
        }
    }

    private func refundIds(_ t: DispatchTempStore, status: String, withOutbox state: String) throws -> [Int64] {
        let s = try t.store.db.prepare("""
            SELECT r.id FROM refunds r JOIN outbox c ON c.refund_id = r.id WHERE r.status = ? AND c.state = ?
            """)
        try s.bind([.text(status), .text(state)])
        return try s.all { $0.int64(0) }
    }
}

extension DispatchTempStore {
    func row(_ key: String) throws -> (state: String, attempts: Int, next: Int, code: String?, subCode: String?, msg: String?,
                                       request: String?, response: String?) {
        try row(key: key)
    }
}
