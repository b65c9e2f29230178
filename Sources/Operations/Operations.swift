import Store

/// Operator actions that move money and seats: one code path for the console, the headless CLI and the
/// Qimen server. `preview` reads and describes; `execute` re-plans inside one IMMEDIATE transaction, refuses
/// if the row moved since the preview, and commits the domain change, its audit row and its outbox row
/// together — or nothing.
public final class Operations {
    public let store: Store
    public let actor: Actor
    let clock: () -> Int

    public init(store: Store, actor: Actor, now: @escaping () -> Int) {
        self.store = store
        self.actor = actor
        self.clock = now
    }

    /// Validates the input, reads the current state and describes exactly what would be sent. Writes nothing.
    /// A request carrying the version the operator saw is refused here already if the row moved since.
    public func preview(_ request: ActionRequest) throws -> ActionPreview {
        let unit = try Self.unit(request)
        let ctx = ActionContext(store: store, actor: actor, now: clock(), expectedVersion: request.expectedVersion)
        return try translated { try store.db.read { try unit.plan(request, ctx).preview } }
    }

    /// Executes what `preview` showed, bound to it: refused when the row's version moved, or when the same request
    /// would now send something else (e.g. the refund fee tier changed) — the operator must look again.
    /// `progress` hears "n of N" from long actions; it must not block (the write transaction is open meanwhile).
    public func execute(_ request: ActionRequest, confirming shown: ActionPreview, progress: ((Int, Int) -> Void)? = nil) throws -> ActionResult {
        try run(request, shown: shown, progress: progress)
    }

    /// `shown` nil: unbound (tests of refusals that must come from the input or the row, not from a version).
    func run(_ request: ActionRequest, shown: ActionPreview?, progress: ((Int, Int) -> Void)?) throws -> ActionResult {
        if store.isReadOnly { throw OperationError.notAllowed("the store is open read-only; nothing was changed") }
        let unit = try Self.unit(request)
        try StoreSafety.refuseIfUnsafe(unit, store: store, now: clock())
        return try translated {
            try store.db.transaction {
                let ctx = ActionContext(store: store, actor: actor, now: clock(), expectedVersion: shown?.version)
                let planned = try unit.plan(request, ctx)
                if let shown, let changed = planned.preview.difference(from: shown) {
                    throw OperationError.conflict("\(planned.preview.title): what would be sent changed since you looked (\(changed)); nothing was done — look again")
                }
                return try planned.apply(progress)
            }
        }
    }

    static func unit(_ request: ActionRequest) throws -> ActionUnit {
        guard let unit = ActionUnits.named(request.unit) else { throw OperationError.invalid("no action named \(request.unit)") }
        return unit
    }

    /// Store errors become operator-readable refusals; a lost race on the write lock is a conflict, not a crash.
    func translated<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as StoreError {
            switch e.kind {
            case .busy: throw OperationError.conflict("another process is writing the store; nothing was done — try again")
            case .readOnly where e.message.hasPrefix("the store's filesystem"): throw OperationError.notAllowed(e.message)
            case .readOnly: throw OperationError.notAllowed("the store is read-only; nothing was changed")
            case .vanished, .diskFull, .notAStore: throw OperationError.notAllowed(e.message)
            case .damaged:
                store.recordDamage(e.message, now: clock())
                throw OperationError.notAllowed("\(e.message); nothing was done")
            case .conflict: throw OperationError.conflict("the store refused the change (\(e.message)); nothing was done")
            case .notFound: throw OperationError.notFound(e.message)
            default: throw e
            }
        }
    }
}

extension ActionContext {
    /// An order by its agent order id, with tickets, refunds and callbacks.
    func order(_ agentOrderId: String) throws -> OrderDetail {
        let id = agentOrderId.trimmingSpaces
        guard !id.isEmpty else { throw OperationError.malformed("an order id (agent order id, e.g. BO0000000012) is required") }
        guard let rowId = try store.orderId(agentOrderId: id), let d = try store.orderDetail(id: rowId) else {
            throw OperationError.notFound("order \(id) not found")
        }
        return d
    }

    /// Binds to an order's version; the conflict names the last change to the order or any of its refunds.
    func bind(order d: OrderDetail) throws {
        try bind(entity: "order", id: d.summary.agentOrderId, label: "order \(d.summary.agentOrderId)", version: d.version,
                 auditIds: [d.summary.agentOrderId] + d.refunds.map(\.refundId))
    }
}
