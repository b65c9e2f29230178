import Foundation
import XCTest
import Store

/// Issue 12's over-refund cases through the real binary (`busops refund money|offline|approve`, `schedule stop`):
/// the second refund kind is refused in one line with what is still refundable (exit 1, nothing written), or a
/// stop gives back only what is left. Money on the command line is in fen (README).
final class OverRefundCLITests: XCTestCase {
    var fx: ActionStoreFixture!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("busops binary not built") }
        fx = try ActionStoreFixture()
    }

    override func tearDown() { fx = nil }

    func busops(_ args: [String]) -> (status: Int32, lines: [String]) {
        let r = TmuxSession.busops(args + ["--db", fx.path], env: ["BUSOPS_OPERATOR": "carol"])
        return (r.status, r.output.split(separator: "\n").map(String.init))
    }

    func assertRefusedLine(_ args: [String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try fx.footprint()
        let out = busops(args)
        XCTAssertEqual(out.status, 1, "\(args): \(out.lines)", file: file, line: line)
        XCTAssertEqual(out.lines.count, 1, "\(args): one line, got \(out.lines)", file: file, line: line)
        XCTAssertTrue(out.lines.first?.contains(expected) ?? false, "\(args): \(out.lines)", file: file, line: line)
        XCTAssertEqual(try fx.footprint(), before, "\(args) wrote something", file: file, line: line)
    }

    func ok(_ args: [String], file: StaticString = #filePath, line: UInt = #line) {
        let out = busops(args + ["--yes"])
        XCTAssertEqual(out.status, 0, "\(args): \(out.lines)", file: file, line: line)
    }

    func refunded(_ orderId: Int64) throws -> Int {
        try fx.int("SELECT coalesce(sum(amount_fen), 0) FROM refunds WHERE order_id = ? AND status IN ('approved', 'done', 'failed')",
                   .int(orderId))
    }

    /// The report: `refund money 10.00` then `refund offline` of the whole order both went through.
    func testMoneyThenOfflineAndOfflineThenMoneyAreRefusedWithWhatIsLeft() throws {
        let d = try fx.detail(status: .issued)
        let id = d.summary.agentOrderId, total = d.summary.totalFen
        ok(["refund", "money", id, "--amount", "1000", "--reason", "车辆晚点补偿"])
        try assertRefusedLine(["refund", "offline", id, "--amount", String(total), "--yes"],
                              "still refundable \(Money.yuan(total - 1000)) yuan")
        ok(["refund", "offline", id, "--amount", String(total - 1000)])
        try assertRefusedLine(["refund", "money", id, "--amount", "1", "--reason", "再补偿", "--yes"], "still refundable 0.00 yuan")
        XCTAssertEqual(try refunded(d.summary.id), total)
    }

    /// The report: a 134.99 money-only refund on a 135.00 order, then `schedule stop` refunded 135.00 again.
    func testStopAfterMoneyOnlyRefundsOnlyWhatIsLeftAndApproveNeedsAFee() throws {
        let d = try fx.detail(status: .issued)
        ok(["refund", "money", d.summary.agentOrderId, "--amount", String(d.summary.totalFen - 1), "--reason", "几乎全退"])
        ok(["schedule", "stop", d.scheduleId, "--reason-code", "0"])
        XCTAssertEqual(try refunded(d.summary.id), d.summary.totalFen)

        // A refund still asked for on a schedule that is on sale (the stop above refunded its own orders whole).
        let row = try XCTUnwrap(try fx.store.pendingRefunds(now: fx.now, limit: 500).rows.first { r in
            r.currentFeeFen != nil && (try? fx.int("""
                SELECT s.on_sale FROM schedules s JOIN orders o ON o.schedule_id = s.schedule_id WHERE o.id = ?
                """, .int(r.refund.orderId))) == 1
        }, "a pending refund in a refundable tier on a schedule still on sale")
        let orderId = row.refund.orderId
        ok(["refund", "money", row.agentOrderId, "--amount", "500", "--reason", "补偿"])
        try assertRefusedLine(["refund", "approve", row.refund.refundId, "--fee", "0", "--yes"], "set the fee to at least")
        XCTAssertLessThanOrEqual(try refunded(orderId), try fx.int("SELECT total_fen FROM orders WHERE id = ?", .int(orderId)))
    }

    /// The other pairs: after an approved online refund (A) or a stop (F), money-only (M) and station (O) refunds
    /// are refused with nothing written, M with what is still refundable; a station refund of the whole order (O)
    /// cannot be recorded twice.
    func testAfterApproveStopOrStationRefundNothingMoreGoesBack() throws {
        // A → M, A → O.
        let row = try fx.refundableRow()
        ok(["refund", "approve", row.refund.refundId, "--fee", String(try XCTUnwrap(row.currentFeeFen))])
        let paidA = try fx.int("SELECT total_fen FROM orders WHERE id = ?", .int(row.refund.orderId))
        let leftA = paidA - (try refunded(row.refund.orderId))
        try assertRefusedLine(["refund", "money", row.agentOrderId, "--amount", String(leftA + 1), "--reason", "补偿", "--yes"],
                              "still refundable \(Money.yuan(leftA)) yuan")
        try assertRefusedLine(["refund", "offline", row.agentOrderId, "--amount", String(paidA), "--yes"], "refund")

        // O → O, O → M: the whole order at the station, then again, then money.
        let o = try fx.detail(status: .issued)
        ok(["refund", "offline", o.summary.agentOrderId, "--amount", String(o.summary.totalFen)])
        try assertRefusedLine(["refund", "offline", o.summary.agentOrderId, "--amount", "1", "--yes"], "refund")
        try assertRefusedLine(["refund", "money", o.summary.agentOrderId, "--amount", "1", "--reason", "补偿", "--yes"],
                              "still refundable 0.00 yuan")
        XCTAssertEqual(try refunded(o.summary.id), o.summary.totalFen)

        // F → M, F → O: a stop refunds its passengers whole; nothing more goes back.
        let f = try fx.detail(status: .issued)
        ok(["schedule", "stop", f.scheduleId, "--reason-code", "0"])
        XCTAssertEqual(try refunded(f.summary.id), f.summary.totalFen)
        try assertRefusedLine(["refund", "money", f.summary.agentOrderId, "--amount", "1", "--reason", "补偿", "--yes"],
                              "still refundable 0.00 yuan")
        try assertRefusedLine(["refund", "offline", f.summary.agentOrderId, "--amount", "1", "--yes"], "refund")
    }
}
