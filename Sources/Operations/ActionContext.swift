import Store
import TOP

/// One planned action: what the preview shows, and the writes that make it happen. `apply` runs inside
/// the IMMEDIATE transaction that also produced this plan, so it acts on exactly the state it describes.
struct PlannedAction {
    var preview: ActionPreview
    var apply: (_ progress: ((Int, Int) -> Void)?) throws -> ActionResult
}

/// What a plan needs: the store, who acts, the instant, and — when executing — the version the operator saw.
struct ActionContext {
    let store: Store
    let actor: Actor
    let now: Int
    /// nil while previewing: any version is fine, nothing will be written.
    let expectedVersion: Int?

    /// Binds the action to the row version the operator saw. A different version means someone else acted
    /// first: refuse, naming them and the new state from the newest audit row about the entity.
    /// `current` describes the row as it is now, for rows that also change without an audit row of their own
    /// (a schedule's seat counters move with every sale).
    func bind(entity: String, id: String, label: String, version: Int, auditIds: [String]? = nil, current: String? = nil) throws {
        guard let expected = expectedVersion, expected != version else { return }
        if let current {
            let last = try store.latestAudit(entity: entity, entityId: id).map {
                "; last recorded change: \($0.action) by \($0.operatorName) (\($0.source)) at \(ChinaTime.second($0.at))"
            } ?? ""
            throw OperationError.conflict("\(label) changed since you looked (sales or another operator); now \(current)\(last); nothing was done — look again")
        }
        let ids = auditIds ?? [id]
        let latest: AuditRecord?
        if ids.count == 1 { latest = try store.latestAudit(entity: entity, entityId: id) }
        else { latest = try store.audit(entityIds: ids).last }
        guard let a = latest else {
            throw OperationError.conflict("\(label) changed since you looked (version \(expected) → \(version)); nothing was done — look again")
        }
        let state = a.after.map { " — now " + Self.described($0, entity: entity) } ?? ""
        throw OperationError.conflict("\(label) was changed by \(a.operatorName) (\(a.source)) at \(ChinaTime.second(a.at)): "
            + "\(a.action)\(state); nothing was done — look again")
    }

    /// An audit row's after-state as an operator reads it: its status when it has one, else the fields.
    static func described(_ after: String, entity: String) -> String {
        guard let json = try? JSON.parse(Array(after.utf8)), let status = json["status"] else { return after }
        if let code = status.intValue { return entity == "order" ? OrderStatus(rawValue: code)?.described ?? String(code) : String(code) }
        return status.stringValue ?? after
    }

    func audit(_ action: String, entity: String, id: String, before: AuditFields?, after: AuditFields?) throws {
        try store.insertAudit(operatorName: actor.operatorName, source: actor.source, action: action, entity: entity, entityId: id,
                              before: before?.text, after: after?.text, at: now)
    }

    /// Queues a callback after checking its field rules, so a malformed one is refused now, not by Fliggy later.
    func enqueue(_ callback: TopCallback, key: String, orderId: Int64?, refundId: Int64?) throws -> Int64 {
        try Self.check(callback)
        if try store.outboxExists(idempotencyKey: key) {
            throw OperationError.notAllowed("a callback with key \(key) is already queued; re-fire it from the callbacks view instead")
        }
        return try store.insertOutbox(method: callback.method, orderId: orderId, refundId: refundId, idempotencyKey: key,
                                      params: callback.businessJSON().compactText, now: now)
    }

    static func check(_ callback: TopCallback) throws {
        do { try callback.validate() } catch let e as CallbackValidationError {
            throw OperationError.invalid("\(callback.method) would be refused: \(e.description)")
        }
    }
}

/// Before/after JSON for audit rows, in a fixed key order. Secrets never go in: callers pass masked values.
struct AuditFields {
    private var members: [(String, JSON)] = []
    init() {}
    init(status: Int) { add("status", status) }
    init(status: String) { add("status", status) }

    /// An order as the operator confirmed it: its status and row version (the `before` of an action on it).
    static func order(_ d: OrderDetail) -> AuditFields { AuditFields(status: d.summary.status.rawValue).with("version", d.version) }

    mutating func add(_ key: String, _ value: Int?) { if let value { members.append((key, .int(Int64(value)))) } }
    mutating func add(_ key: String, _ value: String?) { if let value { members.append((key, .string(value))) } }
    mutating func add(_ key: String, _ value: Bool) { members.append((key, .bool(value))) }

    func with(_ key: String, _ value: Int?) -> AuditFields { var c = self; c.add(key, value); return c }
    func with(_ key: String, _ value: String?) -> AuditFields { var c = self; c.add(key, value); return c }

    var text: String { JSON.object(members).compactText }
}
