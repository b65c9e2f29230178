import Store
import TOP

/// Refund fee (63224, analogue 48227): every ticket of the order with its fee (`refundSurcharge`, fen) under the
/// schedule's rule tier in force now — a refunded or unrefundable ticket included (a no-refund tier quotes the whole
/// fare; 63225 is what refuses). An optional `passengerId` narrows the list. Writes nothing.
enum RefundFeeHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let order = try ctx.order(body.orderRef())
        let ref = OrderRef(agentOrderId: order.summary.agentOrderId, alitripOrderId: nil)
        var only = try body.passengerIds()
        if let one = try body.optionalString("passengerId") {
            guard PersonalData.isValidPassengerId(one) else { throw QimenFailure.invalid("passengerId must be digits only") }
            only = [one]
        }
        let lines = try ctx.store.refundQuote(ref, passengerIds: only, now: ctx.now)
        return [
            ("agentOrderId", .string(order.summary.agentOrderId)), ("alitripOrderId", .string(order.summary.mainBizOrderId)),
            ("passengerList", .array(lines.map { line in
                .object([("passengerId", .string(line.ticket.passengerId)), ("passengerName", .string(line.ticket.name)),
                         ("passengerCertificateNo", .string(line.ticket.certNo)),
                         ("passengerCertificateType", SalesJSON.certType(line.ticket.certType)),
                         ("ticketId", .string(line.ticket.agentTicketId)), ("refundSurcharge", SalesJSON.fen(line.refundSurchargeFen))])
            })),
        ]
    }
}
