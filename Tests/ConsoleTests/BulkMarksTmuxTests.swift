import Foundation
import XCTest

/// Bulk approve in a real terminal at 80x24 and 120x40 (issue 12): Space marks two refunds, A opens one
/// confirmation naming both, Cancel focused; → Enter approves them; the screen says "approved 2 of 2" and the
/// store (`busops list refunds --json`) has both approved.
final class BulkMarksTmuxTests: TmuxStoreTestCase {
    func testMarkTwoRefundsAndApproveThemAt80x24() throws { try markTwoAndApprove(width: 80, height: 24) }
    func testMarkTwoRefundsAndApproveThemAt120x40() throws { try markTwoAndApprove(width: 120, height: 40) }

    func refundStatuses() -> [String: String] {
        let r = TmuxSession.busops(["list", "refunds", "--db", db, "--json", "--limit", "1000"])
        XCTAssertEqual(r.status, 0, r.output)
        var out: [String: String] = [:]
        for line in r.output.split(separator: "\n") {
            guard let o = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let id = o["refund_id"] as? String, let status = o["status"] as? String else { continue }
            out[id] = status
        }
        return out
    }

    func markTwoAndApprove(width: Int, height: Int) throws {
        let t = try startConsole(width: width, height: height)
        t.send("3")
        expect(t, "most urgent first", "the Refunds view")
        t.send("Space")
        expect(t, "1 marked", "Space marks the row under the cursor")
        t.send("Space")
        let marked = expect(t, "2 marked", "and the next one")
        XCTAssertEqual(marked.split(separator: "\n").filter { $0.hasPrefix("*BO") }.count, 2, "two rows carry the mark:\n\(marked)")
        t.send("A")
        let confirm = expect(t, "Approve 2 refunds", "one confirmation for both")
        let ids = Set(confirm.matches(of: /RF\d{8,}/).map { String($0.output) })
        XCTAssertEqual(ids.count, 2, "the confirmation names both refunds:\n\(confirm)")
        XCTAssertTrue(confirm.contains("[ Cancel ]") && confirm.contains("yuan"), confirm)
        let before = refundStatuses()
        for id in ids { XCTAssertEqual(before[id], "pending", id) }
        t.send("Enter")
        expect(t, "cancelled; nothing was sent", "Enter on the focused Cancel")
        XCTAssertEqual(refundStatuses(), before, "cancelled: nothing changed")
        t.send("A")
        expect(t, "Approve 2 refunds", "the marks stay after a cancel")
        t.send("Right")
        t.send("Enter")
        expect(t, "approved 2 of 2", "the outcome")
        let after = refundStatuses()
        for id in ids { XCTAssertEqual(after[id], "approved", "\(id) in the store") }
        XCTAssertEqual(after.filter { $0.value == "approved" }.count - before.filter { $0.value == "approved" }.count, 2,
                       "exactly the two marked refunds were approved")
        XCTAssertFalse(t.screen().contains("marked ·"), "the marks clear after")
        t.send("q")
    }
}
