import Foundation
import XCTest
import Store

/// Operator actions driven through tmux like an operator would, with the console's own dispatcher sending
/// to `busops fake-top` on loopback: what arrives there, and what the store says afterwards.
final class ConsoleActionTmuxTests: TmuxStoreTestCase {

    func console(_ args: String = "", env: [String: String] = [:]) throws -> TmuxSession {
        let t = try TmuxSession(command: "\(TmuxSession.binary) --db \(db) \(args)", env: env)
        let first = t.waitFor("BO0000000300")
        XCTAssertTrue(first.ok, "first rows on screen:\n\(first.screen)")
        return t
    }

    /// `busops list KIND --json` rows as dictionaries.
    func list(_ kind: String, _ extra: [String] = []) -> [[String: Any]] {
        let r = TmuxSession.busops(["list", kind, "--db", db, "--json", "--limit", "1000"] + extra)
        XCTAssertEqual(r.status, 0, r.output)
        return r.output.split(separator: "\n").compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    func refund(_ id: String) -> [String: Any]? { list("refunds").first { $0["refund_id"] as? String == id } }

    /// Polls until `predicate` holds (bounded); true when it did.
    func eventually(timeout: TimeInterval = 15, _ predicate: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate() { return true }
            usleep(100_000)
        }
        return false
    }

    /// The first regex capture on the screen.
    func capture(_ pattern: String, in screen: String) -> String? {
        guard let re = try? NSRegularExpression(pattern: pattern),
              let m = re.firstMatch(in: screen, range: NSRange(screen.startIndex..., in: screen)), m.numberOfRanges > 1,
              let r = Range(m.range(at: 1), in: screen) else { return nil }
        return String(screen[r])
    }

