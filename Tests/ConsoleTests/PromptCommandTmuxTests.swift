import Foundation
import XCTest

/// `:` aliases and completion in a real terminal at 80x24 and 120x40 (issue 12): Tab completes `:ref` to
/// `:refunds`, lists `:refunds  :report` for `:re`; `:order ID` (agent or Fliggy id) opens that order; an unknown
/// order or command says so and leaves the screen as it was.
final class PromptCommandTmuxTests: TmuxStoreTestCase {
    func testAliasesCompletionAndOrderJumpAt80x24() throws { try aliasesCompletionAndOrderJump(width: 80, height: 24) }
    func testAliasesCompletionAndOrderJumpAt120x40() throws { try aliasesCompletionAndOrderJump(width: 120, height: 40) }

    func aliasesCompletionAndOrderJump(width: Int, height: Int) throws {
        let order = "BO0000000123"
        let fliggy = try XCTUnwrap(SQLiteCLI.query(db, "SELECT main_biz_order_id FROM orders WHERE agent_order_id = '\(order)'").first)
        let t = try startConsole(width: width, height: height)
        t.send(":"); t.type("re"); t.send("Tab")
        let listed = expect(t, ":refunds  :report", "several candidates are listed beside the prompt")
        XCTAssertTrue(messageLine(listed).hasPrefix(":re"), messageLine(listed))
        t.send("f"); t.send("Tab")
        let completed = t.waitFor { self.messageLine($0).trimmingCharacters(in: .whitespaces) == ":refunds" }
        XCTAssertTrue(completed.ok, "a unique prefix completes, the list gone:\n\(completed.screen)")
        t.send("Enter")
        expect(t, "most urgent first", ":refunds runs")

        t.send(":"); t.type("order \(order)"); t.send("Enter")
        expect(t, "订单 Order \(order)", ":order ID opens its detail")
        t.send("q")
        expect(t, "most urgent first", "q goes back to the view it was opened over")
        t.send(":"); t.type("order \(fliggy)"); t.send("Enter")
        expect(t, "订单 Order \(order)", "a Fliggy order id too")
        t.send("q")
        t.send(":"); t.type("order BO9999999999"); t.send("Enter")
        let missing = expect(t, "no order BO9999999999", "a clear error")
        XCTAssertTrue(missing.contains("most urgent first"), "nothing else changes:\n\(missing)")
        t.send(":"); t.type("frob"); t.send("Enter")
        expect(t, "unknown command :frob", "unknown commands")
        t.send(":"); t.type("callback"); t.send("Enter")
        expect(t, "failed first", ":callback is an alias of :callbacks")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }

    func testACutMessageEndsInFullAndBangShowsItAt80x24() throws { try cutMessage(width: 80, height: 24) }
    func testACutMessageEndsInFullAndBangShowsItAt120x40() throws { try cutMessage(width: 120, height: 40) }

    /// A refusal longer than the status line says so ("! full"), and `!` shows it whole, wrapped, in a dialog.
    func cutMessage(width: Int, height: Int) throws {
        let dir = "/nonexistent/" + String(repeating: "a-folder-that-is-not-there-", count: width / 20)
        let t = try startConsole(width: width, height: height)
        t.send(":"); t.type("export \(dir)/orders.csv"); t.send("Enter")
        let cut = expect(t, "! full", "the cut message names the key that shows it")
        XCTAssertTrue(messageLine(cut).contains("…"), messageLine(cut))
        t.send("!")
        let whole = expect(t, "Esc closes", "! opens the message")
        // The lines inside the box, read without the spaces wrapping adds.
        let text = whole.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            return parts.count >= 3 ? String(parts[1]) : nil
        }.joined().filter { !$0.isWhitespace }
        XCTAssertTrue(text.contains("Nosuchfileordirectory"), "the end of the message is on screen:\n\(whole)")
        XCTAssertTrue(text.contains(dir), "the whole path, wrapped but not cut:\n\(whole)")
        t.send("Escape")
        XCTAssertTrue(t.waitFor { !$0.contains("Esc closes") }.ok, "Esc closes it")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
