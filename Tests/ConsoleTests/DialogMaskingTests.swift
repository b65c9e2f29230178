import XCTest
@testable import Console
@testable import Store
import Operations
import Views

/// Issue 12: "confirmation dialogs show passengers' full names without a reveal". Every dialog masks names,
/// certificate numbers and phones until the order is revealed (the detail's `v`, which is audited); a revealed
/// order shows them in its dialogs too.
final class DialogMaskingTests: XCTestCase {
    let now = fixedNow

    func state() -> AppState {
        consoleState(width: 100, height: 30, now: now)
    }

    func confirm(_ s: inout AppState) {
        let personal = PersonalValues(names: ["欧阳娜娜", "张三"], certificates: ["33010619900307123X"], phones: ["13812345678"])
        let lines = ["refund RF1 per ticket: 欧阳娜娜 (seat 12), 张三 (seat 13)", "cert 33010619900307123X, contact 13812345678"]
        let preview = ActionPreview(title: "Approve refund RF1", lines: lines, version: 1, method: nil, personal: personal)
        let pending = PendingAction(request: .approveRefund(refundId: "RF1", feeFen: 0), shown: preview)
        _ = Update.apply(&s, .confirmReady(ConfirmState(title: preview.title, lines: lines, pending: pending, personal: personal)), now: now)
    }

    func testConfirmationMasksUntilTheOrderIsRevealed() {
        var s = state()
        confirm(&s)
        let masked = FrameRenderer.render(s, now: now).text().joined(separator: "\n")
        for full in ["欧阳娜娜", "张三", "33010619900307123X", "13812345678"] { XCTAssertFalse(masked.contains(full), full) }
        for shown in ["欧阳** (seat 12)", "张* (seat 13)", "3301**********123X", "138****5678"] { XCTAssertTrue(masked.contains(shown), shown) }

        // The same dialog over a revealed order detail (the reveal's audit row committed: .revealAudited).
        s.overlay = nil
        s.detail = DetailState(orderId: 1, revealed: true)
        confirm(&s)
        let revealed = FrameRenderer.render(s, now: now).text().joined(separator: "\n")
        for full in ["欧阳娜娜", "张三", "33010619900307123X", "13812345678"] { XCTAssertTrue(revealed.contains(full), full) }
    }

    func testFormsMaskPrefilledPersonalFields() {
        var s = state()
        let fields = [FormState.Field(name: "ticket-no", label: "Ticket no", value: "T2026112200", hint: ""),
                      FormState.Field(name: "driver-name", label: "Driver name", value: "王师傅", hint: ""),
                      FormState.Field(name: "driver-phone", label: "Driver phone", value: "13588889999", hint: ""),
                      FormState.Field(name: "cert", label: "Certificate", value: "33010619900307123X", hint: "")]
        s.overlay = .form(FormState(title: "Issue tickets", fields: fields, purpose: FormPurpose(unit: "order.issue", row: .sending(paused: false))))
        let masked = FrameRenderer.render(s, now: now).text().joined(separator: "\n")
        XCTAssertTrue(masked.contains("T2026112200"), "not personal: shown")
        for full in ["王师傅", "13588889999", "33010619900307123X"] { XCTAssertFalse(masked.contains(full), full) }
        XCTAssertTrue(masked.contains("王**") && masked.contains("135****9999") && masked.contains("3301**********123X"))
        // What the operator submits is what was typed, never the masked text.
        if case .form(let f)? = s.overlay { XCTAssertEqual(f.fields[2].value, "13588889999") }
        s.detail = DetailState(orderId: 1, revealed: true)
        XCTAssertTrue(FrameRenderer.render(s, now: now).text().joined().contains("13588889999"))
    }

    func testRedactionMasksLongestValuesFirst() {
        let r = Redaction(names: ["张三", "赵"], phones: ["13812345678"])
        XCTAssertEqual(r.apply("张三 赵 13812345678"), "张* 赵 138****5678", "one-character names stay (Masking.name keeps them)")
        XCTAssertEqual(Redaction().apply("张三"), "张三")
    }
}
