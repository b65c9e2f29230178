import XCTest
@testable import Console
import Operations
import Store

/// Issue 12, operator speed (`bench/keys.sh` counts the keys in a real terminal): the Due view's action keys act on
/// the most urgent row of their kind, approve previews at once, `y` confirms (Enter alone still cancels), a form
/// opens on its first field left to fill, and today's Seats opens on the next departure.
final class OperatorSpeedTests: XCTestCase {
    func testYConfirmsAndEnterStillCancelsFirst() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        let row = try fx.refundableRow()
        d.press(.char("3"))
        d.s.refunds.selected = try XCTUnwrap(d.s.refunds.rows.firstIndex(of: row)) + d.s.refunds.start
        d.press(.char("A"))
        guard case .confirm(let c)? = d.s.overlay else { return XCTFail("a confirmation: \(String(describing: d.s.message))") }
        XCTAssertFalse(c.confirmFocused)
        let before = try fx.footprint()
        d.press(.enter)
        XCTAssertEqual(try fx.footprint(), before, "Enter on the default Cancel writes nothing")
        d.press(.char("A"), .char("y"))
        XCTAssertEqual(try fx.text("SELECT status FROM refunds WHERE refund_id = ?", .text(row.refund.refundId)), "approved", "y confirmed")
        XCTAssertTrue(d.s.message?.text.contains("\(row.refund.refundId) approved") == true, d.s.message?.text ?? "")
    }

    func testDueAApprovesTheMostUrgentRefundInThreeKeys() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        d.press(.char("5"))
        let rows = d.s.due.rows
        let first = try XCTUnwrap(rows.firstIndex { $0.kind == .refund }, "a refund is due")
        XCTAssertNotEqual(rows.first?.kind, .refund, "the cursor starts on another kind of row, so A must find the refund")
        d.press(.char("A"))
        XCTAssertEqual(d.s.due.selected, first, "the cursor moved to the most urgent refund")
        XCTAssertEqual(d.s.detail?.orderId, rows[first].orderId, "its order opened, as Enter opens it")
        guard case .confirm(let c)? = d.s.overlay else { return XCTFail("the confirmation at once: \(String(describing: d.s.message))") }
        XCTAssertTrue(c.title.contains(rows[first].id), c.title)
        d.press(.char("y"))
        XCTAssertEqual(try fx.text("SELECT status FROM refunds WHERE refund_id = ?", .text(rows[first].id)), "approved")
    }

    func testDueIIssuesTheMostUrgentOrderAwaitingTickets() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        d.press(.char("5"))
        let rows = d.s.due.rows
        let first = try XCTUnwrap(rows.firstIndex { $0.kind == .ticket }, "an order awaits tickets")
        d.press(.char("I"))
        XCTAssertEqual(d.s.due.selected, first)
        guard case .form(let f)? = d.s.overlay else { return XCTFail("the issue form: \(String(describing: d.s.message))") }
        XCTAssertEqual(f.title, "Issue tickets for order \(rows[first].id)")
        XCTAssertEqual(f.focused, 0, "on the ticket number")
        d.type("T-7001"); d.press(.tab); d.type("5678"); d.press(.tab); d.type("A2")
        d.press(.enter, .char("y"))
        XCTAssertEqual(try fx.int("SELECT status FROM orders WHERE agent_order_id = ?", .text(rows[first].id)), 3, d.s.message?.text ?? "")
    }

    func testDueKeysOnTheCursorRowWhenItIsOfTheirKind() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        d.press(.char("5"))
        let tickets = d.s.due.rows.indices.filter { d.s.due.rows[$0].kind == .ticket }
        XCTAssertGreaterThan(tickets.count, 1)
        d.s.due.selected = tickets[1]
        d.press(.char("I"))
        XCTAssertEqual(d.s.due.selected, tickets[1], "the row under the cursor, not the most urgent")
        guard case .form(let f)? = d.s.overlay else { return XCTFail("the issue form") }
        XCTAssertEqual(f.title, "Issue tickets for order \(d.s.due.rows[tickets[1]].id)")
    }

    func testStopFormOpensOnTheReason() throws {
        let fx = try ActionStoreFixture()
        var d = ConsoleDriver(fx)
        d.press(.char("2"), .char("]"))
        d.press(.char("S"))
        guard case .form(let f)? = d.s.overlay else { return XCTFail("the stop form: \(String(describing: d.s.message))") }
        XCTAssertEqual(f.fields[f.focused].name, "reason", "the reason code is prefilled; the reason is left to type")
    }

    func testTodaysSeatsOpenOnTheNextDeparture() throws {
        let fx = try ActionStoreFixture()
        let today = ChinaTime.startOfDay(fx.now)
        let all = try fx.store.schedules(day: today)
        let departed = all.filter { $0.departsAt <= fx.now }.count
        var d = ConsoleDriver(fx)
        d.press(.char("2"))
        XCTAssertEqual(d.s.seats.selected, departed < all.count ? departed : 0, "the first schedule not departed")
        if departed > 0 && departed < all.count {
            XCTAssertGreaterThan(d.s.seats.selectedRow?.departsAt ?? 0, fx.now)
            XCTAssertLessThanOrEqual(all[departed - 1].departsAt, fx.now)
        }
        d.press(.char("]"), .char("["))
        XCTAssertEqual(d.s.seats.selected, departed < all.count ? departed : 0, "again when the day is shown afresh")
    }
}
