import Store
import TOP

/// Approve a pending refund: fee from the schedule's rule tier in force now (or the operator's own, 0 ≤ fee ≤
/// paid), amount = paid − fee; tickets → 5 and their seats back on sale; the order → 11 when no ticket is left
/// on a seat, 9 while another refund is pending, else back to 3; refund.confirm status 1 queued under the
/// refund's own idempotency key (agent_refund_trans_id), per ticket or per order as the refund row says.
enum ApproveRefundAction {
    static let unit = ActionUnit(
        id: "refund.approve", subject: .refund,
        summary: "Approve a pending refund; the fee defaults to the schedule's rule tier in force now. Queues refund.confirm status 1.",
        fields: [ActionField("fee", "Fee (yuan)", .money, help: "the fee kept (0 ≤ fee ≤ paid); needed when the tier forbids refunds",
                             unchangedMeansDefault: true)],
        title: { row in guard case .refund(let p) = row else { return "Approve refund" }
                 return "Approve refund \(p.refund.refundId) (order \(p.agentOrderId))" },
        defaults: { row in
            guard case .refund(let p) = row else { return [:] }
            return ["fee": p.currentFeeFen.map(Money.yuan) ?? ""]
        },
        refusal: RefundSupport.refusePending,
        plan: { r, ctx in try plan(refundId: r.subject, feeFen: try r.int("fee", "fee (fen)"), ctx) })

    static func plan(refundId: String, feeFen: Int?, _ ctx: ActionContext) throws -> PlannedAction {
        _ = try feeFen.map { try InputValidation.fen($0, field: "fee") }
        let (r, d) = try ctx.refund(refundId)
        try ctx.bind(refund: r)
        try ctx.requirePending(r)
        let fee: Int
        let feeNote: String
        if let feeFen {
            fee = try InputValidation.amount(feeFen, field: "fee", ceiling: r.paidFen)
            feeNote = "set by operator"
        } else {
            let rules = try ctx.store.refundRules(scheduleId: d.scheduleId)
            let q = RefundPolicy.quote(paidFen: r.paidFen, rules: rules, departsAt: d.summary.departsAt, now: ctx.now)
            guard let quoted = q.feeFen, let pct = q.feePercent else {
                let when = d.summary.departsAt > ctx.now ? "this close to departure" : "after departure"
                throw OperationError.notAllowed("the schedule's refund rules allow no refund \(when); to approve anyway set the fee explicitly (0 refunds everything)")
            }
            // Never more than the fee Fliggy showed the buyer when it asked (63225 refundSurcharge, docs/PROTOCOL.md).
            if let cap = try ctx.store.refundFeeCap(refundRowId: r.id), cap < quoted {
                fee = cap
                feeNote = "\(pct) % rule tier in force now, capped at the fee Fliggy quoted the buyer"
            } else {
                fee = quoted
                feeNote = "\(pct) % rule tier in force now"
            }
        }
        let amount = r.paidFen - fee
        let tickets = RefundSupport.covered(r, d)
        // The one refund rule (RefundCeiling, issue 12): a money-only or station refund given earlier on these
        // tickets leaves less to approve; the operator raises the fee to fit.
        let ceiling = try RefundCeiling.of(d, excluding: r.id, ctx)
        try ceiling.check(amount, on: tickets,
                          hint: "set the fee to at least \(Money.yuan(r.paidFen - ceiling.leftFen(on: tickets))) yuan to approve")
        let ticket = r.ticketId == nil ? nil : tickets.first
        let callback = CallbackFactory.refundConfirm(d, ticket: ticket, transId: r.idempotencyKey, approved: true, amountFen: amount,
                                                     scene: r.scene, reasonCode: r.reasonCode, now: ctx.now)
        try ActionContext.check(callback)
        let freed = SeatAccounting.soldSeats(tickets, orderStatus: d.summary.status)
        let lines = ["refund \(r.refundId) \(RefundSupport.mode(r)): " + CallbackFactory.names(tickets),
                     "paid \(Money.yuan(r.paidFen)) yuan, fee \(Money.yuan(fee)) yuan (\(feeNote)), refund \(Money.yuan(amount)) yuan to the buyer",
                     "tickets → 5 refunded, \(Plural.count(freed, "seat")) back on sale"]
        var preview = ActionPreview(title: "Approve refund \(r.refundId)", order: d, lines: lines, version: r.version,
                                    sending: callback,
                                    saying: "status 1 approved, type \(callback.returnType.rawValue), amount \(Money.yuanText(amount)) yuan (trans id \(r.idempotencyKey))")
        preview.brief = "\(r.refundId)  order \(d.summary.agentOrderId)  refund \(Money.yuan(amount)) yuan (fee \(Money.yuan(fee)))"
        return PlannedAction(preview: preview) { _ in
            try ctx.store.decideRefund(id: r.id, RefundDecision(status: .approved, feeFen: fee, amountFen: amount, decidedBy: ctx.actor.operatorName), now: ctx.now)
            try ctx.store.setTicketStatus(tickets.map(\.id), to: .refunded)
            try ctx.store.releaseSoldSeats(scheduleId: d.scheduleId, count: freed)
            let status = try ctx.store.settledOrderStatus(orderId: d.summary.id)
            try ctx.store.setOrderStatus(orderId: d.summary.id, to: status, now: ctx.now)
            let cb = try ctx.enqueue(callback, key: r.idempotencyKey, orderId: d.summary.id, refundId: r.id)
            try ctx.audit("refund.approve", entity: "refund", id: r.refundId,
                          before: AuditFields(status: r.status.rawValue).with("order_status", d.summary.status.rawValue),
                          after: AuditFields(status: "approved").with("fee_fen", fee).with("amount_fen", amount)
                              .with("order_status", status.rawValue).with("callback", r.idempotencyKey))
            return ActionResult(summary: "refund \(r.refundId) approved, \(Money.yuan(amount)) yuan queued", callbackIds: [cb])
        }
    }
}

extension ActionRequest {
    /// `feeFen` nil: the fee of the schedule's rule tier in force when it executes.
    public static func approveRefund(refundId: String, feeFen: Int?) -> ActionRequest {
        ActionRequest(unit: ApproveRefundAction.unit.id, subject: refundId).with("fee", feeFen.map(String.init))
    }
}
