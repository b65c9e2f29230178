import Foundation
import XCTest
import Store

/// The headless actions through the real binary: without --yes a preview and nothing written (exit 0),
/// bad input one line and nothing written (exit 1), a usage mistake exit 2.
final class ActionCLITests: XCTestCase {
    var fx: ActionStoreFixture!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("busops binary not built") }
        fx = try ActionStoreFixture()
    }

    override func tearDown() { fx = nil }

    func busops(_ args: [String], operatorName: String = "carol") -> (status: Int32, lines: [String]) {
        let r = TmuxSession.busops(args + ["--db", fx.path], env: ["BUSOPS_OPERATOR": operatorName])
        return (r.status, r.output.split(separator: "\n").map(String.init))
    }

    func testWithoutYesItPrintsWhatWouldBeSentAndWritesNothing() throws {
        let r = try fx.refundableRow().refund
        let before = try fx.footprint()
        let out = busops(["refund", "approve", r.refundId])
        XCTAssertEqual(out.status, 0, out.lines.joined(separator: "\n"))
        XCTAssertEqual(out.lines.first, "Approve refund \(r.refundId)")
        XCTAssertTrue(out.lines.contains { $0.contains("sends taobao.bus.agent.refund.confirm status 1") }, "\(out.lines)")
        XCTAssertTrue(out.lines.contains { $0.contains("\"agent_refund_trans_id\":\"\(r.idempotencyKey)\"") }, "the params are shown")
        XCTAssertEqual(out.lines.last, "dry run: nothing was changed; add --yes to do it")
        XCTAssertEqual(try fx.footprint(), before)

        let done = busops(["refund", "approve", r.refundId, "--yes"])
        XCTAssertEqual(done.status, 0, done.lines.joined(separator: "\n"))
        XCTAssertTrue(done.lines.last?.hasPrefix("done: refund \(r.refundId) approved") ?? false, "\(done.lines)")
        XCTAssertEqual(try fx.text("SELECT decided_by FROM refunds WHERE refund_id = ?", .text(r.refundId)), "carol")
    }

    /// The ticket password is a pick-up credential: the preview and the result never print it (the audit trail
    /// records "***"), though the callback queued carries it.
    func testIssuePrintsThePasswordMasked() throws {
        let waiting = try fx.detail(status: .awaitingTicket).summary.agentOrderId
        let args = ["ticket", "issue", waiting, "--ticket-no", "T00799819", "--ticket-pwd", "799819", "--gate", "B3"]
        for run in [busops(args), busops(args + ["--yes"])] {
            let text = run.lines.joined(separator: "\n")
            XCTAssertEqual(run.status, 0, text)
            XCTAssertTrue(text.contains("ticket number T00799819, password ******, gate B3"), text)
            XCTAssertTrue(text.contains(#""fetch_tickets_number":"T00799819","fetch_tickets_pwd":"******""#), text)
            XCTAssertFalse(text.replacingOccurrences(of: "T00799819", with: "").contains("799819"), text)
        }
        let params = try fx.text("SELECT params FROM outbox WHERE idempotency_key = ?", .text("BK-" + waiting))
        XCTAssertTrue(params?.contains(#""fetch_tickets_pwd":"799819""#) ?? false, "sent to Fliggy as typed: \(params ?? "none")")
    }

    /// Well-formed values the store refuses; a value of the wrong shape is a usage error (testMalformedValuesAreUsageErrors).
    func testBadInputIsOneLineExitOneAndNothingWritten() throws {
        let r = try fx.refundableRow().refund
        let waiting = try fx.detail(status: .awaitingTicket)
        let seats = (1...waiting.tickets.count + 1).map(String.init).joined(separator: ",")
        let before = try fx.footprint()
        let cases: [([String], String)] = [
            (["refund", "approve", r.refundId, "--fee", String(r.paidFen + 1), "--yes"], "is more than what was paid"),
            (["ticket", "issue", waiting.summary.agentOrderId, "--ticket-no", "T1", "--ticket-pwd", "p", "--gate", "g", "--seats", seats, "--yes"],
             "seat numbers given for \(Plural.count(waiting.tickets.count, "ticket"))"),
            (["refund", "approve", "RF99999999", "--yes"], "not found"),
            // Well-formed but not in the store: refused (1), unlike a malformed id (2, below).
            (["callback", "retry", "999999", "--yes"], "not found"),
        ]
        for (args, expected) in cases {
            let out = busops(args)
            XCTAssertEqual(out.status, 1, "\(args): \(out.lines)")
            XCTAssertEqual(out.lines.count, 1, "\(args): one line, got \(out.lines)")
            XCTAssertTrue(out.lines.first?.hasPrefix("busops: ") ?? false, "\(out.lines)")
            XCTAssertTrue(out.lines.first?.contains(expected) ?? false, "\(args): \(out.lines)")
        }
        XCTAssertEqual(try fx.footprint(), before)
    }

    /// `busops due` lists a failed callback as `#20`; pasting that into `callback retry` used to be refused
    /// ("callback id must be a number, got '#20'"). Both spellings name the callback; nothing is written without --yes.
    func testCallbackRetryTakesTheIdAsDueShowsIt() throws {
        let id = try fx.int("SELECT id FROM outbox WHERE state = 'failed' ORDER BY id LIMIT 1")
        let due = TmuxSession.busops(["due", "--db", fx.path, "--json"]).output
        XCTAssertTrue(due.contains("\"id\":\"#"), "due names callbacks with '#': \(due.prefix(300))")
        let before = try fx.footprint()
        for spelling in ["#\(id)", "\(id)"] {
            let out = busops(["callback", "retry", spelling])
            XCTAssertEqual(out.status, 0, "\(spelling): \(out.lines)")
            XCTAssertEqual(out.lines.first, "Re-fire callback \(id)", "\(out.lines)")
        }
        XCTAssertEqual(busops(["callback", "retry", "#x"]).status, 2, "not a callback id at all: a usage error")
        XCTAssertEqual(try fx.footprint(), before)
    }

    func testUsageMistakesExitTwoWithNothingWritten() throws {
        let r = try fx.refundableRow().refund
        let before = try fx.footprint()
        for args in [["refund", "approve", "--yes"], ["refund", "approve", r.refundId, "RF2", "--yes"],
                     ["refund", "approve", r.refundId, "--fee", "abc", "--yes"], ["refund", "reject", r.refundId, "--yes"],
                     ["schedule", "stop", "S1", "--yes"],
                     // A second, different --fee used to win silently (the approval went through with fee 0) …
                     ["refund", "approve", r.refundId, "--fee", String(r.paidFen), "--fee", "0", "--yes"],
                     // … and an option where a value belongs was taken as the value (reason '--yes', then a dry run).
                     ["refund", "reject", r.refundId, "--code", "1", "--reason", "--yes"]] {
            let out = busops(args)
            XCTAssertEqual(out.status, 2, "\(args): \(out.lines)")
            XCTAssertTrue(out.lines.contains { $0.hasPrefix("usage: busops") }, "\(args): \(out.lines)")
        }
        XCTAssertEqual(try fx.footprint(), before)
    }
}

extension ActionCLITests {
    /// A value of the wrong shape or an unknown word (`sending bogus`, `callback retry abc`, `--reason-code 5`,
    /// `--code 12a`) exited 1 like a refusal; it is a usage error (exit 2): the message, the synopsis, nothing written.
    /// So is a value whose shape is wrong whatever the store holds (README "2 on a usage error"): a negative fee,
    /// a phone that is not 11 digits, a blank or over-long code; `--fee -5` exited 1. The shape is checked before the
    /// row is looked up, so a negative fee for a refund that does not exist is a usage error too.
    func testMalformedValuesAreUsageErrors() throws {
        let r = try fx.refundableRow().refund
        let waiting = try fx.detail(status: .awaitingTicket).summary.agentOrderId
        let issued = try fx.detail(status: .issued).summary.agentOrderId
        let schedule = try XCTUnwrap(fx.text("SELECT schedule_id FROM schedules ORDER BY schedule_id LIMIT 1"))
        let issue = ["ticket", "issue", waiting, "--ticket-pwd", "p", "--gate", "g", "--yes"]
        let before = try fx.footprint()
        let cases: [([String], String)] = [
            (["sending", "bogus", "--yes"], "sending takes pause or resume, got 'bogus'"),
            (["callback", "retry", "abc", "--yes"], "callback id must be a number, got 'abc'"),
            (["schedule", "stop", schedule, "--reason-code", "5", "--yes"], "reason code must be 0 (schedule stopped), 1 (weather) or 2 (epidemic); got 5"),
            (["refund", "reject", r.refundId, "--code", "12a", "--reason", "full", "--yes"], "result code '12a' must be digits, e.g. 1905"),
            (["refund", "approve", r.refundId, "--fee", "-5", "--yes"], "fee must not be negative (got -5 fen)"),
            (["refund", "approve", "RF99999999", "--fee", "-5", "--yes"], "fee must not be negative (got -5 fen)"),
            (issue + ["--ticket-no", "T1", "--driver-phone", "123"], "driver phone '123' is not an 11-digit mainland mobile number (13x–19x)"),
            (issue + ["--ticket-no", ""], "ticket number is required"),
            (issue + ["--ticket-no", String(repeating: "9", count: 33)], "ticket number is 33 characters; at most 32"),
            (["refund", "money", issued, "--amount", "-1", "--reason", "late", "--yes"], "amount must not be negative (got -1 fen)"),
            (["refund", "offline", issued, "--amount", "100", "--passenger", "12a", "--yes"], "passenger id '12a' must be digits only"),
            (["schedule", "change", schedule, "--price", "-100", "--yes"], "price must not be negative (got -100 fen)"),
        ]
        for (args, expected) in cases {
            let out = busops(args)
            XCTAssertEqual(out.status, 2, "\(args): \(out.lines)")
            XCTAssertEqual(out.lines.first, "busops: " + expected, "\(args): \(out.lines)")
            XCTAssertTrue(out.lines.contains { $0.hasPrefix("usage: busops") }, "\(args): \(out.lines)")
        }
        XCTAssertEqual(try fx.footprint(), before)
    }

    /// Two operators' processes approve the same refund at the same moment: exactly one wins, one callback is
    /// queued, and the other is refused with a message naming who did it.
    func testTwoProcessesApprovingTheSameRefundQueueOneCallback() throws {
        let r = try fx.refundableRow().refund
        let outboxBefore = try fx.int("SELECT count(*) FROM outbox")
        let results = ResultBox()
        let path = fx.path
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let who = i == 0 ? "alice" : "bob"
            let out = TmuxSession.busops(["refund", "approve", r.refundId, "--yes", "--db", path], env: ["BUSOPS_OPERATOR": who])
            results.add(who, out.status, out.output)
        }
        let all = results.all
        XCTAssertEqual(all.filter { $0.status == 0 }.count, 1, "exactly one wins: \(all)")
        let loser = try XCTUnwrap(all.first { $0.status != 0 })
        XCTAssertEqual(loser.status, 1, loser.output)
        let winner = try XCTUnwrap(all.first { $0.status == 0 }).who
        XCTAssertTrue(loser.output.contains(winner), "the refusal names who approved it: \(loser.output)")
        XCTAssertEqual(try fx.int("SELECT count(*) FROM outbox") - outboxBefore, 1)
        XCTAssertEqual(try fx.int("SELECT count(*) FROM outbox WHERE idempotency_key = ?", .text(r.idempotencyKey)), 1)
    }
}

/// Results from concurrent processes, collected under a lock.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [(who: String, status: Int32, output: String)] = []
    func add(_ who: String, _ status: Int32, _ output: String) { lock.lock(); rows.append((who, status, output)); lock.unlock() }
    var all: [(who: String, status: Int32, output: String)] { lock.lock(); defer { lock.unlock() }; return rows }
}
