import XCTest
@testable import Operations
import Store

/// Issue 12, "money never wrong": for every pair of refund kinds (money-only M, station/offline O, online approve A,
/// force refunds of a stopped schedule F), the second never takes an order or a ticket past what it paid. It is
/// refused with the amount still refundable and nothing written, or (a stop, which refunds "in full") it gives
/// back only what is left. After each pair the order's refunds add up to at most what it paid.
final class OverRefundTests: XCTestCase {
    func testAfterAMoneyOnlyRefundEveryKindGivesBackOnlyWhatIsLeft() throws {
        let f = try DemoFixture()
        // M → M and M → O on one issued order.
        let a = try f.order(status: .issued)
        let total = try f.detail(a).summary.totalFen
        try f.run(.moneyRefund(agentOrderId: a, amountFen: 1000, reason: "车辆晚点补偿"))
        try assertRefused(f, .moneyRefund(agentOrderId: a, amountFen: total - 999, reason: "再补偿"), kind: "notAllowed",
                          contains: "still refundable \(Money.yuan(total - 1000)) yuan")
        try assertRefused(f, .offlineRefund(agentOrderId: a, ticket: nil, amountFen: total), kind: "notAllowed",
                          contains: "already refunded 10.00, still refundable \(Money.yuan(total - 1000)) yuan")
        try f.run(.offlineRefund(agentOrderId: a, ticket: nil, amountFen: total - 1000))
        try assertWithinPaid(f, a, refunded: total)

        // M → A: the pending online refund cannot also pay back the 10.00; a fee of at least that approves it.
        let (rf, b) = try pendingPerOrder(f)
        let paidB = try XCTUnwrap(try f.store.refundRecord(refundId: rf)).paidFen
        try f.run(.moneyRefund(agentOrderId: b, amountFen: 1000, reason: "车辆晚点补偿"))
        try assertRefused(f, .approveRefund(refundId: rf, feeFen: 0), kind: "notAllowed", contains: "set the fee to at least")
        try f.run(.approveRefund(refundId: rf, feeFen: 1000 + max(0, paidB - (try f.detail(b).summary.totalFen))))
        try assertWithinPaid(f, b, refunded: nil)

        // M → F: the stop refunds what is left (0.01), not the whole order again under a new key.
        let c = try f.order(status: .issued)
        let totalC = try f.detail(c).summary.totalFen
        try f.run(.moneyRefund(agentOrderId: c, amountFen: totalC - 1, reason: "几乎全退"))
        try f.run(.stopSchedule(scheduleId: try schedule(f, c), reasonCode: 0, reason: nil))
        XCTAssertEqual(try f.detail(c).summary.status, .refunded)
        try assertWithinPaid(f, c, refunded: totalC)
        XCTAssertEqual(try f.detail(c).refunds.filter { $0.scene == .force }.map(\.amountFen).reduce(0, +), 1)
    }

    func testAfterAStationRefundEveryKindGivesBackOnlyWhatIsLeft() throws {
        let f = try DemoFixture()
        let a = try f.order(status: .issued, minTickets: 2)
        let d = try f.detail(a)
        let t0 = d.tickets[0], paid0 = t0.priceFen + t0.serviceFeeFen
        try f.run(.offlineRefund(agentOrderId: a, ticket: .agentTicketId(t0.agentTicketId), amountFen: paid0))
        // O → M: the money left is what the other tickets paid.
        let left = d.summary.totalFen - paid0
        try assertRefused(f, .moneyRefund(agentOrderId: a, amountFen: left + 1, reason: "补偿"), kind: "notAllowed",
                          contains: "still refundable \(Money.yuan(left)) yuan")
        // O → O: the ticket is already refunded.
        try assertRefused(f, .offlineRefund(agentOrderId: a, ticket: .agentTicketId(t0.agentTicketId), amountFen: 1), kind: "notAllowed",
                          contains: "cannot be refunded at the station")
        // O (partly, the station kept a fee) → O on another ticket → F: never past what was paid.
        let t1 = d.tickets[1], paid1 = t1.priceFen + t1.serviceFeeFen
        try assertRefused(f, .offlineRefund(agentOrderId: a, ticket: .agentTicketId(t1.agentTicketId), amountFen: paid1 + 1), kind: "notAllowed",
                          contains: "still refundable \(Money.yuan(paid1)) yuan")
        try f.run(.offlineRefund(agentOrderId: a, ticket: .agentTicketId(t1.agentTicketId), amountFen: paid1 - 300))
        try f.run(.moneyRefund(agentOrderId: a, amountFen: 300, reason: "站务费退回"))
        try assertRefused(f, .moneyRefund(agentOrderId: a, amountFen: left - paid1 + 1, reason: "补偿"), kind: "notAllowed",
                          contains: "still refundable \(Money.yuan(left - paid1)) yuan")
        try f.run(.stopSchedule(scheduleId: try schedule(f, a), reasonCode: 1, reason: nil))
        try assertWithinPaid(f, a, refunded: d.summary.totalFen)

        // O → A: a ticket inside an online refund cannot be refunded at the station as well.
        let (rf, b) = try pendingPerOrder(f)
        let refunding = try XCTUnwrap(try f.detail(b).tickets.first { $0.status == .refunding })
        try assertRefused(f, .offlineRefund(agentOrderId: b, ticket: .agentTicketId(refunding.agentTicketId), amountFen: 1),
                          kind: "notAllowed", contains: "cannot be refunded at the station")
        try f.run(.approveRefund(refundId: rf, feeFen: 0))
        try assertWithinPaid(f, b, refunded: nil)
    }

