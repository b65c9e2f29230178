import XCTest
@testable import Console
import Operations
import Store
import Views

/// Bulk marks (issue 12): Space marks rows in Refunds and Callbacks; A / T then opens one confirmation listing every
/// marked row, Cancel focused; confirmed, the unit runs once per row, each in its own transaction with its own
/// stale-row check, and the operator reads "approved N of M" with each refused row named.
final class BulkMarksTests: XCTestCase {
    func press(_ s: inout AppState, _ key: KeyPress, _ fx: ActionStoreFixture) {
        var d = ConsoleDriver(fx)
        d.s = s
        d.press(key)
        s = d.s
    }

    func screen(_ s: AppState, _ fx: ActionStoreFixture) -> String {
        FrameRenderer.render(s, now: fx.now).text().joined(separator: "\n")
    }

    /// The Refunds view loaded, with the cursor on the first refundable row.
    func refunds(_ fx: ActionStoreFixture) throws -> AppState {
        var s = consoleState(now: fx.now)
        press(&s, .char("3"), fx)
        XCTAssertGreaterThan(s.refunds.total, 3)
        return s
    }

    /// Positions of refunds the rule tier lets approve now, in the loaded window.
    func refundable(_ s: AppState) -> [Int] {
        s.refunds.rows.indices.filter { s.refunds.rows[$0].currentFeeFen != nil }.map { $0 + s.refunds.start }
    }

    func mark(_ s: inout AppState, at position: Int, _ fx: ActionStoreFixture) {
        s.refunds.selected = position
        press(&s, .char(" "), fx)
    }

    func status(_ fx: ActionStoreFixture, _ refundId: String) throws -> String? {
        try fx.text("SELECT status FROM refunds WHERE refund_id = ?", .text(refundId))
    }

    func testSpaceMarksAndOneConfirmationApprovesEveryMarkedRefund() throws {
        let fx = try ActionStoreFixture()
        var s = try refunds(fx)
        let ok = refundable(s)
        XCTAssertGreaterThanOrEqual(ok.count, 2, "the demo store has refundable pending refunds")
        let picked = ok.prefix(2).map { s.refunds.rows[$0 - s.refunds.start] }
        s.refunds.selected = ok[0]
        press(&s, .char(" "), fx)
        XCTAssertEqual(s.refunds.selected, ok[0] + 1, "Space moves on to the next row")
        mark(&s, at: ok[1], fx)
        XCTAssertEqual(s.marks[.refunds]?.map(\.id), picked.map(\.refund.refundId))
        XCTAssertTrue(s.message?.text.hasPrefix("2 marked: A to approve them all") == true, s.message?.text ?? "")
        let list = screen(s, fx)
        XCTAssertTrue(list.contains("2 marked · A approves them"), list)
        for p in picked {
            XCTAssertTrue(list.contains("*" + p.agentOrderId) || list.contains("* " + p.agentOrderId), "the marked row shows its mark:\n\(list)")
        }

        // A: one confirmation naming each row with its order and amount; Cancel focused; Enter writes nothing.
        let before = try fx.footprint()
        press(&s, .char("A"), fx)
        guard case .confirm(let c)? = s.overlay else { return XCTFail("a confirmation: \(String(describing: s.message))") }
        XCTAssertEqual(c.title, "Approve 2 refunds")
        XCTAssertFalse(c.confirmFocused, "Cancel is focused, like every confirmation")
        for p in picked {
            let fee = try XCTUnwrap(p.currentFeeFen)
            let line = "\(p.refund.refundId)  order \(p.agentOrderId)  refund \(Money.yuan(p.refund.paidFen - fee)) yuan"
            XCTAssertTrue(c.lines.contains { $0.contains(line) }, "lists \(line):\n\(c.lines.joined(separator: "\n"))")
        }
        press(&s, .enter, fx)
        XCTAssertNil(s.overlay)
        XCTAssertEqual(try fx.footprint(), before, "Enter on Cancel: nothing written")
        XCTAssertEqual(s.marks[.refunds]?.count, 2, "cancelling keeps the marks")

        press(&s, .char("A"), fx)
        press(&s, .right, fx)
        press(&s, .enter, fx)
        XCTAssertEqual(s.message?.text, "approved 2 of 2")
        XCTAssertEqual(s.message?.kind, .info)
        for p in picked { XCTAssertEqual(try status(fx, p.refund.refundId), "approved") }
        XCTAssertEqual(try fx.int("SELECT count(*) FROM audit WHERE action = 'refund.approve' AND operator = 'alice'"), 2,
                       "one audited approval per row")
        XCTAssertNil(s.marks[.refunds], "the marks clear after")
        XCTAssertFalse(screen(s, fx).contains("marked"))
    }