    func testApproveTheMostUrgentRefundReachesFakeTopSignedAndTurnsDone() throws {
        let fake = try FakeTopProcess(dir: dir)
        defer { fake.stop() }
        let t = try console(env: fake.env)
        t.send("3")
        let queue = expect(t, "most urgent first", "the Refunds view")
        // The first row is the most urgent (earliest departure); its order is what the form must be about.
        let firstOrder = try XCTUnwrap(capture("(?m)^ (BO\\d{10}) ", in: queue), queue)
        t.send("A")
        // The fee of the tier in force is prefilled, so the confirmation opens at once (its form is one Esc away);
        // a tier that allows no refund leaves the form open for a fee.
        let opened = t.waitFor { $0.contains("[ Confirm ]") || $0.contains("Fee (yuan)") }
        XCTAssertTrue(opened.ok, opened.screen)
        if !opened.screen.contains("[ Confirm ]") { t.type("1"); t.send("Enter") }
        let confirm = expect(t, "[ Confirm ]", "the confirmation")
        let refundId = try XCTUnwrap(capture("Approve refund (RF\\d+)", in: confirm), confirm)
        XCTAssertTrue(confirm.contains(firstOrder), "the confirmation is for the first row's refund:\n\(confirm)")
        XCTAssertTrue(confirm.contains("taobao.bus.agent.refund.confirm status 1"), confirm)
        XCTAssertTrue(confirm.contains("yuan"), confirm)
        t.send("Tab")
        t.send("Enter")
        expect(t, "\(refundId) approved", "the action's summary in the message line")

        let key = try XCTUnwrap(refund(refundId)?["idempotency_key"] as? String)
        XCTAssertEqual(refund(refundId)?["agent_order_id"] as? String, firstOrder)
        let call = try XCTUnwrap(fake.waitForCall(key: "refund:\(key)"), "fake-top never got the refund: \(fake.calls())")
        XCTAssertEqual(call["method"] as? String, "taobao.bus.agent.refund.confirm")
        XCTAssertEqual(call["sign_ok"] as? Bool, true, "signed with the shared secret")
        XCTAssertEqual(call["answer"] as? String, "ok")
        XCTAssertTrue(eventually { self.refund(refundId)?["status"] as? String == "done" }, "refund row: \(String(describing: refund(refundId)))")
        XCTAssertEqual(fake.calls().filter { $0["idempotency_key"] as? String == "refund:\(key)" }.count, 1, "sent once")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0, "the console quits cleanly with its dispatcher stopped")
    }

    func testIssueTicketsFromTheOrderDetailSendsBookTicketAndIssuesTheOrder() throws {
        let fake = try FakeTopProcess(dir: dir)
        defer { fake.stop() }
        let now = Int(Date().timeIntervalSince1970)
        let waiting = list("orders", ["--status", "2"]).first { ($0["departs_at"] as? Int ?? 0) > now }
        let order = try XCTUnwrap(waiting?["agent_order_id"] as? String, "no order awaiting tickets in the demo")
        let t = try console(env: fake.env.merging(["BUSOPS_TOP_SIGN_METHOD": "hmac-sha256"]) { $1 })
        t.send("/")
        t.type(order)
        t.send("Enter")
        expect(t, "match: \(order)", "search finds the order")
        t.send("Enter")
        expect(t, "等待出票", "the detail of an order awaiting tickets")
        t.send("I")
        expect(t, "Issue tickets for order \(order)", "the issue form")
        t.type("T-7001")
        t.send("Tab")
        t.type("5678")
        t.send("Tab")
        t.type("A2")
        t.send("Enter")
        let confirm = expect(t, "[ Confirm ]", "the confirmation")
        XCTAssertTrue(confirm.contains("ticket number T-7001, password ****, gate A2"), "the password masked:\n\(confirm)")
        XCTAssertTrue(confirm.contains("bookticket.confirm success=true"), confirm)
        t.send("Tab")
        t.send("Enter")
        expect(t, "order \(order) issued", "the action's summary")
        expect(t, "出票成功", "the detail reloads with the new status")

        let call = try XCTUnwrap(fake.waitForCall(key: "book:\(order)"), "fake-top never got bookticket.confirm: \(fake.calls())")
        XCTAssertEqual(call["method"] as? String, "taobao.bus.agent.bookticket.confirm")
        XCTAssertEqual(call["sign_ok"] as? Bool, true)
        let row = list("orders").first { $0["agent_order_id"] as? String == order }
        XCTAssertEqual(row?["status"] as? Int, 3)
        XCTAssertTrue(eventually { self.list("callbacks").contains { $0["idempotency_key"] as? String == "BK-\(order)" && $0["state"] as? String == "sent" } })
    }

    func testReadOnlyConsoleAnswersReadOnlyAndWritesNothing() throws {
        let before = [list("refunds"), list("callbacks"), list("orders")].map { $0.map { NSDictionary(dictionary: $0) } }
        let t = try console("--read-only")
        t.send("3")
        expect(t, "most urgent first", "the Refunds view")
        t.send("A")
        let screen = expect(t, "read-only: approve refund is not available (--read-only)", "A is refused")
        XCTAssertFalse(screen.contains("Approve refund RF"), "no form opens:\n\(screen)")
        t.send("P")
        expect(t, "read-only: pause / resume sending", "P is refused too")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
        let after = [list("refunds"), list("callbacks"), list("orders")].map { $0.map { NSDictionary(dictionary: $0) } }
        XCTAssertEqual(before, after, "nothing was written")
    }

    func testAChangeFromAnotherProcessWhileTheFormIsOpenIsRefusedNamingWhoDidIt() throws {
        let t = try console("--no-dispatch")
        t.send("3")
        expect(t, "most urgent first", "the Refunds view")
        t.send("A")
        let confirm = expect(t, "[ Confirm ]", "the confirmation at once, the form behind it")
        t.send("Escape")
        let form = expect(t, "Approve refund RF", "Esc: the approve form")
        let refundId = try XCTUnwrap(capture("Approve refund (RF\\d+)", in: form), confirm)
        // Another operator approves the same refund from a shell meanwhile.
        let other = TmuxSession.busops(["refund", "approve", refundId, "--db", db, "--fee", "0", "--yes"], env: ["BUSOPS_OPERATOR": "bob"])
        XCTAssertEqual(other.status, 0, other.output)
        t.send("Enter")
        let refused = expect(t, "was changed by bob", "the console refuses and names bob")
        XCTAssertTrue(refused.contains("refund.approve"), refused)
        XCTAssertFalse(refused.contains("[ Confirm ]"), "no confirmation for a stale row:\n\(refused)")
        let row = refund(refundId)
        XCTAssertEqual(row?["decided_by"] as? String, "bob")
        XCTAssertEqual(row?["fee_fen"] as? Int, 0, "bob's decision stands")
        let key = try XCTUnwrap(row?["idempotency_key"] as? String)
        XCTAssertEqual(list("callbacks").filter { $0["idempotency_key"] as? String == key }.count, 1, "one callback, bob's")
    }

    func testWithoutTopSettingsItSaysSoOnceAndThePauseSwitchShowsInTheHeader() throws {
        let unset = ["BUSOPS_TOP_GATEWAY": "", "BUSOPS_TOP_APP_KEY": "", "BUSOPS_TOP_SECRET": "", "BUSOPS_TOP_SECRET_FILE": ""]
        let t = try console(env: unset)
        expect(t, "TOP not configured", "no gateway: on the status line, no crash")
        // Issue 12: it stays there after a key press (it was a message the next key cleared).
        t.send("2")
        expect(t, "TOP not configured", "still on the status line after a key")
        // Another process pauses sending: every screen's header says so.
        let pause = TmuxSession.busops(["sending", "pause", "--db", db, "--yes"], env: ["BUSOPS_OPERATOR": "bob"])
        XCTAssertEqual(pause.status, 0, pause.output)
        expect(t, "SENDING PAUSED", "the pause flag from the store")
        t.send("2")
        expect(t, "SENDING PAUSED", "still shown on the Seats view")
        // P resumes after a confirmation (Cancel first).
        t.send("P")
        let confirm = expect(t, "Resume sending", "P opens a confirmation")
        XCTAssertTrue(confirm.contains("[ Confirm ]"), confirm)
        t.send("Enter")
        expect(t, "cancelled; nothing was sent", "Enter on the default button cancels")
        XCTAssertTrue(t.screen().contains("SENDING PAUSED"))
        t.send("P")
        expect(t, "Resume sending", "P again")
        t.send("Tab")
        t.send("Enter")
        let resumed = t.waitFor { $0.contains("sending resumed") && !$0.contains("SENDING PAUSED") }
        XCTAssertTrue(resumed.ok, "resumed and the badge is gone:\n\(resumed.screen)")
        let store = try Store(path: db, readOnly: true, create: false)
        XCTAssertFalse(try store.isSendingPaused())
    }
}
