import Store
import TOP

/// Money back without touching tickets (compensation for a late bus, a price difference): a refund row with
/// source money_only (approved) and multiple.refund.confirm whose agent_refund_trans_no is the row's own unique
/// key, so Fliggy can never pay it twice. Amounts in fen; never more than paid minus what was already refunded.
enum MoneyRefundAction {
    static let unit = ActionUnit(
        id: "refund.money", subject: .order,
        summary: "Give money back without changing tickets. Queues multiple.refund.confirm with a unique trans no.",
        fields: [ActionField("amount", "Amount (yuan)", .money, required: true, help: "at most what is left to refund"),
                 ActionField("reason", "Reason", required: true, help: "why; sent to Fliggy as the refund reason")],
        title: { row in guard case .order(let d) = row else { return "Money-only refund for order" }
                 return "Money-only refund for order \(d.summary.agentOrderId)" },
        refusal: { row, _ in
            guard case .order(let d) = row else { return "open an order first (Enter on a row)" }
            guard ![.awaitingTicket, .issued, .refunding, .refunded].contains(d.summary.status) else { return nil }
            return "order \(d.summary.agentOrderId) is \(d.summary.status.described); only paid orders can get money back"
        },
        plan: { r, ctx in try plan(order: r.subject, amountFen: try r.requiredInt("amount", "amount (fen)"), reason: r.text("reason") ?? "", ctx) })

    static func plan(order: String, amountFen: Int, reason: String, _ ctx: ActionContext) throws -> PlannedAction {
        let why = try InputValidation.reason(reason)
        _ = try InputValidation.fen(amountFen)
        if amountFen == 0 { throw OperationError.malformed("amount must be at least 0.01 yuan (1 fen)") }
        let d = try ctx.order(order)
        try ctx.bind(order: d)
        guard [.awaitingTicket, .issued, .refunding, .refunded].contains(d.summary.status) else {
            throw OperationError.notAllowed("order \(d.summary.agentOrderId) is \(d.summary.status.english); only paid orders can get money back")
        }
        // The one refund rule (RefundCeiling, issue 12): never more back than the order and its tickets paid.
        let ceiling = try RefundCeiling.of(d, ctx)
        let already = ceiling.orderRefundedFen
        let amount = try ceiling.check(amountFen, on: nil)
        // docs/PROTOCOL.md (TOP callbacks): refund_ticket_detail_list is required, so the amount is split over the order's tickets
        // (integer fen, never more on a ticket than it paid, summing exactly to the amount).
        func callback(_ key: String) throws -> MultipleRefundConfirm {
            guard let cb = CallbackFactory.multipleRefund(d, transNo: key, reason: why, amountFen: amount) else {
                throw OperationError.invalid("\(Money.yuan(amount)) yuan cannot be split over the tickets of order "
                                             + "\(d.summary.agentOrderId) without giving a ticket more than it paid")
            }
            return cb
        }
        let sample = try callback("MR(new)")
        try ActionContext.check(sample)
        let split = sample.tickets.map { "\($0.agentTicketId ?? $0.passengerIdNum ?? "?") \(Money.yuan($0.refundFen + $0.serviceChargeRefundFen))" }
        let lines = ["money only, tickets unchanged: " + CallbackFactory.names(d.tickets),
                     "refund \(Money.yuan(amount)) yuan (paid \(Money.yuan(d.summary.totalFen)), already refunded \(Money.yuan(already)))",
                     "reason: \(why)",
                     "per ticket (yuan): " + split.joined(separator: ", ")]
        let preview = ActionPreview(title: "Money-only refund for order \(d.summary.agentOrderId)", order: d, lines: lines,
                                    sending: sample, saying: "total_refund_amount \(amount) fen with a new unique trans no")
        return PlannedAction(preview: preview) { _ in
            let keys = try ctx.store.insertRefund(RefundTerms(orderId: d.summary.id, ticketId: nil, source: .moneyOnly, scene: .common,
                                                            reasonCode: nil, reason: why, paidFen: d.summary.totalFen, feeFen: 0,
                                                            amountFen: amount), decidedBy: ctx.actor.operatorName,
                                                  now: ctx.now)
            // The version moves so a second operator looking at the old state cannot send the same money again.
            try ctx.store.setOrderStatus(orderId: d.summary.id, to: d.summary.status, now: ctx.now)
            let cb = try ctx.enqueue(try callback(keys.idempotencyKey), key: keys.idempotencyKey, orderId: d.summary.id, refundId: keys.id)
            try ctx.audit("refund.money", entity: "order", id: d.summary.agentOrderId,
                          before: AuditFields(status: d.summary.status.rawValue).with("refunded_fen", already),
                          after: AuditFields(status: d.summary.status.rawValue).with("refund", keys.refundId).with("amount_fen", amount)
                              .with("reason", why).with("callback", keys.idempotencyKey))
            return ActionResult(summary: "money-only refund \(keys.refundId) for order \(d.summary.agentOrderId): \(Money.yuan(amount)) yuan queued "
                                + "(trans no \(keys.idempotencyKey))", callbackIds: [cb])
        }
    }
}

extension ActionRequest {
    public static func moneyRefund(agentOrderId: String, amountFen: Int, reason: String) -> ActionRequest {
        ActionRequest(unit: MoneyRefundAction.unit.id, subject: agentOrderId).with("amount", String(amountFen)).with("reason", reason)
    }
}
