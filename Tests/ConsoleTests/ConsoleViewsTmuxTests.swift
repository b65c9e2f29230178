import Foundation
import XCTest

/// An operator's tour of the views through tmux at 120x40: switching, searching, the detail, seats by
/// day and help. Expected values come from the store itself (sqlite3 CLI), not from the console.
final class ConsoleViewsTmuxTests: TmuxStoreTestCase {
    /// Text only each view shows: its sub-header or a column title.
    let orders = "飞猪订单号", seats = "座位 █售 ▒锁 ░余", refunds = "most urgent first", callbacks = "sub_code"

    func testTabAndNumberKeysSwitchViews() throws {
        let t = try startConsole()
        let start = t.screen()
        XCTAssertTrue(start.contains(" Orders  Seats  Refunds  Callbacks"), start)
        for header in ["订单号", orders, "状态", "发车 (GMT+8)", "线路", "联系人", "票数", "金额(元)"] {
            XCTAssertTrue(start.contains(header), "orders column \(header):\n\(start)")
        }
        // Tab walks the views in order and wraps around.
        t.send("Tab"); expect(t, seats, "Tab → Seats")
        t.send("Tab")
        let r = expect(t, refunds, "Tab → Refunds")
        let pending = SQLiteCLI.query(db, "SELECT count(*) FROM refunds WHERE status = 'pending'").first ?? "?"
        XCTAssertTrue(r.contains(" \(pending) pending"), "refund queue size from the store (\(pending)):\n\(r)")
        for header in ["实付", "手续费", "下一档"] { XCTAssertTrue(r.contains(header), "refunds column \(header):\n\(r)") }
        t.send("Tab")
        let c = expect(t, callbacks, "Tab → Callbacks")
        let total = SQLiteCLI.query(db, "SELECT count(*) FROM outbox").first ?? "?"
        XCTAssertTrue(c.contains(" \(total) callbacks"), "outbox size from the store (\(total)):\n\(c)")
        for header in ["method", "state", "tries", "message"] { XCTAssertTrue(c.contains(header), "callbacks column \(header):\n\(c)") }
        // Due (issue 12) is the last view.
        t.send("Tab"); expect(t, "soonest first", "Tab → Due")
        t.send("Tab"); expect(t, "orders/h", "Tab → Dashboard (issue 13)")
        t.send("Tab"); expect(t, orders, "Tab wraps → Orders")
        // Number keys jump straight to a view, in any order.
        t.send("3"); expect(t, refunds, "3 → Refunds")
        t.send("2"); expect(t, seats, "2 → Seats")
        t.send("4"); expect(t, callbacks, "4 → Callbacks")
        t.send("1")
        let back = expect(t, orders, "1 → Orders")
        XCTAssertTrue(back.contains(newestId), "the orders list is still there:\n\(back)")
        XCTAssertFalse(back.contains(callbacks), "only one view at a time:\n\(back)")
    }

    func testSearchByPhoneAndByChineseNameSubstringWithNextAndPrevious() throws {
        // A phone far below the first page: the search must move the window to it.
        let phoneRow = SQLiteCLI.query(db, "SELECT contact_phone FROM orders WHERE id = 40").first ?? ""
        let phoneHitsAll = SQLiteCLI.query(db, """
            SELECT agent_order_id FROM orders o WHERE contact_phone = '\(phoneRow)'
              OR id IN (SELECT order_id FROM tickets WHERE phone = '\(phoneRow)') ORDER BY id DESC
            """)
        let nameHitsAll = SQLiteCLI.query(db, """
            SELECT agent_order_id FROM orders o WHERE contact_name LIKE '%欧阳%'
              OR EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.name LIKE '%欧阳%') ORDER BY id DESC
            """)
        // Like vim, a search starts below the selected row (the newest order at start).
        let phoneHits = phoneHitsAll.filter { $0 != newestId }, nameHits = nameHitsAll.filter { $0 != newestId }
        XCTAssertFalse(phoneHits.isEmpty)
        XCTAssertGreaterThan(nameHits.count, 2, "the demo store has several 欧阳 (seed 3)")
        let t = try startConsole()

        t.send("/"); t.type(phoneRow); t.send("Enter")
        var s = expect(t, "match: \(phoneHits[0])", "search by phone \(phoneRow)")
        XCTAssertTrue(s.contains("Search: \(phoneRow)"), s)
        XCTAssertTrue(s.contains(" \(phoneHits[0]) "), "the matching row is on screen:\n\(s)")
        XCTAssertFalse(s.contains(newestId), "the window moved down to the match:\n\(s)")

        t.send("g"); expect(t, " \(newestId) ", "g → back to the newest order")
        t.send("/"); t.type("欧阳"); t.send("Enter")
        s = expect(t, "match: \(nameHits[0])", "search by a Chinese name substring")
        XCTAssertTrue(s.contains("Search: 欧阳"), s)
        walk(t, [
            ("n", "match: \(nameHits[1])", "n → next (older) match"),
            ("n", "match: \(nameHits[2])", "n again"),
            ("N", "match: \(nameHits[1])", "N → previous match"),
        ])

        t.send("/"); t.type("无此人"); t.send("Enter")
        expect(t, "no more orders match “无此人”", "a search with no match says so")
    }

