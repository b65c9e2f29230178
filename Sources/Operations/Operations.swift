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
    public func preview(_ action: OperatorAction) throws -> ActionPreview {
        let ctx = ActionContext(store: store, actor: actor, now: clock(), expectedVersion: nil)
        return try translated { try store.db.read { try plan(action, ctx).preview } }
    }

    /// Executes what `preview` showed. Refused when the row's version moved, or when the same action would
    /// now send something else (e.g. the refund fee tier changed): the operator must look again.
    public func execute(_ action: OperatorAction, confirming shown: ActionPreview,
                        progress: ((Int, Int) -> Void)? = nil) throws -> ActionResult {
        try run(action, version: shown.version, shownLines: shown.lines, progress: progress)
    }

    /// Executes bound to a version only (callers that show their own confirmation, e.g. the Qimen server).
    public func execute(_ action: OperatorAction, expectedVersion: Int, progress: ((Int, Int) -> Void)? = nil) throws -> ActionResult {
        try run(action, version: expectedVersion, shownLines: nil, progress: progress)
    }

    func run(_ action: OperatorAction, version: Int?, shownLines: [String]?, progress: ((Int, Int) -> Void)?) throws -> ActionResult {
        if store.isReadOnly { throw OperationError.notAllowed("the store is open read-only; nothing was changed") }
        try StoreSafety.refuseIfUnsafe(action, store: store, now: clock())
        return try translated {
            try store.db.transaction {
                let ctx = ActionContext(store: store, actor: actor, now: clock(), expectedVersion: version)
                let planned = try plan(action, ctx)
                if let shown = shownLines, shown != planned.preview.lines {
                    let changed = zip(shown, planned.preview.lines).first { $0 != $1 }.map { "now: \($0.1)" } ?? "its details changed"
                    throw OperationError.conflict("\(planned.preview.title): what would be sent changed since you looked (\(changed)); nothing was done — look again")
                }
                return try planned.apply(progress)
            }
        }
    }

    func plan(_ action: OperatorAction, _ ctx: ActionContext) throws -> PlannedAction {
        switch action {
        case .issueTickets(let input): return try IssueTicketsAction.plan(input, ctx)
        case .issueFailed(let order, let reason): return try IssueFailedAction.plan(order: order, reason: reason, ctx)
        case .approveRefund(let id, let fee): return try ApproveRefundAction.plan(refundId: id, feeFen: fee, ctx)
        case .rejectRefund(let id, let code, let reason): return try RejectRefundAction.plan(refundId: id, code: code, reason: reason, ctx)
        case .offlineRefund(let order, let ticket, let amount): return try OfflineRefundAction.plan(order: order, ticket: ticket, amountFen: amount, ctx)
        case .moneyRefund(let order, let amount, let reason): return try MoneyRefundAction.plan(order: order, amountFen: amount, reason: reason, ctx)
        case .stopSchedule(let id, let code, let reason): return try StopScheduleAction.plan(scheduleId: id, reasonCode: code, reason: reason, ctx)
        case .changeSchedule(let id, let price, let departs): return try ChangeScheduleAction.plan(scheduleId: id, priceFen: price, departs: departs, ctx)
        case .retryCallback(let id): return try RetryCallbackAction.plan(id: id, ctx)
        case .setSending(let paused): return try SendingSwitchAction.plan(paused: paused, ctx)
        }
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
        guard !id.isEmpty else { throw OperationError.invalid("an order id (agent order id, e.g. BO0000000012) is required") }
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