    func testAfterAnApprovedOrForcedRefundNothingMoreGoesBack() throws {
        let f = try DemoFixture()
        let (rf, b) = try pendingPerOrder(f)
        try f.run(.approveRefund(refundId: rf, feeFen: 0))
        let refunded = try f.detail(b).refunds.filter { $0.status == .approved }.map(\.amountFen).reduce(0, +)
        let leftB = try f.detail(b).summary.totalFen - refunded
        // A → M, A → O, A → A.
        try assertRefused(f, .moneyRefund(agentOrderId: b, amountFen: leftB + 1, reason: "补偿"), kind: "notAllowed",
                          contains: "still refundable \(Money.yuan(leftB)) yuan")
        try assertRefused(f, .approveRefund(refundId: rf, feeFen: 0), kind: "notAllowed", contains: "already approved")
        try assertWithinPaid(f, b, refunded: nil)

        // A → F and F → M / O / A / F on a per-ticket refund: the stop refunds the other tickets, then nothing is left.
        let rt = try f.pendingRefund(perOrder: false)
        let c = try XCTUnwrap(try f.text("SELECT o.agent_order_id FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.refund_id = ?", .text(rt)))
        try f.run(.approveRefund(refundId: rt, feeFen: 0))
        let s = try schedule(f, c)
        try f.run(.stopSchedule(scheduleId: s, reasonCode: 0, reason: nil))
        let total = try f.detail(c).summary.totalFen
        try assertWithinPaid(f, c, refunded: total)
        try assertRefused(f, .moneyRefund(agentOrderId: c, amountFen: 1, reason: "补偿"), kind: "notAllowed", contains: "still refundable 0.00 yuan")
        try assertRefused(f, .offlineRefund(agentOrderId: c, ticket: nil, amountFen: 1), kind: "notAllowed", contains: "only issued tickets")
        try assertRefused(f, .approveRefund(refundId: rt, feeFen: 0), kind: "notAllowed", contains: "already approved")
        try assertRefused(f, .stopSchedule(scheduleId: s, reasonCode: 0, reason: nil), kind: "notAllowed", contains: "already stopped")
    }

    // MARK: helpers

    /// A pending per-order online refund and its order.
    func pendingPerOrder(_ f: DemoFixture) throws -> (String, String) {
        let rf = try f.pendingRefund(perOrder: true)
        let order = try XCTUnwrap(try f.text("SELECT o.agent_order_id FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.refund_id = ?",
                                             .text(rf)))
        return (rf, order)
    }

    func schedule(_ f: DemoFixture, _ order: String) throws -> String {
        try XCTUnwrap(try f.text("SELECT schedule_id FROM orders WHERE agent_order_id = ?", .text(order)))
    }
}

/// The invariant: the counted refunds of an order add up to at most what it paid (exactly `refunded` when given),
/// and the refunds naming one ticket to at most what that ticket paid.
func assertWithinPaid(_ f: DemoFixture, _ order: String, refunded expected: Int?, file: StaticString = #filePath, line: UInt = #line) throws {
    let d = try f.detail(order)
    let counted = d.refunds.filter { [.approved, .done, .failed].contains($0.status) }
    let sum = counted.map(\.amountFen).reduce(0, +)
    XCTAssertLessThanOrEqual(sum, d.summary.totalFen, "order \(order) refunded past what it paid", file: file, line: line)
    if let expected { XCTAssertEqual(sum, expected, "order \(order)", file: file, line: line) }
    for t in d.tickets {
        let onTicket = counted.filter { $0.ticketId == t.id }.map(\.amountFen).reduce(0, +)
        XCTAssertLessThanOrEqual(onTicket, t.priceFen + t.serviceFeeFen, "ticket \(t.agentTicketId)", file: file, line: line)
    }
    XCTAssertEqual(try f.seatMismatches(), 0, file: file, line: line)
}
