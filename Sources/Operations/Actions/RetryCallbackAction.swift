import Store
import TOP

/// Re-fire a dead-lettered callback: failed → pending, due now, with the same key and params (so Fliggy can
/// still de-duplicate it; params queued in an older, unpublished shape are upgraded by the dispatcher) and its
/// attempt count kept. A refund that was marked failed with it goes back to the
/// decision the callback carries (approved, or rejected for status 2).
enum RetryCallbackAction {
    static let unit = ActionUnit(
        id: "callback.retry", subject: .callback,
        summary: "Re-fire a failed (dead-lettered) callback with the same key; attempts are kept.", formless: true,
        title: { row in "Re-fire callback \(row.subjectId)" },
        refusal: { row, _ in
            guard case .callback(let c) = row else { return "select a failed callback in the Callbacks view first" }
            return c.state == .failed ? nil : "callback \(c.id) is \(c.state.rawValue); only failed (dead-lettered) callbacks can be re-fired"
        },
        plan: { r, ctx in
            // `busops due` and the Callbacks view show a callback as `#20`: that spelling is accepted as well as `20`.
            let digits = r.subject.hasPrefix("#") ? String(r.subject.dropFirst()) : r.subject
            guard let id = Int64(digits), id > 0 else { throw OperationError.malformed("callback id must be a number, got '\(r.subject)'") }
            return try plan(id: id, ctx)
        })

    static func plan(id: Int64, _ ctx: ActionContext) throws -> PlannedAction {
        guard id > 0 else { throw OperationError.malformed("callback id must be a positive number") }
        guard let c = try ctx.store.outboxRecord(id: id) else { throw OperationError.notFound("callback \(id) not found") }
        let refund = try c.refundId.flatMap { rid in try ctx.store.orderId(agentOrderId: c.agentOrderId ?? "")
            .flatMap { try ctx.store.refunds(orderId: $0).first { $0.id == rid } } }
        // Filed where the dispatcher files its outcomes (the refund, else the order), so one history tells the story.
        let entity = refund.map { ("refund", $0.refundId) } ?? c.agentOrderId.map { ("order", $0) } ?? ("outbox", String(id))
        try ctx.bind(entity: entity.0, id: entity.1, label: "callback \(id)", version: c.updatedAt)
        guard c.state == .failed else {
            throw OperationError.notAllowed("callback \(id) is \(c.state.rawValue); only failed (dead-lettered) callbacks can be re-fired")
        }
        let rejected = (try? JSON.parse(c.params))?["agent_return_ticket_status"]?.intValue == 2
        let refundBack: RefundStatus? = refund?.status == .failed ? (rejected ? .rejected : .approved) : nil
        var lines = ["callback \(id) \(c.method)" + (c.agentOrderId.map { " for order \($0)" } ?? ""),
                     "failed after \(Plural.count(c.attempts, "attempt")): "
                         + ([c.lastCode, c.lastSubCode, c.lastMessage].compactMap { $0 }.joined(separator: " ")),
                     "re-queued now with the same key \(c.idempotencyKey); attempts kept"]
        if let r = refund, let back = refundBack { lines.append("refund \(r.refundId) failed → \(back.rawValue) while it is sent again") }
        // A row queued by an older busops goes out as the published object (docs/PROTOCOL.md (TOP callbacks)): the dispatcher
        // upgrades it before signing (same key), so the preview shows what will really be sent.
        var params = c.params
        switch try CallbackUpgrade.upgrade(method: c.method, params: c.params, refundRowId: c.refundId, order: {
            try c.orderId.flatMap { try ctx.store.outboxOrderFacts(orderId: $0) }
        }) {
        case .current:
            lines.append("the same params are sent again")
        case let .upgraded(upgraded, why):
            params = upgraded
            lines.append("queued in an older shape (\(why)): sent as the published object shown, same key")
        case let .impossible(reason):
            throw OperationError.notAllowed("callback \(id) would fail again: \(reason)")
        }
        var preview = ActionPreview(title: "Re-fire callback \(id)", lines: lines, version: c.updatedAt, method: c.method, params: [params])
        preview.brief = "callback \(id)  \(c.method)" + (c.agentOrderId.map { "  order \($0)" } ?? "")
        return PlannedAction(preview: preview) { _ in
            try ctx.store.requeueOutbox(id: id, now: ctx.now)
            if let r = refund, let back = refundBack { try ctx.store.setRefundStatus(id: r.id, to: back) }
            try ctx.audit("callback.retry", entity: entity.0, id: entity.1,
                          before: AuditFields().with("outbox", Int(id)).with("state", "failed").with("attempts", c.attempts),
                          after: AuditFields().with("outbox", Int(id)).with("state", "pending").with("key", c.idempotencyKey)
                              .with("refund", refundBack?.rawValue))
            return ActionResult(summary: "callback \(id) (\(c.method)) re-queued with key \(c.idempotencyKey)", callbackIds: [id])
        }
    }
}

extension ActionRequest {
    public static func retryCallback(id: Int64) -> ActionRequest {
        ActionRequest(unit: RetryCallbackAction.unit.id, subject: String(id))
    }
}
