// The Store side of the outbox: claims, leases and conditional recording, bounded responses, the pause flag.
// (What the dispatcher makes of the rows, refund status and audit, is in Tests/TOPTests/DispatchedRefundTests.swift.)

import Foundation
import XCTest
@testable import Store
import TestFixtures

/// A fresh store with the outbox helpers of TestFixtures.
private final class OutboxStore {
    let temp = TemporaryStore(label: "busops-outbox")
    let store: Store
    init() throws { store = try temp.open() }
    @discardableResult
    func queueRefunds(_ count: Int, prefix: String = "RT", now: Int) throws -> [String] {
        try store.queueRefundConfirmations(count, prefix: prefix, now: now)
    }
    func states() throws -> [String: Int] { try store.outboxStates() }
    func row(_ key: String) throws -> OutboxRowState { try store.outboxRow(key: key) }
}

final class OutboxStoreTests: XCTestCase {
    let now = Int(Date().timeIntervalSince1970)

    func testClaimTakesDueRowsOnceAndSkipsFutureAndHeldOnes() throws {
        let t = try OutboxStore()
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
        let t = try OutboxStore()
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
        let t = try OutboxStore()
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
        let t = try OutboxStore()
        try t.queueRefunds(2, now: now)
        let rows = try t.store.claimDue(now: now, dispatcherId: "a", lease: 10, limit: 2)
        XCTAssertEqual(try t.store.releaseClaims(ids: rows.map(\.id), dispatcherId: "b", now: now), 0)
        XCTAssertEqual(try t.store.releaseClaims(ids: rows.map(\.id), dispatcherId: "a", now: now), 2)
        XCTAssertEqual(try t.states(), ["pending": 2])
        XCTAssertEqual(try t.store.claimDue(now: now, dispatcherId: "b", lease: 10, limit: 5).count, 2)
    }

    func testStoredResponseIsBoundedOnACharacterBoundary() throws {
        let t = try OutboxStore()
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
        let t = try OutboxStore()
        XCTAssertFalse(try t.store.isSendingPaused())
        try t.store.db.run("INSERT INTO meta (key, value) VALUES ('sending_paused', '1')")
        XCTAssertTrue(try t.store.isSendingPaused())
        try t.store.db.run("UPDATE meta SET value = '0' WHERE key = 'sending_paused'")
        XCTAssertFalse(try t.store.isSendingPaused())
    }
}
