import Store
import TOP

/// Refund fee (63224): per passenger, the fee (refundSurcharge, fen) under the schedule's
/// rule tier in force now and what the buyer gets back. Writes nothing.
enum RefundFeeHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let ref = try ctx.checkedRef(body.orderRef())
        let lines = try ctx.store.refundQuote(ref, passengerIds: body.passengerIds(), now: ctx.now)
        return [
            ("refundSurcharge", SalesJSON.fen(lines.reduce(0) { $0 + $1.refundSurchargeFen })),
            ("refundAmount", SalesJSON.fen(lines.reduce(0) { $0 + $1.refundAmountFen })),
            ("passengerList", .array(lines.map { line in
                ["passengerId": .string(line.passengerId), "ticketId": .string(line.agentTicketId),
                 "refundSurcharge": SalesJSON.fen(line.refundSurchargeFen), "refundAmount": SalesJSON.fen(line.refundAmountFen)]
            })),
        ]
    }
}
