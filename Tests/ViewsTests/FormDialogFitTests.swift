import XCTest
@testable import Views

/// Forms fit small terminals: the 9-field ticket form shows every field at 80x24, and a form taller than the
/// screen keeps the focused field in view.
final class FormDialogFitTests: XCTestCase {
    func labels(_ n: Int) -> [FormModel.Field] { (1...n).map { FormModel.Field(label: "Field\($0)", value: "", hint: "h") } }

    func testNineFieldsAllShowAt80x24() {
        var screen = Screen(width: 80, height: 24)
        FormDialog.render(FormModel(title: "Issue tickets", fields: labels(9), focused: 8), into: &screen,
                          area: Rect(x: 0, y: 1, width: 80, height: 21))
        let text = screen.text().joined(separator: "\n")
        for i in 1...9 { XCTAssertTrue(text.contains("Field\(i)"), "Field\(i) visible:\n\(text)") }
        XCTAssertTrue(text.contains("Enter submit"), text)
    }

    func testTallFormFollowsTheFocus() {
        var screen = Screen(width: 80, height: 24)
        FormDialog.render(FormModel(title: "Many", fields: labels(30), focused: 27), into: &screen,
                          area: Rect(x: 0, y: 1, width: 80, height: 21))
        let text = screen.text().joined(separator: "\n")
        XCTAssertTrue(text.contains("Field28"), "the focused field is on screen:\n\(text)")
        XCTAssertFalse(text.contains("Field1 "), "fields far from the focus give way:\n\(text)")
    }

    /// Issue 12: a refused refund's error ("… still refundable 148.00 yuan") wraps inside the box at 80x24 and
    /// 120x40 instead of ending past its edge; the fields stay above it.
    func testALongErrorWrapsWithEveryNumberWhole() {
        let error = "refund 9999.00 yuan is more than is still refundable on order BO0000000116: paid 158.00, "
            + "already refunded 10.00, still refundable 148.00 yuan"
        for (w, h) in [(80, 24), (120, 40)] {
            var screen = Screen(width: w, height: h)
            FormDialog.render(FormModel(title: "Offline refund", fields: labels(4), focused: 0, error: error), into: &screen,
                              area: Rect(x: 0, y: 1, width: w, height: h - 3))
            let text = screen.text().joined(separator: "\n")
            for part in ["9999.00", "158.00", "10.00", "148.00 yuan", "Field1", "Field4"] {
                XCTAssertTrue(text.contains(part), "\(part) at \(w)x\(h):\n\(text)")
            }
        }
    }

    /// At 80x24 the ticket form cut its hints at the box edge with no mark: "ticket number (取票号), 1–" lost
    /// "32 printable characters". A cut hint ends in "…", and the focused field's whole hint is on the footer.
    func testACutHintIsMarkedAndTheFocusedOneIsShownWhole() {
        let hint = "required; ticket number (取票号), 1–32 printable characters"
        let fields = [FormModel.Field(label: "Ticket number", value: "", hint: hint),
                      FormModel.Field(label: "Seats", value: "", hint: "seat numbers, one per ticket, comma-separated; empty: unchanged")]
        var screen = Screen(width: 80, height: 24)
        FormDialog.render(FormModel(title: "Issue tickets", fields: fields, focused: 0), into: &screen,
                          area: Rect(x: 0, y: 1, width: 80, height: 21))
        let lines = screen.text()
        let ticket = lines.first { $0.contains("Ticket number") } ?? ""
        let seats = lines.first { $0.contains("Seats") } ?? ""
        XCTAssertTrue(ticket.contains("…") && seats.contains("…"), "cut hints are marked:\n\(lines.joined(separator: "\n"))")
        XCTAssertTrue(lines.contains { $0.contains(hint) }, "the focused hint whole:\n\(lines.joined(separator: "\n"))")
    }
}