    /// A row changed by someone else is refused and named, before the confirmation (left out, with why) or after it
    /// (its own stale-row check); the other rows go ahead.
    func testChangedRowsAreRefusedAndNamedTheOthersGoAhead() throws {
        let fx = try ActionStoreFixture()
        var s = try refunds(fx)
        let ok = refundable(s)
        XCTAssertGreaterThanOrEqual(ok.count, 3)
        let picked = ok.prefix(3).map { s.refunds.rows[$0 - s.refunds.start].refund.refundId }
        for p in ok.prefix(3) { mark(&s, at: p, fx) }
        let bob = Operations(store: fx.store, actor: Actor(operatorName: "bob", source: "local"), now: { fx.now })
        func reject(_ id: String) throws {
            let r = ActionRequest.rejectRefund(refundId: id, resultCode: "1", reason: "duplicate")
            _ = try bob.execute(r, confirming: try bob.preview(r))
        }
        try reject(picked[0])    // before the confirmation: left out, said why
        press(&s, .char("A"), fx)
        guard case .confirm(let c)? = s.overlay else { return XCTFail("a confirmation: \(String(describing: s.message))") }
        XCTAssertEqual(c.title, "Approve 2 refunds")
        XCTAssertTrue(c.lines.contains { $0.contains(picked[0]) && $0.contains("bob") }, c.lines.joined(separator: "\n"))
        try reject(picked[1])    // after it: its own check refuses it when confirmed
        press(&s, .right, fx)
        press(&s, .enter, fx)
        let m = try XCTUnwrap(s.message)
        XCTAssertTrue(m.text.hasPrefix("approved 1 of 3; refused: "), m.text)
        XCTAssertEqual(m.kind, .error)
        XCTAssertTrue(m.text.contains(picked[0]) && m.text.contains(picked[1]), "both refused rows are named: \(m.text)")
        XCTAssertEqual(try status(fx, picked[0]), "rejected")
        XCTAssertEqual(try status(fx, picked[1]), "rejected", "bob's decision stands")
        XCTAssertEqual(try status(fx, picked[2]), "approved")
    }

    func testEscAndASecondSpaceClearMarks() throws {
        let fx = try ActionStoreFixture()
        var s = try refunds(fx)
        let ok = refundable(s)
        mark(&s, at: ok[0], fx)
        mark(&s, at: ok[0], fx)
        XCTAssertNil(s.marks[.refunds], "Space again unmarks")
        mark(&s, at: ok[0], fx)
        XCTAssertTrue(KeyHints.hints(s, now: fx.now).contains { $0.keys == "Esc" }, "Esc is offered while rows are marked")
        press(&s, .escape, fx)
        XCTAssertNil(s.marks[.refunds], "Esc clears the marks")
        XCTAssertEqual(s.message?.text, "marks cleared")
        press(&s, .char("A"), fx)
        guard case .confirm(let c)? = s.overlay else { return XCTFail("without marks A is the one-row approve") }
        XCTAssertNil(c.bulk)
        XCTAssertTrue(c.title.hasPrefix("Approve refund "), c.title)
    }

    func testMarksAreRefusedReadOnly() throws {
        let fx = try ActionStoreFixture()
        var s = consoleState(readOnly: true, now: fx.now)
        press(&s, .char("3"), fx)
        press(&s, .char(" "), fx)
        XCTAssertNil(s.marks[.refunds])
        XCTAssertEqual(s.message?.kind, .error)
    }

    func testMarkedFailedCallbacksAreReFiredWithOneConfirmation() throws {
        let fx = try ActionStoreFixture()
        var s = consoleState(now: fx.now)
        press(&s, .char("4"), fx)
        press(&s, .char("f"), fx)   // only failed
        XCTAssertGreaterThanOrEqual(s.callbacks.total, 2, "the demo store has dead-lettered callbacks")
        let ids = s.callbacks.rows.prefix(2).map(\.id)
        press(&s, .char(" "), fx)
        press(&s, .char(" "), fx)
        XCTAssertTrue(screen(s, fx).contains("2 marked · T re-fires them"))
        press(&s, .char("T"), fx)
        guard case .confirm(let c)? = s.overlay else { return XCTFail("a confirmation: \(String(describing: s.message))") }
        XCTAssertEqual(c.title, "Re-fire 2 callbacks")
        for (id, row) in zip(ids, s.callbacks.rows) {
            XCTAssertTrue(c.lines.contains { $0.contains("callback \(id)  \(row.method)") }, c.lines.joined(separator: "\n"))
        }
        press(&s, .char("l"), fx)
        press(&s, .enter, fx)
        XCTAssertEqual(s.message?.text, "re-fired 2 of 2")
        for id in ids { XCTAssertEqual(try fx.text("SELECT state FROM outbox WHERE id = ?", .of(Int(id))), "pending") }
    }

    /// The whole loop on an in-memory terminal: 3, Space, Space, A, →, Enter, and the screen and the store agree.
    func testBulkApproveThroughTheConsoleLoop() throws {
        let fx = try ActionStoreFixture()
        let first = try fx.store.pendingRefunds(now: fx.now, limit: 2).rows
        XCTAssertTrue(first.allSatisfy { $0.currentFeeFen != nil }, "the first two refunds are refundable in this store")
        let keys: [KeyPress] = [.char("3"), .char(" "), .char(" "), .char("A"), .right, .enter]
        let term = MemoryTerminal(width: 80, height: 24, script: keys.flatMap { [TerminalInput.key($0), nil] } + [nil])
        let session = SessionInfo(storePath: fx.path, isDemo: true, readOnly: false)
        let app = ConsoleApp(store: fx.store, session: session, options: ConsoleOptions(themeName: "default", mouse: false, dispatch: false),
                             terminal: term)
        XCTAssertEqual(try app.run(), 0)
        let shown = term.text.joined(separator: "\n")
        XCTAssertTrue(shown.contains("approved 2 of 2"), shown)
        for p in first { XCTAssertEqual(try status(fx, p.refund.refundId), "approved") }
    }

    /// "preparing 2 refunds…" stayed on the status line beside the open bulk confirmation.
    func testPreparingGoesWhenTheBulkConfirmationOpens() throws {
        let fx = try ActionStoreFixture()
        var s = try refunds(fx)
        for p in refundable(s).prefix(2) { mark(&s, at: p, fx) }
        press(&s, .char("A"), fx)
        guard case .confirm? = s.overlay else { return XCTFail("a confirmation: \(String(describing: s.message))") }
        XCTAssertNil(s.message, "nothing is being prepared any more")
    }
}
