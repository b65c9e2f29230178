import Store
import TOP

/// Issuing failed (no ticket): tickets → 3, the order → 4 closed, its seats go back on sale, and
/// bookticket.confirm (success false) is queued under key BK-<agent order id>. The reason is kept in the
/// audit row (ticket.fail) only: docs/PROTOCOL.md (TOP callbacks) publishes no key for it, so a failure sends agent_order_id,
/// bus_inner_order_id and success:false.
///
/// Why 4: the seed table has no "issue failed" order code; 3 would claim tickets exist, and 5 means the buyer
/// never paid. Closed (4) is what an order that will never be issued becomes, and the callback tells Fliggy
/// it failed so it refunds the buyer in full.
enum IssueFailedAction {
    static let unit = ActionUnit(
        id: "ticket.fail", subject: .order,
        summary: "Report that issuing failed: tickets → 3, order closed (4), seats released, bookticket.confirm success false.",
        fields: [ActionField("reason", "Reason", required: true, help: "why no ticket could be issued (kept in the audit trail)")],
        title: { row in guard case .order(let d) = row else { return "Issue failed for order" }
                 return "Issue failed for order \(d.summary.agentOrderId)" },
        refusal: { row, _ in IssueTicketsAction.awaitingTicketRefusal(row, verb: "failed") },
        plan: { r, ctx in try plan(order: r.subject, reason: r.text("reason") ?? "", ctx) })

    static func plan(order: String, reason: String, _ ctx: ActionContext) throws -> PlannedAction {
        let why = try InputValidation.reason(reason)
        let d = try ctx.order(order)
        try ctx.bind(order: d)
        try IssueTicketsAction.requireAwaitingTicket(d, verb: "failed")
        let callback = CallbackFactory.bookTicket(d, success: false)
        try ActionContext.check(callback)
        let key = "BK-" + d.summary.agentOrderId
        let freed = SeatAccounting.soldSeats(d.tickets, orderStatus: d.summary.status)
        let lines = ["passengers: " + CallbackFactory.names(d.tickets),
                     "reason: \(why) (kept in the audit trail; Fliggy's API has no field for it)",
                     "order → 4 closed, tickets → 3 no ticket, \(Plural.count(freed, "seat")) back on sale; Fliggy refunds the buyer \(Money.yuan(d.summary.totalFen)) yuan"]
        let preview = ActionPreview(title: "Report failed issue for order \(d.summary.agentOrderId)", order: d, lines: lines,
                                    sending: callback, saying: "success=false (key \(key))")
        return PlannedAction(preview: preview) { _ in
            try ctx.store.setTicketStatus(d.tickets.map(\.id), to: .noTicket)
            try ctx.store.releaseSoldSeats(scheduleId: d.scheduleId, count: freed)
            try ctx.store.setOrderStatus(orderId: d.summary.id, to: .closed, now: ctx.now)
            let cb = try ctx.enqueue(callback, key: key, orderId: d.summary.id, refundId: nil)
            try ctx.audit("ticket.fail", entity: "order", id: d.summary.agentOrderId,
                          before: .order(d),
                          after: AuditFields(status: 4).with("reason", why).with("seats_released", freed).with("callback", key))
            return ActionResult(summary: "order \(d.summary.agentOrderId) closed as not issued, \(Plural.count(freed, "seat")) released, "
                                + "bookticket.confirm (success=false) queued", callbackIds: [cb])
        }
    }
}

extension ActionRequest {
    public static func issueFailed(agentOrderId: String, reason: String) -> ActionRequest {
        ActionRequest(unit: IssueFailedAction.unit.id, subject: agentOrderId).with("reason", reason)
    }
}
