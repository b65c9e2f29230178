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
        return [
            ("status", .int(Int64(result.status.rawValue))),
            ("passengerList", .array(result.lines.map { line in
                ["passengerId": .string(line.passengerId), "ticketId": .string(line.agentTicketId),
                 "refundSurcharge": SalesJSON.fen(line.refundSurchargeFen), "refundAmount": SalesJSON.fen(line.refundAmountFen),
                 "ticketStatus": .int(Int64(line.ticketStatus.rawValue))]
            })),
        ]
    }
}
