import Store
import TOP

/// Refund apply (63225): confirmed at once within the rules (status 11, when auto-refund is
/// on) or queued for an operator in the console (status 9). Per order or per ticket as the
/// schedule's refund mode says; a retry answers the current state and writes nothing.
enum RefundApplyHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let ref = try ctx.checkedRef(body.orderRef())
        let reason = try body.optionalString("refundReason")
        let result = try ctx.store.applyRefund(ref, passengerIds: body.passengerIds(), reason: reason,
                                               autoConfirm: ctx.settings.autoRefund, now: ctx.now)
        let lines = try quoted(result, ref: ref, ctx)
        return [
            ("status", .int(Int64(result.status.rawValue))),
            ("passengerList", .array(lines.map { line in
                ["passengerId": .string(line.passengerId), "ticketId": .string(line.agentTicketId),
                 "refundSurcharge": SalesJSON.fen(line.refundSurchargeFen), "refundAmount": SalesJSON.fen(line.refundAmountFen),
                 "ticketStatus": .int(Int64(line.ticketStatus.rawValue))]
            })),
        ]
    }

    /// A queued refund has no decided fee yet (the operator decides under the tier in force
    /// then); the buyer is shown the fee the rules give now, as the refund fee query would.
    static func quoted(_ result: RefundApplyResult, ref: OrderRef, _ ctx: SalesContext) throws -> [RefundLine] {
        let pending = result.lines.filter { $0.ticketStatus == .refunding }
        guard !pending.isEmpty,
              let quotes = try? ctx.store.refundQuote(ref, passengerIds: pending.map(\.passengerId), now: ctx.now) else {
            return result.lines
        }
        return result.lines.map { line in
            guard line.ticketStatus == .refunding, let q = quotes.first(where: { $0.passengerId == line.passengerId }) else { return line }
            var shown = line
            shown.refundSurchargeFen = q.refundSurchargeFen
            shown.refundAmountFen = q.refundAmountFen
            return shown
        }
    }
}
