import Foundation
import XCTest

/// Issue 12, "Due work, soonest first", in a real terminal at 80x24 and 120x40: the tab bar counts what
/// `busops due --json` has due within the hour, the status line warns of what is due within 15 minutes, `:due`
/// lists the CLI's rows in the CLI's order, `/` narrows it with a count, Enter opens a row and its action key works
/// there, Ctrl-C cancels that dialog, `q` goes back and Ctrl-C quits from the view.
final class CockpitDueTmuxTests: TmuxStoreTestCase {
    func testDueWorkAt80x24() throws { try dueWork(width: 80, height: 24) }
    func testDueWorkAt120x40() throws { try dueWork(width: 120, height: 40) }

    /// `busops due --json` on the test's store: one dictionary per line.
    func cliDue() throws -> [[String: Any]] {
        let r = TmuxSession.busops(["due", "--db", db, "--json"])
        XCTAssertEqual(r.status, 0, r.output)
        return try r.output.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// The ids of the Due rows on a screen.
    func ids(_ screen: String) -> [String] {
        screen.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: " ")
            guard cells.count > 1, ["ticket", "lock", "refund", "callback", "stopped"].contains(String(cells[0])) else { return nil }
            return String(cells[1])
        }
    }

    func dueWork(width: Int, height: Int) throws {
        let rows = try cliDue()
        let left = rows.compactMap { $0["seconds_left"] as? Int }
        XCTAssertEqual(left, left.sorted(), "the CLI sorts by due_at")
        let hour = left.filter { $0 <= 3600 }.count, soon = left.filter { $0 <= 900 }.count
        XCTAssertGreaterThan(soon, 0, "the demo store has work overdue")
        let t = try startConsole(width: width, height: height)
        let warning = "⚠ \(soon) " + (width >= 120 ? "due within 15 min (:due)" : "≤15m")
        let first = t.waitFor { screen in
            let status = screen.split(separator: "\n", omittingEmptySubsequences: false)[height - 2]
            return screen.contains(" Due \(hour) ") && status.contains("TOP not configured " + warning)
        }
        XCTAssertTrue(first.ok, "the tab bar counts what is due within the hour (\(hour)); the status line warns, whole, "
                      + "of what is due within 15 minutes (\(soon)), beside the gateway's health:\n\(first.screen)")

        t.send(":"); t.type("due"); t.send("Enter")
        // The ids on screen, once the whole frame is drawn (tmux can be read while a frame is half drawn).
        let screenful = min(rows.count, height - 5)
        let due = t.waitFor { $0.contains(" \(rows.count) due ") && self.ids($0).count == screenful }
        XCTAssertTrue(due.ok, ":due lists a screenful of rows:\n\(due.screen)")
        let ids = self.ids(due.screen)
        XCTAssertEqual(ids, rows.prefix(ids.count).map { $0["id"] as? String ?? "" }, "the CLI's rows in the CLI's order")

        t.send("/"); t.type("callback")
        let callbacks = rows.filter { r in ["kind", "id", "route", "what"].contains { (r[$0] as? String ?? "").lowercased().contains("callback") } }
        let narrowed = t.waitFor { $0.contains("\(callbacks.count) of \(rows.count) match") && $0.firstMatch(of: /\sticket +BO/) == nil }
        XCTAssertTrue(narrowed.ok, "the filter narrows as typed, with its count, only callbacks left:\n\(narrowed.screen)")
        t.send("Escape")
        let cleared = t.waitFor { $0.contains(" \(rows.count) due ") && $0.firstMatch(of: /\sticket +BO/) != nil }
        XCTAssertTrue(cleared.ok, "Esc clears the filter:\n\(cleared.screen)")

        let ticket = try XCTUnwrap(rows.first { $0["kind"] as? String == "ticket" }?["id"] as? String)
        t.send("/"); t.type(ticket); t.send("Enter")
        walk(t, [
            ("Enter", "订单 Order \(ticket)", "Enter opens the row's order"),
            ("I", "Issue tickets for order \(ticket)", "its action key works there"),
            ("C-c", "cancelled; nothing was changed", "Ctrl-C cancels the dialog"),
        ])
        XCTAssertTrue(t.screen().contains("订单 Order \(ticket)"), "and leaves the detail on screen")
        walk(t, [("q", "1 of \(rows.count) match", "q goes back to the Due view, its filter kept")])
        t.send("C-c")
        XCTAssertEqual(t.exitStatus(), 0, "Ctrl-C quits from a view")
    }
}
