import Foundation
import XCTest
@testable import Console
import Store
import TOP
import Views

/// Issue 12: the console's `:due` view and `busops due --json` show the same work in the same order, on a store
/// holding every kind (tickets to issue, seat locks, refunds, a dead letter and a retry, a stopped schedule).
final class DueAgreementTests: XCTestCase {
    func testConsoleAndBusopsDueAgreeOnEveryKind() throws {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("busops binary not built") }
        let fx = try ActionStoreFixture()
        let now = ChinaTime.now()
        // A stopped schedule with paid passengers (stopped elsewhere, not yet refunded), a retry and a dead letter.
        try fx.store.db.run("""
            UPDATE schedules SET on_sale = 0, stop_reason = 'test' WHERE schedule_id =
              (SELECT schedule_id FROM orders WHERE status = 3 AND departs_at > ? ORDER BY departs_at LIMIT 1)
            """, .of(now + 7200))
        try fx.store.db.run("UPDATE outbox SET state = 'pending', attempts = 2, next_attempt_at = ? WHERE id = (SELECT min(id) FROM outbox)", .of(now + 300))
        try fx.store.db.run("UPDATE outbox SET state = 'failed', attempts = 8 WHERE id = (SELECT max(id) FROM outbox)")

        let out = TmuxSession.busops(["due", "--json", "--db", fx.path])
        XCTAssertEqual(out.status, 0, out.output)
        let lines = try out.output.split(separator: "\n").map { try XCTUnwrap(try JSON.parse(Array($0.utf8))) }
        let cli = lines.map { "\($0["kind"]!.stringValue!) \($0["id"]!.stringValue!)" }
        XCTAssertEqual(Set(lines.compactMap { $0["kind"]?.stringValue }), Set(DueKind.allCases.map(\.rawValue)), "every kind is due")
        let dues = lines.compactMap { $0["due_at_epoch"]?.intValue }
        XCTAssertEqual(dues, dues.sorted(), "sorted by due_at")
        for l in lines { XCTAssertNotNil(l["seconds_left"]?.intValue); XCTAssertNotNil(l["due_at"]?.stringValue) }

        // The console: `:due`, the effect it asks for, its rows and the frame.
        var s = consoleState(now: now)
        var effects = Update.apply(&s, .key(.char(":")), now: now)
        for ch in "due" { effects += Update.apply(&s, .key(.char(ch)), now: now) }
        effects += Update.apply(&s, .key(.enter), now: now)
        XCTAssertEqual(s.tab, .due)
        XCTAssertTrue(effects.contains(.loadDue))
        let runner = EffectRunner(store: fx.store, operatorName: "alice", source: "test", copy: { _ in })
        for e in runner.run(.loadDue, state: s, now: now) { _ = Update.apply(&s, e, now: now) }
        XCTAssertEqual(s.due.rows.map { "\($0.kind.rawValue) \($0.id)" }, cli)
        let screen = FrameRenderer.render(s, now: now).text()
        let firstRow = try XCTUnwrap(s.due.rows.first)
        XCTAssertTrue(screen[3].contains(firstRow.id), screen.joined(separator: "\n"))
        let hour = s.due.rows.filter { $0.dueAt - now <= 3600 }.count
        XCTAssertTrue(screen[0].contains(hour > 0 ? "Due \(hour)" : "Due"), screen[0])

        // Enter opens the row's order; a refund row's A works there.
        let refundAt = try XCTUnwrap(s.due.rows.firstIndex { $0.kind == .refund })
        s.due.selected = refundAt
        let open = Update.apply(&s, .key(.enter), now: now)
        XCTAssertEqual(open, [.loadDetail(s.due.rows[refundAt].orderId!, revealed: false)])
        for e in runner.run(open[0], state: s, now: now) { _ = Update.apply(&s, e, now: now) }
        _ = Update.apply(&s, .key(.char("A")), now: now)
        guard case .form(let f)? = s.overlay else { return XCTFail("A opens the approve form: \(String(describing: s.message))") }
        XCTAssertEqual(f.purpose.unit, "refund.approve")
        XCTAssertEqual(f.purpose.row.subjectId, s.due.rows[refundAt].id)
    }
}
