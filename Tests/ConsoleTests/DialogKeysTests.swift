import XCTest
@testable import Console
@testable import Store
import Operations

/// Issue 12: forms edit like a shell line, Esc on a confirmation returns to its form, `q` goes back from a detail,
/// Ctrl-C cancels a dialog and quits only where no dialog is open.
final class DialogKeysTests: XCTestCase {
    let now = fixedNow

    func testLineEditMovesCutsAndInsertsAtTheCursor() {
        var l = LineEdit("T2026 1122")
        XCTAssertTrue(l.apply(.ctrl("w")))
        XCTAssertEqual(l.value, "T2026 ")
        XCTAssertTrue(l.apply(.ctrl("w")))
        XCTAssertEqual(l.value, "")
        l = LineEdit("abcdef")
        _ = l.apply(.home); _ = l.apply(.right); _ = l.apply(.char("X"))
        XCTAssertEqual(l.value, "aXbcdef")
        _ = l.apply(.ctrl("k"))
        XCTAssertEqual(l.value, "aX")
        _ = l.apply(.ctrl("a")); _ = l.apply(.delete)
        XCTAssertEqual(l.value, "X")
        _ = l.apply(.ctrl("e")); _ = l.apply(.char("Y")); _ = l.apply(.left); _ = l.apply(.ctrl("u"))
        XCTAssertEqual(l.value, "Y")
        XCTAssertEqual(l.cursor, 0)
        _ = l.apply(.backspace)
        XCTAssertEqual(l.value, "Y", "backspace at the start removes nothing")
        XCTAssertFalse(l.apply(.tab), "not an editing key")
    }

    func formState() -> AppState {
        var s = consoleState(width: 80, height: 24, now: now)
        let row = ActionRow.sending(paused: false)
        s.overlay = .form(FormState(title: "Note", fields: [.init(name: "note", label: "备注", value: "call back", hint: "")],
                                    purpose: FormPurpose(unit: "order.note", row: row)))
        return s
    }

    func field(_ s: AppState) -> FormState.Field? {
        if case .form(let f)? = s.overlay { return f.fields[f.focused] }
        return nil
    }

    func testFormFieldEditsMidLineAndShowsTheCursorThere() {
        var s = formState()
        _ = Update.apply(&s, .key(.home), now: now)
        _ = Update.apply(&s, .key(.char("!")), now: now)
        XCTAssertEqual(field(s)?.value, "!call back")
        XCTAssertEqual(field(s)?.cursor, 1)
        _ = Update.apply(&s, .key(.ctrl("k")), now: now)
        XCTAssertEqual(field(s)?.value, "!")
        XCTAssertNil(field(s)?.cursor, "at the end again")
        XCTAssertFalse(s.quit)
        let hints = FrameRenderer.render(s, now: now).text()[23]
        XCTAssertTrue(hints.contains("Enter preview") && hints.contains("Esc cancel"), hints)
    }

    func testEscOnAConfirmationReturnsToItsFormAndCtrlCCancels() {
        var s = formState()
        let pending = PendingAction(request: .approveRefund(refundId: "RF1", feeFen: 0),
                                    shown: ActionPreview(title: "Note", lines: [], version: 1, method: nil))
        _ = Update.apply(&s, .key(.char("!")), now: now)
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Note", lines: [], pending: pending)), now: now)
        _ = Update.apply(&s, .key(.escape), now: now)
        XCTAssertEqual(field(s)?.value, "call back!", "the form as it was left")
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Note", lines: [], pending: pending)), now: now)
        _ = Update.apply(&s, .key(.char("q")), now: now)
        XCTAssertNotNil(field(s), "q goes back too")
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: "Note", lines: [], pending: pending)), now: now)
        _ = Update.apply(&s, .key(.ctrl("c")), now: now)
        XCTAssertNil(s.overlay)
        XCTAssertFalse(s.quit, "Ctrl-C cancels a dialog, never quits from one")
        XCTAssertEqual(s.message?.text, "cancelled; nothing was sent")
    }

    func testQGoesBackFromADetailAndQuitsFromAView() {
        var s = formState()
        s.overlay = nil
        s.detail = DetailState(orderId: 3)
        _ = Update.apply(&s, .key(.char("q")), now: now)
        XCTAssertNil(s.detail)
        XCTAssertFalse(s.quit)
        _ = Update.apply(&s, .key(.char("q")), now: now)
        XCTAssertTrue(s.quit)
    }
}