    func testEnterOpensDetailWithPassengersAndFetchInfoAndEscGoesBack() throws {
        let orderRowid = SQLiteCLI.query(db, "SELECT id FROM orders WHERE agent_order_id = '\(newestId)'").first ?? "0"
        let tickets = SQLiteCLI.query(db, "SELECT ticket_no FROM tickets WHERE order_id = \(orderRowid) AND ticket_no IS NOT NULL")
        let fetch = SQLiteCLI.query(db, "SELECT fetch_no || '|' || gate FROM orders WHERE id = \(orderRowid)").first ?? ""
        let count = SQLiteCLI.query(db, "SELECT count(*) FROM tickets WHERE order_id = \(orderRowid)").first ?? "?"
        let t = try startConsole()
        t.send("Enter")
        let d = expect(t, "订单 Order \(newestId)", "Enter opens the selected order")
        XCTAssertTrue(d.contains("乘客 Passengers (\(count))"), "every passenger (\(count)):\n\(d)")
        XCTAssertTrue(d.contains("取票 Fetch"), d)
        for no in tickets { XCTAssertTrue(d.contains(no), "ticket number \(no):\n\(d)") }
        if fetch.contains("|"), let no = fetch.split(separator: "|").first, let gate = fetch.split(separator: "|").last {
            XCTAssertTrue(d.contains("取票号 \(no)") && d.contains("检票口 \(gate)"), "fetch info \(fetch):\n\(d)")
        }
        XCTAssertFalse(d.contains(orders), "the list is replaced by the detail:\n\(d)")
        t.send("Escape")
        let back = expect(t, orders, "Esc goes back to the list")
        XCTAssertFalse(back.contains("乘客 Passengers"), back)
        XCTAssertTrue(back.contains(newestId), back)
    }

    func testSeatsCommandShowsThatDayAndBracketsMoveDays() throws {
        let tomorrow = Self.chinaDate(daysFromToday: 1)
        let t = try startConsole()
        t.send(":"); t.type("seats \(tomorrow)"); t.send("Enter")
        expect(t, " \(tomorrow) ", ":seats DATE shows that day")
        // Waited for, not read off the first capture: tmux may catch the frame half drawn.
        let s = expect(t, summary(day: tomorrow), "that day's schedules from the store")
        XCTAssertTrue(s.contains(seats), s)
        // Ties on the departure minute are broken by schedule id, as the console orders them.
        let firstId = SQLiteCLI.query(db, "SELECT substr(schedule_id, 1, 10) FROM schedules WHERE from_date = '\(tomorrow)' ORDER BY departs_at, schedule_id LIMIT 1")
        XCTAssertTrue(s.contains(firstId.first ?? "?"), "first departure of the day:\n\(s)")
        let next = Self.chinaDate(daysFromToday: 2)
        t.send("]")
        expect(t, " \(next) ", "] → next day")
        expect(t, summary(day: next), "] → the next day's schedules")
        t.send("["); t.send("[")
        let today = Self.chinaDate(daysFromToday: 0)
        expect(t, " \(today) ", "[ [ → two days back")
        expect(t, summary(day: today), "[ [ → today's schedules")
    }

    /// The seats sub-header as the store says it should read for `day`: seats on sale leave out stopped and
    /// departed schedules (issue 12).
    func summary(day: String) -> String {
        let row = SQLiteCLI.query(db, """
            SELECT count(*) || ' schedules  ' || sum(seats_total) || ' seats  '
              || sum(CASE WHEN on_sale = 1 AND departs_at > strftime('%s', 'now') THEN seats_total - seats_sold - seats_held ELSE 0 END)
              || ' on sale'
            FROM schedules WHERE from_date = '\(day)'
            """)
        return row.first ?? "?"
    }

    func testQuestionMarkShowsHelpBoxFromTheKeyTableAndEscClosesIt() throws {
        let t = try startConsole()
        t.send("?")
        let h = expect(t, "─ Help ", "? opens a box titled Help")
        XCTAssertTrue(h.contains("┌─ Help "), "the title sits on the box's top border:\n\(h)")
        for line in ["quit", "next view", "open order detail", "next match"] {
            XCTAssertTrue(h.contains(line), "help lists \(line):\n\(h)")
        }
        t.send("Escape")
        let closed = t.waitFor { !$0.contains("─ Help ") }
        XCTAssertTrue(closed.ok, "Esc closes the help:\n\(closed.screen)")
        XCTAssertTrue(closed.screen.contains(newestId), closed.screen)
        // In the Seats view, help shows the Seats keys.
        t.send("2"); expect(t, seats, "Seats")
        t.send("?")
        expect(t, "next day", "help for Seats lists [ and ]")
    }
}
