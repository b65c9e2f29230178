import XCTest
@testable import Operations
import Store

final class CallbackAndSendingTests: XCTestCase {
    func testRetryRequeuesAFailedCallbackWithItsKeyAndAttempts() throws {
        let f = try DemoFixture()
        let id = Int64(try f.int("SELECT min(id) FROM outbox WHERE state = 'failed'"))
        let before = try XCTUnwrap(try f.store.outboxRecord(id: id))
        let later = fixedNow + 120
        let r = try f.run(.retryCallback(id: id), now: later)
        XCTAssertEqual(r.callbackIds, [id])
        let after = try XCTUnwrap(try f.store.outboxRecord(id: id))
        XCTAssertEqual(after.state, .pending)
        XCTAssertEqual(after.attempts, before.attempts)
        XCTAssertEqual(after.idempotencyKey, before.idempotencyKey)
        XCTAssertEqual(after.params, before.params)
        XCTAssertEqual(after.nextAttemptAt, later)
        if let rid = before.refundId {
            XCTAssertNotEqual(try f.text("SELECT status FROM refunds WHERE id = ?", .int(rid)), "failed")
        }
        let a = try f.latestAudit()
        XCTAssertEqual(a.action, "callback.retry")
        XCTAssertTrue(a.after!.contains(#""outbox":\#(id),"state":"pending","key":"\#(before.idempotencyKey)""#), a.after!)
        try assertRefused(f, .retryCallback(id: id), kind: "notAllowed", contains: "only failed")
        try assertRefused(f, .retryCallback(id: 999_999), kind: "notFound", contains: "999999")
    }

    /// A dead letter queued by an older busops (docs/PROTOCOL.md (TOP callbacks): not a published object): the preview shows the
    /// published object the dispatcher will send instead, under the same key; one that cannot be upgraded is refused.
    func testRetryOfAnOldShapeCallbackPreviewsThePublishedObject() throws {
        let f = try DemoFixture()
        let id = Int64(try f.int("SELECT min(id) FROM outbox WHERE state = 'failed' AND method = 'taobao.bus.agent.bookticket.confirm'"))
        let row = try XCTUnwrap(try f.store.outboxRecord(id: id))
        let d = try f.store.orderDetail(id: try XCTUnwrap(row.orderId))!
        let old = #"{"agent_order_id":"\#(d.summary.agentOrderId)","success":false,"ticket_count":1,"fail_reason":"车辆故障"}"#
        try f.store.db.run("UPDATE outbox SET params = ? WHERE id = ?", .text(old), .int(id))
        let preview = try f.ops().preview(.retryCallback(id: id))
        XCTAssertEqual(preview.params, [#"{"agent_order_id":"\#(d.summary.agentOrderId)","bus_inner_order_id":"\#(d.summary.mainBizOrderId)","success":false}"#])
        XCTAssertTrue(preview.lines.contains { $0.contains("fail_reason is not published") }, "\(preview.lines)")
        try f.run(.retryCallback(id: id))
        XCTAssertEqual(try f.store.outboxRecord(id: id)?.params, old, "the dispatcher upgrades it when it sends it")

        let other = Int64(try f.int("SELECT max(id) FROM outbox WHERE state = 'failed'"))
        try f.store.db.run("UPDATE outbox SET params = ?, order_id = NULL WHERE id = ?", .text(#"{"agent_order_id":"X","success":false}"#),
                           .int(other))
        try f.store.db.run("UPDATE outbox SET method = 'taobao.bus.agent.bookticket.confirm' WHERE id = ?", .int(other))
        try assertRefused(f, .retryCallback(id: other), kind: "notAllowed", contains: "would fail again")
    }

    func testPauseAndResumeSetTheFlagAndAreAudited() throws {
        let f = try DemoFixture()
        XCTAssertFalse(try f.store.isSendingPaused())
        let seen = try f.ops(alice).preview(.setSending(paused: true))
        try f.run(.setSending(paused: true), as: bob)
        XCTAssertTrue(try f.store.isSendingPaused())
        XCTAssertEqual(try f.latestAudit().action, "sending.pause")
        XCTAssertThrowsError(try f.ops(alice).execute(.setSending(paused: true), confirming: seen)) { e in
            XCTAssertTrue((e as! OperationError).message.contains("bob"), "\(e)")
        }
        XCTAssertEqual(try f.run(.setSending(paused: true)).summary, "sending was already paused")
        try f.run(.setSending(paused: false))
        XCTAssertFalse(try f.store.isSendingPaused())
        XCTAssertEqual(try f.latestAudit().action, "sending.resume")
    }

    func testReadOnlyStoreRefusesEveryAction() throws {
        let f = try DemoFixture()
        let ro = try Store(path: f.store.path, readOnly: true)
        let ops = Operations(store: ro, actor: alice, now: { fixedNow })
        let p = try ops.preview(.setSending(paused: true))
        XCTAssertThrowsError(try ops.execute(.setSending(paused: true), confirming: p)) { e in
            XCTAssertEqual(caseName(e as! OperationError), "notAllowed")
        }
        XCTAssertFalse(try f.store.isSendingPaused())
    }
}

final class InputValidationTests: XCTestCase {
    func testCodesAmountsCertificatesAndPhones() throws {
        XCTAssertEqual(try InputValidation.code("  A12 ", field: "gate"), "A12")
        XCTAssertThrowsError(try InputValidation.code("A\u{1b}[2J", field: "gate"))
        XCTAssertEqual(try InputValidation.yuan("85.5"), 8550)
        XCTAssertThrowsError(try InputValidation.yuan("85.505"))
        XCTAssertThrowsError(try InputValidation.yuan("-1"))
        XCTAssertEqual(try InputValidation.amount(100, ceiling: 100), 100)
        XCTAssertThrowsError(try InputValidation.amount(101, ceiling: 100))
        XCTAssertEqual(try InputValidation.certificate("11010519491231002x"), "11010519491231002X")
        XCTAssertThrowsError(try InputValidation.certificate("110105194912310021"))
        XCTAssertEqual(try InputValidation.certificate("E12345678"), "E12345678", "passports are free-form codes")
        XCTAssertThrowsError(try InputValidation.phone("1381234567", field: "phone"))
        XCTAssertThrowsError(try InputValidation.passengerId("1-2"))
        XCTAssertEqual(try InputValidation.seats("1, 2", count: 2), ["1", "2"])
        XCTAssertThrowsError(try InputValidation.seats("1,1", count: 2))
        XCTAssertEqual(try InputValidation.resultCode("1905"), 1905)
    }
}
