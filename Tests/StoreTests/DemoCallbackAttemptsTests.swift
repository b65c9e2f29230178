import XCTest
@testable import Store

/// The demo's callbacks carry the tries they count: the Callbacks view's detail said "tries 1" above "Attempts (0)
/// none yet" for every sent or failed demo row, because the demo wrote the count and not the dispatcher's audit rows.
final class DemoCallbackAttemptsTests: XCTestCase {
    func testEveryDemoCallbackListsAsManyAttemptsAsItCounts() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 600, seed: 2, now: fixedNow), force: false)
        let s = try store.db.prepare("SELECT id FROM outbox ORDER BY id")
        try s.bind([])
        var seen: [OutboxState: Int] = [:]
        for id in try s.all({ $0.int64(0) }) {
            let d = try XCTUnwrap(try store.callbackDetail(id: id))
            let c = d.record
            seen[c.state, default: 0] += 1
            XCTAssertEqual(d.attempts.count, c.attempts, "outbox \(id) (\(c.state.rawValue))")
            switch c.state {
            case .sent, .failed:
                // The try the row's last_* columns record, as the dispatcher files it (Store.recordOutcome).
                guard let a = d.attempts.last else { continue }
                XCTAssertEqual(a.action, c.state == .sent ? "callback.sent" : "callback.failed", "outbox \(id)")
                XCTAssertEqual(a.at, c.updatedAt, "outbox \(id)")
                XCTAssertEqual(a.httpStatus, c.lastHttpStatus, "outbox \(id)")
                XCTAssertEqual(a.code, c.lastCode, "outbox \(id)")
                XCTAssertEqual(a.subCode, c.lastSubCode, "outbox \(id)")
                XCTAssertEqual(a.message, c.lastMessage, "outbox \(id)")
                XCTAssertNil(a.nextAttemptAt, "outbox \(id)")
            case .pending, .sending:
                XCTAssertEqual(c.attempts, 0, "outbox \(id): the demo sends nothing it leaves pending")
            }
        }
        for state in OutboxState.allCases { XCTAssertGreaterThan(seen[state] ?? 0, 0, "no \(state.rawValue) callback to check") }
        // And no attempt row without a try counted for it.
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM audit WHERE action LIKE 'callback.%'"),
                       try store.db.scalarInt("SELECT sum(attempts) FROM outbox"))
    }

    /// A refund's confirmation is listed under the refund, after the decision it confirms (the order's history reads
    /// in that order), and says what it did to the refund, as the dispatcher's does.
    func testARefundsAttemptFollowsItsDecisionAndNamesTheRefundsNewState() throws {
        let t = TempStore()
        let store = try DemoGenerator.create(path: t.path, options: .init(orders: 300, seed: 2, now: fixedNow), force: false)
        let s = try store.db.prepare("""
            SELECT r.refund_id, r.status, c.state,
              (SELECT min(id) FROM audit WHERE entity = 'refund' AND entity_id = r.refund_id AND action IN ('refund.approve', 'refund.reject')),
              (SELECT min(id) FROM audit WHERE entity = 'refund' AND entity_id = r.refund_id AND action LIKE 'callback.%'),
              (SELECT after FROM audit WHERE entity = 'refund' AND entity_id = r.refund_id AND action LIKE 'callback.%')
            FROM refunds r JOIN outbox c ON c.refund_id = r.id WHERE c.state IN ('sent', 'failed')
            """)
        try s.bind([])
        let rows = try s.all { ($0.text(0), $0.text(1), $0.text(2), $0.int64(3), $0.int64(4), $0.text(5)) }
        XCTAssertFalse(rows.isEmpty)
        for (refund, status, state, decided, attempted, after) in rows {
            XCTAssertLessThan(decided, attempted, refund)
            let json = try JSON.parse(after)
            XCTAssertEqual(json["state"]?.stringValue, state, refund)
            XCTAssertEqual(json["refund"]?.stringValue, status == "rejected" ? nil : status, refund)
        }
    }
}
