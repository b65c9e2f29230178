import Foundation
import XCTest
@testable import Console
import Operations
import Store
import TestFixtures

/// 2026-11-21 10:00 GMT+8, the fixed instant of the Update tests (TestFixtures' TemporaryStore.fixedNow).
let fixedNow = TemporaryStore.fixedNow

/// A demo store made for "now" (the console's actions run on the wall clock), in a temporary directory
/// (TestFixtures' one temp-store fixture).
final class ActionStoreFixture {
    let temp = TemporaryStore(label: "busops-act")
    let store: Store
    var dir: String { temp.dir }
    var path: String { temp.path }
    let now = ChinaTime.now()

    init(orders: Int = 300, seed: UInt64 = 3) throws {
        store = try temp.demo(orders: orders, seed: seed, now: now)
    }

    func effects(as name: String = "alice", source: String = "ssh:10.0.0.7") -> ActionEffects {
        ActionEffects(store: store, actor: Actor(operatorName: name, source: source), progress: nil)
    }

    func int(_ sql: String, _ args: SQLValue...) throws -> Int { try store.firstInt(sql, args) }

    func text(_ sql: String, _ args: SQLValue...) throws -> String? { try store.firstText(sql, args) }

    /// Everything an action could write: a count of each table's rows plus the sum of versions.
    func footprint() throws -> [Int] {
        try [int("SELECT count(*) FROM outbox"), int("SELECT count(*) FROM audit"), int("SELECT count(*) FROM refunds"),
             int("SELECT coalesce(sum(version), 0) FROM orders"), int("SELECT coalesce(sum(version), 0) FROM refunds"),
             int("SELECT coalesce(sum(version), 0) FROM schedules")]
    }

    /// The detail of the first future order in `status` with no refund pending.
    func detail(status: OrderStatus) throws -> OrderDetail {
        let id = try int("""
            SELECT o.id FROM orders o WHERE o.status = ? AND o.departs_at > ?
              AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.status = 'pending') ORDER BY o.id LIMIT 1
            """, .of(status.rawValue), .of(now + 3600))
        return try XCTUnwrap(try store.orderDetail(id: Int64(id)), "no demo order in status \(status.rawValue)")
    }

    /// A pending refund whose fee tier allows a refund now (the Refunds view's row for it).
    func refundableRow() throws -> PendingRefund {
        let rows = try store.pendingRefunds(now: now, limit: 500).rows
        return try XCTUnwrap(rows.first { $0.currentFeeFen != nil }, "no pending refund in a refundable tier")
    }
}

/// The console's state on a demo store's session (no store opened), sized as the terminal would be: the one
/// starting state of the Update tests.
func consoleState(readOnly: Bool = false, isDemo: Bool = true, width: Int = 120, height: Int = 40, now: Int) -> AppState {
    var s = AppState(session: SessionInfo(storePath: "/tmp/x.sqlite", isDemo: isDemo, readOnly: readOnly,
                                          readOnlyReason: readOnly ? "--read-only" : nil), now: now)
    _ = Update.apply(&s, .resize(width: width, height: height), now: now)
    return s
}

/// Types text into the focused form field, one key at a time, as an operator would.
func typeKeys(_ s: inout AppState, _ text: String, now: Int) {
    for c in text { _ = Update.apply(&s, .key(.char(c)), now: now) }
}

func clearField(_ s: inout AppState, now: Int) {
    for _ in 0..<70 { _ = Update.apply(&s, .key(.backspace), now: now) }
}
