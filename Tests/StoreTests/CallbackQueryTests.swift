import XCTest
@testable import Store

/// Issue 12: the Callbacks list narrows by state and method, newest failure first, from an index range; any
/// callback, item.notify included, opens in full with each attempt.
final class CallbackQueryTests: XCTestCase {
    let now = fixedNow

    /// Queues a row and plays the dispatcher's answers: `outcomes` in order, "retry", "fail" or "sent".
    @discardableResult
    func queue(_ store: Store, _ method: String, key: String, at: Int, outcomes: [String]) throws -> Int64 {
        let id = try store.insertOutbox(method: method, orderId: nil, refundId: nil, idempotencyKey: key, params: #"{"k":"\#(key)"}"#, now: at)
        var t = at
        for o in outcomes {
            try store.db.run("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", .of(t), .int(id))
            let claimed = try store.claimDue(now: t, dispatcherId: "d", lease: 30, limit: 100).filter { $0.id == id }
            XCTAssertEqual(claimed.count, 1)
            let attempt = OutboxAttempt(httpStatus: 200, code: o == "sent" ? "SUCCESS" : "isv.busy", message: "answer \(o) at \(t)",
                                        response: #"{"r":"\#(o)"}"#)
            switch o {
            case "retry": XCTAssertTrue(try store.recordRetry(id: id, dispatcherId: "d", attempt: attempt, nextAttemptAt: t + 60, now: t))
            case "fail": XCTAssertTrue(try store.recordDeadLetter(id: id, dispatcherId: "d", attempt: attempt, now: t))
            default: XCTAssertTrue(try store.recordSent(id: id, dispatcherId: "d", attempt: attempt, now: t))
            }
            t += 60
        }
        return id
    }

    func testFiltersByStateAndMethodNewestFailureFirst() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        let book = "taobao.bus.agent.bookticket.confirm", notify = "taobao.bus.item.notify"
        let oldFail = try queue(store, book, key: "old-fail", at: now - 7200, outcomes: ["retry", "fail"])
        let newFail = try queue(store, notify, key: "new-fail", at: now - 600, outcomes: ["fail"])
        // Created before the old failure, failed after it: a newest-failure order puts it between the two.
        let midFail = try queue(store, book, key: "mid-fail", at: now - 9000, outcomes: ["retry", "retry", "retry"])
        try store.db.run("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", .of(now - 3000), .int(midFail))
        _ = try store.claimDue(now: now - 3000, dispatcherId: "d", lease: 30, limit: 100)
        XCTAssertTrue(try store.recordDeadLetter(id: midFail, dispatcherId: "d", attempt: OutboxAttempt(code: "x"), now: now - 3000))
        // Sent before the undelivered two are queued, so its claim cannot take them.
        let sent = try queue(store, book, key: "sent", at: now - 50, outcomes: ["sent"])
        let retrying = try queue(store, book, key: "retrying", at: now - 300, outcomes: ["retry"])
        let pending = try queue(store, notify, key: "pending", at: now - 100, outcomes: [])

        XCTAssertEqual(try store.callbacks(limit: 10).rows.map(\.id), [newFail, midFail, oldFail, pending, retrying, sent])
        XCTAssertEqual(try store.callbacks(limit: 10).total, 6)
        let failed = try store.callbacks(CallbackFilter(state: .failed), limit: 10)
        XCTAssertEqual(failed.rows.map(\.id), [newFail, midFail, oldFail])
        XCTAssertEqual(failed.total, 3)
        XCTAssertEqual(try store.callbacks(CallbackFilter(state: .retrying), limit: 10).rows.map(\.id), [retrying])
        XCTAssertEqual(try store.callbacks(CallbackFilter(state: .pending), limit: 10).rows.map(\.id), [pending])
        XCTAssertEqual(try store.callbacks(CallbackFilter(state: .sent), limit: 10).rows.map(\.id), [sent])
        let notifies = try store.callbacks(CallbackFilter(method: notify), limit: 10)
        XCTAssertEqual(notifies.rows.map(\.id), [newFail, pending])
        XCTAssertEqual(notifies.total, 2)
        XCTAssertEqual(try store.callbacks(CallbackFilter(state: .failed, method: book), limit: 10).rows.map(\.id), [midFail, oldFail])
        // A window further down the filtered list.
        let window = try store.callbacks(CallbackFilter(state: .failed), limit: 1, offset: 1)
        XCTAssertEqual(window.rows.map(\.id), [midFail])
        XCTAssertEqual(window.total, 3)
        XCTAssertEqual(try store.callbacks(limit: 2, offset: 4).rows.map(\.id), [retrying, sent])
    }

    func testFilteredQueriesReadAnIndexNotTheTable() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        for sql in ["SELECT count(*) FROM outbox c INDEXED BY outbox_by_method WHERE c.state = ? AND c.method = ?",
                    "SELECT c.id FROM outbox c INDEXED BY outbox_by_method WHERE c.state = ? AND c.method = ? ORDER BY c.next_attempt_at DESC, c.id DESC"] {
            let plan = try store.db.prepare("EXPLAIN QUERY PLAN " + sql)
            try plan.bind([.text("sent"), .text("m")])
            let text = try plan.all { $0.text(3) }.joined(separator: " | ")
            XCTAssertTrue(text.contains("outbox_by_method"), text)
            XCTAssertFalse(text.contains("TEMP B-TREE"), "no sort: \(text)")
        }
    }

    func testItemNotifyOpensInFullWithEachAttempt() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        let id = try queue(store, "taobao.bus.item.notify", key: "notify-1", at: now - 600, outcomes: ["retry", "retry", "sent"])
        let d = try XCTUnwrap(try store.callbackDetail(id: id))
        XCTAssertEqual(d.record.method, "taobao.bus.item.notify")
        XCTAssertNil(d.record.orderId)
        XCTAssertEqual(d.attempts.map(\.action), ["callback.retry", "callback.retry", "callback.sent"])
        XCTAssertEqual(d.attempts[0].message, "answer retry at \(now - 600)")
        XCTAssertEqual(d.attempts[0].nextAttemptAt, now - 540)
        XCTAssertEqual(d.attempts[2].code, "SUCCESS")
        XCTAssertEqual(d.record.lastResponse, #"{"r":"sent"}"#)
        XCTAssertNil(try store.callbackDetail(id: id + 100))
    }
}

/// Takes the outbox's method index back out (the latest migration), before `Schema7Undo`, so a test can make an older store.
enum OutboxByMethodUndo {
    static let sql = """
    DROP INDEX outbox_by_method;
    DELETE FROM schema_migrations WHERE version = 9;
    """
}
