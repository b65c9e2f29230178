import Store

/// Refuses an action whose row moved since the operator opened its form, naming who moved it and the state
/// it is in now. Checked before the preview, so the operator never confirms something they did not see.
enum StaleCheck {
    /// nil when the row is still at the version the operator saw.
    static func problem(_ target: ActionTarget, saw: Int, store: Store) throws -> String? {
        switch target {
        case .refund(let id):
            guard let r = try store.refundRecord(refundId: id) else { return "refund \(id) no longer exists; nothing was done" }
            guard r.version != saw else { return nil }
            let by = try who(store.audit(entityIds: [id]))
            return "refund \(id) changed since you opened it\(by) — now \(r.status.rawValue); nothing was done — look again"
        case .order(let id):
            guard let rowId = try store.orderId(agentOrderId: id), let d = try store.orderDetail(id: rowId) else {
                return "order \(id) no longer exists; nothing was done"
            }
            guard d.version != saw else { return nil }
            let by = try who(store.audit(entityIds: [id] + d.refunds.map(\.refundId)))
            return "order \(id) changed since you opened it\(by) — now \(d.summary.status.rawValue) \(d.summary.status.english); nothing was done — look again"
        case .schedule(let id):
            guard let s = try store.scheduleRow(id) else { return "schedule \(id) no longer exists; nothing was done" }
            guard s.version != saw else { return nil }
            // Sales move a schedule's counters without an audit row: name the last operator change only if there is one.
            let by = try who(store.audit(entityIds: [id]))
            let now = (s.onSale ? "on sale" : "stopped") + ", \(s.seatsSold) sold / \(s.seatsHeld) held / \(s.seatsTotal) seats"
            return "schedule \(id) changed since you looked (sales or another operator\(by.isEmpty ? "" : ";" + by)) — now \(now); nothing was done — look again"
        case .callback(let id):
            guard let c = try store.outboxRecord(id: id) else { return "callback \(id) no longer exists; nothing was done" }
            guard c.updatedAt != saw else { return nil }
            return "callback \(id) changed since you looked — now \(c.state.rawValue) after \(c.attempts) attempt\(c.attempts == 1 ? "" : "s"); nothing was done — look again"
        }
    }

    /// " by alice (ssh:10.0.0.7) at 2026-11-21 10:02:03: refund.approve" from the newest audit row that changed something.
    static func who(_ rows: [AuditRecord]) -> String {
        // Revealing personal data is audited but changes nothing.
        guard let a = rows.last(where: { !$0.action.hasPrefix("reveal.") }) else { return "" }
        return " by \(a.operatorName) (\(a.source)) at \(ChinaTime.second(a.at)): \(a.action)"
    }
}
