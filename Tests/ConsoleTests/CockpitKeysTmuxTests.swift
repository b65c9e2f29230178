import Foundation
import XCTest

/// Issue 12, "Keys in sight" and "Lists operators asked for", in a real terminal at 80x24 and 120x40: each view's
/// hint line names its own keys; the help scrolls with j/k, PgDn/PgUp, G/g; Orders sorts both ways (departure
/// soonest first); the order detail pages with PgDn/G/g and `q` goes back; Seats filters by route and schedule id
/// with a count and sorts by seats left both ways; Callbacks narrow by state and method and Enter shows an
/// item.notify in full; Ctrl-C cancels a confirmation and the help without quitting.
final class CockpitKeysTmuxTests: TmuxStoreTestCase {
    func testKeysListsAndSortsAt80x24() throws { try keys(width: 80, height: 24) }
    func testKeysListsAndSortsAt120x40() throws { try keys(width: 120, height: 40) }

    /// The first line inside the help box.
    func helpTop(_ screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = lines.firstIndex(where: { $0.contains("┌─ Help") }), i + 1 < lines.count else { return "" }
        return String(lines[i + 1])
    }

    /// Waits until the help's first line differs from `before`, and returns it.
    func helpMoved(_ t: TmuxSession, from before: String, _ why: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = t.waitFor { self.helpTop($0) != before && !self.helpTop($0).isEmpty }
        XCTAssertTrue(r.ok, "\(why): the help did not move from \(before):\n\(r.screen)", file: file, line: line)
        return helpTop(r.screen)
    }

