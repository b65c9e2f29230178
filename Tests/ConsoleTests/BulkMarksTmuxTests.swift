import Foundation
import XCTest

/// Bulk approve and bulk retry in a real terminal at 80x24 and 120x40 (issue 12): Space marks two refunds, A opens
/// one confirmation naming both, Cancel focused; → Enter approves them; the screen says "approved 2 of 2" and the
/// store (`busops list refunds --json`) has both approved. On Callbacks, two marked dead-lettered callbacks are
/// re-fired with T and `y`: "re-fired 2 of 2", and both outbox rows are due again under their own keys.
final class BulkMarksTmuxTests: TmuxStoreTestCase {
    func testMarkTwoRefundsAndApproveThemAt80x24() throws { try markTwoAndApprove(width: 80, height: 24) }
    func testMarkTwoRefundsAndApproveThemAt120x40() throws { try markTwoAndApprove(width: 120, height: 40) }
    func testMarkTwoFailedCallbacksAndRetryThemAt80x24() throws { try markTwoAndRetry(width: 80, height: 24) }
    func testMarkTwoFailedCallbacksAndRetryThemAt120x40() throws { try markTwoAndRetry(width: 120, height: 40) }

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

    /// Space on two rows, then the view's bulk key: the list with both marked, and the one confirmation for both.
    func markTwoAndOpen(_ t: TmuxSession, key: String, title: String,
                        file: StaticString = #filePath, line: UInt = #line) -> (marked: String, confirm: String) {
        t.send("Space")
        expect(t, "1 marked", "Space marks the row under the cursor", file: file, line: line)
        t.send("Space")
        let marked = expect(t, "2 marked", "and the next one", file: file, line: line)
        t.send(key)
        return (marked, expect(t, title, "one confirmation for both", file: file, line: line))
    }

    func markTwoAndApprove(width: Int, height: Int) throws {
        let t = try startConsole(width: width, height: height)
        t.send("3")
        expect(t, "most urgent first", "the Refunds view")
        let (marked, confirm) = markTwoAndOpen(t, key: "A", title: "Approve 2 refunds")
        XCTAssertEqual(marked.split(separator: "\n").filter { $0.hasPrefix("*BO") }.count, 2, "two rows carry the mark:\n\(marked)")
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

    /// An outbox row as `state|idempotency_key|attempts|next_attempt_at`.
    func outboxRow(_ id: String) -> [String] {
        SQLiteCLI.query(db, "SELECT state, idempotency_key, attempts, next_attempt_at FROM outbox WHERE id = \(Int(id) ?? -1)")
            .first?.split(separator: "|").map(String.init) ?? []
    }

    func failedCount() -> Int? { SQLiteCLI.query(db, "SELECT count(*) FROM outbox WHERE state = 'failed'").first.flatMap { Int($0) } }

    /// Never a gateway: `--no-dispatch`, so the re-queued rows stay queued for the test to read.
    func markTwoAndRetry(width: Int, height: Int) throws {
        let t = try startConsole("--no-dispatch", width: width, height: height)
        walk(t, [("4", "callbacks", "the Callbacks view"), ("f", "only failed", "f narrows to failed (dead-lettered)")])
        let failedBefore = try XCTUnwrap(failedCount())
        let confirm = markTwoAndOpen(t, key: "T", title: "Re-fire 2 callbacks").confirm
        let ids = confirm.matches(of: /callback (\d+)  taobao\./).map { String($0.output.1) }
        XCTAssertEqual(Set(ids).count, 2, "the confirmation lists both rows:\n\(confirm)")
        XCTAssertEqual(confirm.split(separator: "\n").filter { $0.hasPrefix("*") }.count, 2, "the two marked rows:\n\(confirm)")
        XCTAssertTrue(confirm.contains("[ Cancel ]") && confirm.contains("[ Confirm ]"), confirm)
        let before = ids.map(outboxRow)
        for (id, row) in zip(ids, before) { XCTAssertEqual(row.first, "failed", "callback \(id): \(row)") }
        t.send("Enter")
        expect(t, "cancelled; nothing was sent", "Enter on the focused Cancel")
        XCTAssertEqual(ids.map(outboxRow), before, "cancelled: nothing changed")
        t.send("T")
        expect(t, "Re-fire 2 callbacks", "the marks stay after a cancel")
        let confirmedAt = Int(Date().timeIntervalSince1970)
        t.send("y")
        let done = expect(t, "re-fired 2 of 2", "the outcome")
        XCTAssertFalse(done.contains("marked ·"), "the marks clear after:\n\(done)")
        let checkedAt = Int(Date().timeIntervalSince1970)
        for (id, old) in zip(ids, before) {
            // Queued again under the same key with its attempts kept, due from the moment it was confirmed.
            let row = outboxRow(id)
            XCTAssertEqual(Array(row.prefix(3)), ["pending"] + old.dropFirst().prefix(2), "callback \(id): \(old) → \(row)")
            let due = row.count == 4 ? Int(row[3]) ?? 0 : 0
            XCTAssertTrue((confirmedAt - 1...checkedAt).contains(due), "callback \(id) due now (\(due), confirmed at \(confirmedAt))")
        }
        XCTAssertEqual(failedCount(), failedBefore - 2, "exactly the two marked callbacks left the dead letters")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
