// Splitting money over an order's tickets for multiple.refund.confirm's required detail list
// (PROTOCOL.md §1): integer fen, exact sum, never more on a ticket than it paid.

import XCTest
@testable import Store
@testable import TOP

final class RefundSplitTests: XCTestCase {
    func testProportionalSumsExactlyAndKeepsEveryCap() {
        XCTAssertEqual(RefundSplit.proportional(1000, caps: [4500, 4500, 4500]), [334, 333, 333])
        XCTAssertEqual(RefundSplit.proportional(1, caps: [100, 100]), [1, 0], "the odd fen goes to the earlier ticket")
        XCTAssertEqual(RefundSplit.proportional(300, caps: [100, 200]), [100, 200])
        XCTAssertEqual(RefundSplit.proportional(0, caps: [100, 200]), [0, 0])
        XCTAssertEqual(RefundSplit.proportional(150, caps: [0, 100, 200]), [0, 50, 100])
        XCTAssertNil(RefundSplit.proportional(301, caps: [100, 200]), "more than was paid")
        XCTAssertNil(RefundSplit.proportional(-1, caps: [100]))
        // Exhaustive on small cases: sum exact, each share within its cap.
        for a in 0...7 {
            for b in 0...7 {
                for c in 1...5 {
                    let caps = [a, b, c]
                    for total in 0...(a + b + c) {
                        let shares = RefundSplit.proportional(total, caps: caps)!
                        XCTAssertEqual(shares.reduce(0, +), total, "\(total) over \(caps)")
                        XCTAssertTrue(zip(shares, caps).allSatisfy { $0 >= 0 && $0 <= $1 }, "\(shares) over \(caps)")
                    }
                }
            }
        }
    }

    func testDetailsSplitTheServiceChargeWithinEachShare() throws {
        let tickets = [RefundSplit.Ticket(agentTicketId: "T1", certNo: "C1", paidFen: 4500),
                       RefundSplit.Ticket(agentTicketId: "T2", certNo: "C2", paidFen: 4500)]
        let d = try XCTUnwrap(RefundSplit.details(totalFen: 1301, serviceChargeFen: 301, tickets: tickets))
        XCTAssertEqual(d.map(\.agentTicketId), ["T1", "T2"])
        XCTAssertEqual(d.map(\.passengerIdNum), ["C1", "C2"])
        XCTAssertEqual(d.map { $0.refundFen + $0.serviceChargeRefundFen }, [651, 650])
        XCTAssertEqual(d.map(\.serviceChargeRefundFen).reduce(0, +), 301)
        XCTAssertEqual(d.map(\.refundFen).reduce(0, +), 1000)
        XCTAssertEqual(RefundSplit.details(totalFen: 1, tickets: tickets)?.map(\.agentTicketId), ["T1"], "0-fen tickets are left out")
        XCTAssertNil(RefundSplit.details(totalFen: 9001, tickets: tickets))
        XCTAssertNil(RefundSplit.details(totalFen: 100, serviceChargeFen: 101, tickets: tickets))
    }

    func testEarlierRefundsShrinkTheRoomAndPaidIsTheCeiling() throws {
        let tickets = (1...3).map { ticket(Int64($0), price: 4000, fee: 500) }
        // Ticket 1 refunded in full on its own, and an order-level 900 fen spread over the other two.
        let refunds = [refund(1, ticket: 1, amount: 4500), refund(2, ticket: nil, amount: 900), refund(3, ticket: 2, amount: 99, status: .rejected)]
        let room = RefundSplit.tickets(tickets, refunds: refunds)
        XCTAssertEqual(room.map(\.roomFen), [0, 4050, 4050])
        XCTAssertEqual(room.map(\.paidFen), [4500, 4500, 4500])
        let d = try XCTUnwrap(RefundSplit.details(totalFen: 1000, tickets: room))
        XCTAssertEqual(d.map(\.agentTicketId), ["TK2", "TK3"], "nothing more on the ticket already refunded")
        XCTAssertEqual(d.map(\.refundFen), [500, 500])
        // The refund the row is for is not an earlier refund.
        XCTAssertEqual(RefundSplit.tickets(tickets, refunds: refunds, excluding: 2).map(\.roomFen), [0, 4500, 4500])
        // Rooms too small (earlier refunds attributed by reconstruction): the split falls back to what each paid.
        let fallback = try XCTUnwrap(RefundSplit.details(totalFen: 9000, tickets: room))
        XCTAssertEqual(fallback.map(\.refundFen), [3000, 3000, 3000])
        XCTAssertTrue(zip(fallback, room).allSatisfy { $0.refundFen <= $1.paidFen })
    }

    private func ticket(_ id: Int64, price: Int, fee: Int) -> TicketRecord {
        TicketRecord(id: id, agentTicketId: "TK\(id)", orderId: 1, passengerId: String(id), name: "乘客\(id)", certType: 1,
                     certNo: "C\(id)", phone: nil, seatNo: nil, priceFen: price, serviceFeeFen: fee, status: .issued,
                     isOfflineRefund: false, ticketNo: nil, ticketPwd: nil, version: 1)
    }

    private func refund(_ id: Int64, ticket: Int64?, amount: Int, status: RefundStatus = .done) -> RefundRecord {
        RefundRecord(id: id, refundId: "RF\(id)", terms: RefundTerms(orderId: 1, ticketId: ticket, source: .online, scene: .common, reasonCode: nil,
                     reason: nil, paidFen: amount, feeFen: 0, amountFen: amount), status: status, idempotencyKey: "RT\(id)",
                     resultCode: nil, requestedAt: 0, decidedAt: nil, decidedBy: nil, version: 1)
    }
}
