import XCTest
@testable import Console
import Store

/// `:` takes aliases and completes (issue 12): `:refund`, `:seat`, `:callback`; `:order ID` jumps to that order's
/// detail; Tab completes a unique prefix and lists several candidates.
final class PromptCommandTests: XCTestCase {
    let now = 1_764_000_000

    func command(_ s: inout AppState, _ line: String) -> [Effect] {
        _ = Update.apply(&s, .key(.char(":")), now: now)
        typeKeys(&s, line, now: now)
        return Update.apply(&s, .key(.enter), now: now)
    }

    func testAliasesRunTheirCommand() {
        var s = consoleState(now: now)
        for (line, tab) in [("refund", Tab.refunds), ("callback", .callbacks), ("seat", .seats), ("order", .orders),
                            ("cb", .callbacks), ("dashboard", .dashboard), ("d", .due), ("r", .refunds)] {
            _ = command(&s, line)
            XCTAssertEqual(s.tab, tab, ":\(line)")
            XCTAssertNil(s.message, ":\(line) is a command")
        }
        _ = command(&s, "seat tomorrow")
        XCTAssertEqual(s.seatsDay, ChinaTime.startOfDay(now) + 86400, "the day words work for :seats")
        _ = command(&s, "report yesterday")
        XCTAssertEqual(s.report?.day, ChinaTime.date(ChinaTime.startOfDay(now) - 86400), "and for :report")
    }

    func testUnknownCommandListsTheCommands() {
        var s = consoleState(now: now)
        s.tab = .seats
        XCTAssertEqual(command(&s, "frobnicate"), [])
        XCTAssertEqual(s.message?.kind, .error)
        for c in PromptCommands.all { XCTAssertTrue(s.message!.text.contains(c.usage), "lists \(c.usage)") }
        XCTAssertEqual(s.tab, .seats, "nothing else changes")
    }

    func testTabCompletesAUniquePrefixAndListsSeveral() {
        var s = consoleState(now: now)
        _ = Update.apply(&s, .key(.char(":")), now: now)
        typeKeys(&s, "ca", now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(s.prompt, .command("callbacks "), "a unique prefix completes")
        _ = Update.apply(&s, .key(.escape), now: now)

        _ = Update.apply(&s, .key(.char(":")), now: now)
        typeKeys(&s, "re", now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(s.prompt, .command("re"), "refunds and report share only \"re\"")
        XCTAssertEqual(s.message?.text, ":refunds  :report", "the candidates are listed")
        let screen = FrameRenderer.render(s, now: now)
        XCTAssertTrue(screen.text().joined(separator: "\n").contains(":refunds  :report"), "beside the prompt on screen")
        typeKeys(&s, "f", now: now)
        XCTAssertNil(s.message, "the list goes with the next key")
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(s.prompt, .command("refunds "))
        XCTAssertEqual(Update.apply(&s, .key(.enter), now: now), [.loadRefunds])
        XCTAssertEqual(s.tab, .refunds)

        _ = Update.apply(&s, .key(.char(":")), now: now)
        typeKeys(&s, "ch", now: now)
        _ = Update.apply(&s, .key(.tab), now: now)
        XCTAssertEqual(s.prompt, .command("status "), "an alias's prefix completes to its command")
    }

    func testOrderIdJumpsToItsDetail() throws {
        let fx = try ActionStoreFixture()
        var s = consoleState(now: fx.now)
        s.tab = .refunds
        let d = try fx.detail(status: .issued)
        let runner = EffectRunner(store: fx.store, operatorName: "alice", source: "local", copy: { _ in })
        for id in [d.summary.agentOrderId, d.summary.agentOrderId.lowercased(), d.summary.mainBizOrderId] {
            s.detail = nil
            let effects = command(&s, "order " + id)
            XCTAssertEqual(effects, [.findOrder(id)], ":order \(id)")
            for event in runner.run(effects[0], state: s, now: fx.now) {
                XCTAssertEqual(Update.apply(&s, event, now: fx.now), [.loadDetail(d.summary.id, revealed: false)])
            }
            XCTAssertEqual(s.detail?.orderId, d.summary.id, "\(id) opens its order")
        }

        s.detail = nil
        let effects = command(&s, "order BO9999999999")
        for event in runner.run(effects[0], state: s, now: fx.now) { _ = Update.apply(&s, event, now: fx.now) }
        XCTAssertNil(s.detail, "no order, no detail")
        XCTAssertEqual(s.tab, .refunds, "nothing else changes")
        XCTAssertEqual(s.message?.kind, .error)
        XCTAssertTrue(s.message?.text.contains("BO9999999999") == true, s.message?.text ?? "")
    }

    /// ^U in the ":" prompt was ignored (the form and the list filter take it): ":orders", ^U, "order BO…" ran
    /// ":orders order BO…" and said "no order order". ^U clears the line, ^W the last word, in ":" and "/".
    func testCtrlUAndCtrlWEditThePrompt() {
        var s = consoleState(now: now)
        _ = Update.apply(&s, .key(.char(":")), now: now)
        typeKeys(&s, "orders", now: now)
        _ = Update.apply(&s, .key(.ctrl("u")), now: now)
        XCTAssertEqual(s.prompt, .command(""))
        typeKeys(&s, "order BO1 BO2 ", now: now)
        _ = Update.apply(&s, .key(.ctrl("w")), now: now)
        XCTAssertEqual(s.prompt, .command("order BO1 "))
        _ = Update.apply(&s, .key(.escape), now: now)
        _ = Update.apply(&s, .key(.char("/")), now: now)
        typeKeys(&s, "13800", now: now)
        _ = Update.apply(&s, .key(.ctrl("u")), now: now)
        XCTAssertEqual(s.prompt, .search(""))
    }
}
