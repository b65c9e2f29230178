// What the dispatcher makes of the outbox rows the demo leaves: an accepted refund confirmation makes the
// refund done, with its audit row and a secret-free request; a dead-lettered one makes it failed.
// (The Store side of the outbox is in Tests/StoreTests/OutboxStoreTests.swift.)

import Foundation
import XCTest
import Store
@testable import TOP

final class DispatchedRefundTests: XCTestCase {
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
