import Store

/// The kill switch: pause or resume all callback sending (meta key sending_paused), audited. Dispatchers read
/// the flag before claiming rows; queued callbacks stay queued and go out on resume.
enum SendingSwitchAction {
    static let unit = ActionUnit(
        id: "sending", subject: .sending,
        summary: "The kill switch: pause or resume all callback sending.", formless: true, movesMoney: false,
        title: { row in row.subjectId == "pause" ? "Pause sending" : "Resume sending" },
        plan: { r, ctx in
            switch r.subject {
            case "pause": return try plan(paused: true, ctx)
            case "resume": return try plan(paused: false, ctx)
            default: throw OperationError.malformed("sending takes pause or resume, got '\(r.subject)'")
            }
        })

    static let key = "sending_paused"

    static func plan(paused: Bool, _ ctx: ActionContext) throws -> PlannedAction {
        let current = try ctx.store.isSendingPaused()
        let version = current ? 1 : 0
        try ctx.bind(entity: "meta", id: key, label: "sending", version: version)
        let verb = paused ? "pause" : "resume"
        let lines = current == paused
            ? ["sending is already \(paused ? "paused" : "running"); nothing changes"]
            : [paused ? "pause all callback sending: queued callbacks wait until sending is resumed"
                      : "resume callback sending: queued callbacks go out in order"]
        let preview = ActionPreview(title: paused ? "Pause sending" : "Resume sending", lines: lines, version: version, method: nil)
        return PlannedAction(preview: preview) { _ in
            guard current != paused else { return ActionResult(summary: "sending was already \(paused ? "paused" : "running")") }
            try ctx.store.setMeta(key, paused ? "1" : "0")
            try ctx.audit("sending.\(verb)", entity: "meta", id: key, before: AuditFields(status: current ? "paused" : "running"),
                          after: AuditFields(status: paused ? "paused" : "running"))
            return ActionResult(summary: paused ? "sending paused" : "sending resumed")
        }
    }
}

extension ActionRequest {
    public static func setSending(paused: Bool) -> ActionRequest {
        ActionRequest(unit: SendingSwitchAction.unit.id, subject: paused ? "pause" : "resume")
    }
}
