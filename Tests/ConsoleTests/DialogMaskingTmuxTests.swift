import Foundation
import XCTest

/// Issue 12 through the real console at 80x24 and 120x40: the approve confirmation masks the passengers' names (they were
/// shown in full without a reveal), and the approve form itself carries none.
final class DialogMaskingTmuxTests: TmuxStoreTestCase {
    func testApproveConfirmationMasksPassengerNamesAt80x24() throws { try approveMasks(width: 80, height: 24) }
    func testApproveConfirmationMasksPassengerNamesAt120x40() throws { try approveMasks(width: 120, height: 40) }

    func approveMasks(width: Int, height: Int) throws {
        let t = try startConsole("--no-dispatch", width: width, height: height)
        t.send("3")
        expect(t, "most urgent first", "the Refunds view")
        t.send("A")
        let confirm = expect(t, "[ Confirm ]", "the confirmation (at once: the fee of the tier is prefilled)")
        let refundId = try XCTUnwrap(confirm.range(of: "RF\\d+", options: .regularExpression).map { String(confirm[$0]) }, confirm)
        let names = SQLiteCLI.query(db, """
            SELECT t.name FROM refunds r JOIN tickets t ON t.order_id = r.order_id AND (r.ticket_id IS NULL OR t.id = r.ticket_id)
            WHERE r.refund_id = '\(refundId)'
            """).filter { $0.count > 1 }
        XCTAssertFalse(names.isEmpty, "the refund has passengers")
        for name in names {
            XCTAssertFalse(confirm.contains(name), "\(name) in full without a reveal:\n\(confirm)")
            XCTAssertTrue(confirm.contains(String(name.prefix(1))), "\(name) masked, not dropped:\n\(confirm)")
        }
    }
}
