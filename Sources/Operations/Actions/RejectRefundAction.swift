import Store
import TOP

/// Reject a pending refund with a result code and reason: refund.confirm status 2 (agent_return_ticket_code).
/// The tickets keep their seats. A per-ticket refund's ticket becomes 6 (退票失败, refund failed: the seed's
/// code for exactly this, shown in Fliggy's order query); a per-order refund's tickets go back to 2 (issued),
/// because the order as a whole returns to 3 and its tickets simply remain valid.
enum RejectRefundAction {
    static let unit = ActionUnit(
        id: "refund.reject", subject: .refund,
        summary: "Reject a pending refund with a result code and reason. Queues refund.confirm status 2.",
        fields: [ActionField("code", "Result code", required: true, help: "result code, digits (Fliggy's standard: 1905)"),
                 ActionField("reason", "Reason", required: true, help: "why; shown to the buyer")],
        title: { row in guard case .refund(let p) = row else { return "Reject refund" }
                 return "Reject refund \(p.refund.refundId) (order \(p.agentOrderId))" },
        defaults: { _ in ["code": "1905"] },
        refusal: RefundSupport.refusePending,
        plan: { r, ctx in try plan(refundId: r.subject, code: try r.required("code", "result code"), reason: r.text("reason") ?? "", ctx) })

    static func plan(refundId: String, code: String, reason: String, _ ctx: ActionContext) throws -> PlannedAction {
        let resultCode = try InputValidation.resultCode(code)
        let why = try InputValidation.reason(reason)
        let (r, d) = try ctx.refund(refundId)
        try ctx.bind(refund: r)
        try ctx.requirePending(r)
        let tickets = RefundSupport.covered(r, d)
        let ticket = r.ticketId == nil ? nil : tickets.first
        let newTicketStatus: TicketStatus = r.ticketId == nil ? .issued : .refundFailed
        let callback = CallbackFactory.refundConfirm(d, ticket: ticket, transId: r.idempotencyKey, approved: false, amountFen: nil,
                                                     returnCode: resultCode, scene: r.scene, reasonCode: r.reasonCode, now: ctx.now)
        try ActionContext.check(callback)
        let lines = ["refund \(r.refundId) \(RefundSupport.mode(r)): " + CallbackFactory.names(tickets),
                     "rejected with code \(resultCode): \(why); nothing is refunded (paid \(Money.yuan(r.paidFen)) yuan)",
                     "tickets → \(newTicketStatus.rawValue) \(newTicketStatus.english), seats stay sold"]
        let preview = ActionPreview(title: "Reject refund \(r.refundId)", order: d, lines: lines, version: r.version,
                                    sending: callback, saying: "status 2 rejected, code \(resultCode) (trans id \(r.idempotencyKey))")
        return PlannedAction(preview: preview) { _ in
            try ctx.store.decideRefund(id: r.id, RefundDecision(status: .rejected, feeFen: 0, amountFen: 0, resultCode: String(resultCode),
                                                                reason: why, decidedBy: ctx.actor.operatorName), now: ctx.now)
            try ctx.store.setTicketStatus(tickets.map(\.id), to: newTicketStatus)
            let status = try ctx.store.settledOrderStatus(orderId: d.summary.id)
            try ctx.store.setOrderStatus(orderId: d.summary.id, to: status, now: ctx.now)
            let cb = try ctx.enqueue(callback, key: r.idempotencyKey, orderId: d.summary.id, refundId: r.id)
            try ctx.audit("refund.reject", entity: "refund", id: r.refundId,
                          before: AuditFields(status: r.status.rawValue).with("order_status", d.summary.status.rawValue),
                          after: AuditFields(status: "rejected").with("result_code", String(resultCode)).with("reason", why)
                              .with("order_status", status.rawValue).with("callback", r.idempotencyKey))
            return ActionResult(summary: "refund \(r.refundId) rejected (code \(resultCode)), refund.confirm queued", callbackIds: [cb])
        }
    }
}

extension ActionRequest {
    public static func rejectRefund(refundId: String, resultCode: String, reason: String) -> ActionRequest {
        ActionRequest(unit: RejectRefundAction.unit.id, subject: refundId).with("code", resultCode).with("reason", reason)
    }
}