    func keys(width: Int, height: Int) throws {
        // An item.notify dead-lettered (the demo writes none): Callbacks must show it like any other.
        SQLiteCLI.query(db, """
            INSERT INTO outbox (method, idempotency_key, params, state, attempts, next_attempt_at, last_http_status, last_code,
              last_msg, last_response, created_at, updated_at)
            VALUES ('taobao.bus.item.notify', 'IN-cockpit', '{"schedule_id":"S1","change":"price"}', 'failed', 8,
              strftime('%s', 'now'), 200, 'isv.invalid-parameter', 'bad schedule', '{"error_response":{"code":15}}',
              strftime('%s', 'now'), strftime('%s', 'now'))
            """)
        let notify = try XCTUnwrap(SQLiteCLI.query(db, "SELECT id FROM outbox WHERE idempotency_key = 'IN-cockpit'").first)
        // An order with notes enough to be longer than a 120x40 screen.
        let long = "BO0000000078"
        for i in 0..<(height > 24 ? 12 : 1) {
            let r = TmuxSession.busops(["order", "note", long, "--text", "note \(i)", "--yes", "--db", db])
            XCTAssertEqual(r.status, 0, r.output)
        }
        let t = try startConsole("--no-dispatch", width: width, height: height)
        let orders = t.screen()
        XCTAssertTrue(messageLine(orders).contains("s sort") && messageLine(orders).contains("? help"), messageLine(orders))

        // The help scrolls: j, PgDn, PgUp, k, G (to the last global key), g.
        t.send("?")
        let top = helpTop(expect(t, "┌─ Help", "? opens the help"))
        t.send("j"); let down1 = helpMoved(t, from: top, "j")
        t.send("PageDown"); let paged = helpMoved(t, from: down1, "PgDn")
        t.send("PageUp"); _ = helpMoved(t, from: paged, "PgUp")
        t.send("g"); XCTAssertTrue(t.waitFor { self.helpTop($0) == top }.ok, "g back to the top")
        t.send("G"); expect(t, "pause / resume sending", "G to the end")
        let bottom = helpTop(t.screen())
        t.send("k"); _ = helpMoved(t, from: bottom, "k")
        t.send("C-c")
        XCTAssertTrue(t.waitFor { !$0.contains("┌─ Help") }.ok, "Ctrl-C closes the help, without quitting")

        // Orders sort both ways; departure soonest first.
        walk(t, [
            ("S", "Sort: created ↑", "S reverses the sort"),
            ("s", "sort: departure soonest first", "s: departure, soonest first (it keeps the direction)"),
            ("S", "sort: departure latest first", "and the other way"),
        ])
        // The order detail pages: PgDn, G to its end, g back; q goes back to the list.
        t.send(":"); t.type("order \(long)"); t.send("Enter")
        let detail = expect(t, "订单 Order \(long)", ":order opens the detail")
        let total = try XCTUnwrap(detail.firstMatch(of: /1-(\d+)\/(\d+)/), "a detail longer than the screen:\n\(detail)")
        t.send("PageDown"); XCTAssertTrue(t.waitFor { !$0.contains("1-\(total.1)/") }.ok, "PgDn scrolls")
        t.send("G"); expect(t, "-\(total.2)/\(total.2)", "G shows the last line")
        t.send("g"); expect(t, "1-\(total.1)/\(total.2)", "g back to the top")
        t.send("q"); expect(t, "Sort: departure ↓", "q goes back to the list as it was")

        // Seats: its hint line, `/` by route and by schedule id with a count, Esc clears; sorted by seats left.
        t.send("2")
        let seats = expect(t, "S stop", "the Seats hint line")
        XCTAssertTrue(messageLine(seats).contains("s sort"), messageLine(seats))
        let day = "strftime('%Y-%m-%d', 'now', '+8 hours')"
        let all = SQLiteCLI.query(db, "SELECT count(*) FROM schedules WHERE from_date = \(day)").first ?? ""
        let hz = SQLiteCLI.query(db, """
            SELECT count(*) FROM schedules s JOIN cities f ON f.code = s.from_city_code JOIN cities c ON c.code = s.to_city_code
            WHERE s.from_date = \(day) AND (f.name LIKE '%杭州%' OR c.name LIKE '%杭州%' OR s.line_id LIKE '%杭州%' OR s.schedule_id LIKE '%杭州%')
            """).first ?? ""
        t.send("/"); t.type("杭州")
        expect(t, "\(hz) of the day's \(all) match", "a route narrows Seats, with the count")
        t.send("Escape")
        let one = try XCTUnwrap(SQLiteCLI.query(db, "SELECT schedule_id FROM schedules WHERE from_date = \(day) ORDER BY departs_at LIMIT 1").first)
        t.send("/"); t.type(one)
        expect(t, "1 of the day's \(all) match", "a schedule id narrows it to one")
        t.send("Escape")
        walk(t, [
            ("s", "sort: seats left, fewest first", "s sorts Seats by seats left"),
            ("s", "sort: seats left, most first", "and the other way"),
        ])
        t.send("s"); XCTAssertTrue(t.waitFor { !$0.contains("sort: seats left") }.ok, "s again: departure order")

        // Callbacks: by state and method; Enter shows the item.notify in full; q back.
        t.send("4"); expect(t, "T retry", "the Callbacks hint line")
        t.send("f"); expect(t, "only failed", "f narrows by state")
        for _ in 0..<4 { t.send("m") }
        expect(t, "only failed, only item.notify", "m narrows by method")
        walk(t, [
            ("Enter", "Callback #\(notify)  taobao.bus.item.notify", "Enter shows the item.notify in full"),
            ("q", "only failed, only item.notify", "q back to the list"),
        ])
        // Ctrl-C cancels a confirmation (Refunds' A previews at once) and quits only from a view.
        t.send("3"); expect(t, "most urgent first", "Refunds")
        t.send("A"); expect(t, "[ Confirm ]", "A's confirmation")
        t.send("C-c"); expect(t, "cancelled; nothing was sent", "Ctrl-C cancels it")
        XCTAssertNil(t.exitStatus(timeout: 0.3), "and does not quit")
        t.send("C-c")
        XCTAssertEqual(t.exitStatus(), 0, "Ctrl-C from a view quits")
    }
}
