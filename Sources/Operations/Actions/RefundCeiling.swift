import Store
import TOP

/// The one money rule of every refund kind (issue 12, "money never wrong"): online approvals, offline (station)
/// refunds, money-only refunds and the force refunds of a stopped schedule all ask this before they write.
/// The money refunded on an order never exceeds what the order paid, and the money refunded on a ticket never
/// exceeds what the ticket paid. "Refunded" is what `Store.countedRefunds` returns (approved, done, and
/// dead-lettered refunds, which can be re-fired). Earlier order-level refunds are attributed to tickets exactly as
/// multiple.refund.confirm split them for Fliggy (`RefundSplit.tickets`, docs/PROTOCOL.md (TOP callbacks)), so the room on a ticket
/// here is the room the next split will see.
struct RefundCeiling {
    let agentOrderId: String
    let orderPaidFen: Int
    let orderRefundedFen: Int
    /// What each ticket paid and what is left of it, by ticket row id.
    let tickets: [Int64: (paid: Int, room: Int, agentTicketId: String)]

    /// Read inside the action's transaction, so the ceiling is the one the writes will meet.
    /// `excluding` leaves out the refund row being decided (a pending row is not counted anyway).
    static func of(_ d: OrderDetail, excluding refundRowId: Int64? = nil, _ ctx: ActionContext) throws -> RefundCeiling {
        let counted = try ctx.store.countedRefunds(orderId: d.summary.id).filter { $0.id != refundRowId }
        let split = RefundSplit.tickets(d.tickets, refunds: counted)
        var rooms: [Int64: (paid: Int, room: Int, agentTicketId: String)] = [:]
        for (t, s) in zip(d.tickets, split) { rooms[t.id] = (s.paidFen, s.roomFen, t.agentTicketId) }
        return RefundCeiling(agentOrderId: d.summary.agentOrderId, orderPaidFen: d.summary.totalFen,
                             orderRefundedFen: counted.reduce(0) { $0 + max(0, $1.amountFen) }, tickets: rooms)
    }

    var orderLeftFen: Int { max(0, orderPaidFen - orderRefundedFen) }

    /// Still refundable on these tickets (nil: on the order as a whole, as a money-only refund spreads it).
    func leftFen(on tickets: [TicketRecord]?) -> Int {
        guard let tickets else { return min(orderLeftFen, self.tickets.values.reduce(0) { $0 + $1.room }) }
        return min(orderLeftFen, tickets.reduce(0) { $0 + (self.tickets[$1.id]?.room ?? 0) })
    }

    /// Refuses `amountFen` when it would take the order or its tickets past what they paid, saying how much is
    /// still refundable; nothing has been written when it throws. `hint` tells the operator what to change.
    @discardableResult
    func check(_ amountFen: Int, on tickets: [TicketRecord]?, hint: String? = nil) throws -> Int {
        let left = leftFen(on: tickets)
        guard amountFen > left else { return amountFen }
        let scope: String, paid: Int, already: Int
        if left < orderLeftFen {
            // The tickets, not the order, set the limit: name them.
            let rows = tickets.map { $0.compactMap { self.tickets[$0.id] } } ?? Array(self.tickets.values)
            scope = "ticket\(rows.count == 1 ? "" : "s") " + rows.map(\.agentTicketId).sorted().joined(separator: ", ")
                + " of order \(agentOrderId)"
            paid = rows.reduce(0) { $0 + $1.paid }
            already = rows.reduce(0) { $0 + $1.paid - $1.room }
        } else {
            scope = "order \(agentOrderId)"
            (paid, already) = (orderPaidFen, orderRefundedFen)
        }
        throw OperationError.notAllowed("refund \(Money.yuan(amountFen)) yuan is more than is still refundable on \(scope): "
            + "paid \(Money.yuan(paid)), already refunded \(Money.yuan(already)), still refundable \(Money.yuan(left)) yuan"
            + (hint.map { "; \($0)" } ?? "") + "; nothing was done")
    }
}
