import Store

/// An agent's note on an order (客服备注): free text, printable only, kept with who wrote it and when, audited,
/// shown in the order detail and `busops list notes`. Nothing goes to Fliggy, and a note never makes another
/// operator's pending action stale: the order's version is left alone and the note binds to none.
enum OrderNoteAction {
    static let unit = ActionUnit(
        id: "order.note", subject: .order,
        summary: "Add an agent's note (客服备注) to an order: kept and audited, shown in the order detail; nothing is sent.",
        fields: [ActionField("text", "Note", required: true, help: "free text, at most 200 characters")],
        title: { row in "Note on order \(row.subjectId)" },
        plan: { r, ctx in try plan(order: r.subject, text: r.text("text") ?? "", ctx) })

    static func plan(order: String, text: String, _ ctx: ActionContext) throws -> PlannedAction {
        let note = try InputValidation.reason(text, field: "note")
        let d = try ctx.order(order)
        var preview = ActionPreview(title: "Note on order \(d.summary.agentOrderId)",
                                    lines: [CallbackFactory.orderLine(d), "note: \(note)", "sends nothing to Fliggy"],
                                    version: 0, method: nil)
        preview.personal = PersonalValues.of(d)   // masked in the console until revealed
        return PlannedAction(preview: preview) { _ in
            let id = try ctx.store.addOrderNote(orderId: d.summary.id, text: note, operatorName: ctx.actor.operatorName, at: ctx.now)
            try ctx.audit("order.note", entity: "order", id: d.summary.agentOrderId, before: nil,
                          after: AuditFields().with("note_id", Int(id)).with("note", note))
            return ActionResult(summary: "note added to order \(d.summary.agentOrderId)")
        }
    }
}

extension ActionRequest {
    public static func orderNote(agentOrderId: String, text: String) -> ActionRequest {
        ActionRequest(unit: OrderNoteAction.unit.id, subject: agentOrderId).with("text", text)
    }
}
