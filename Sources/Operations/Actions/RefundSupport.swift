import Store

extension ActionContext {
    /// A refund by its public id (RF...) with the order it belongs to.
    func refund(_ refundId: String) throws -> (RefundRecord, OrderDetail) {
        let id = refundId.trimmingSpaces
        guard !id.isEmpty else { throw OperationError.malformed("a refund id (e.g. RF00000012) is required") }
        guard let r = try store.refundRecord(refundId: id), let d = try store.orderDetail(id: r.orderId) else {
            throw OperationError.notFound("refund \(id) not found")
        }
        return (r, d)
    }

    func bind(refund r: RefundRecord) throws {
        try bind(entity: "refund", id: r.refundId, label: "refund \(r.refundId)", version: r.version)
    }

    /// Only a pending refund can be decided; otherwise say who decided it and how.
    func requirePending(_ r: RefundRecord) throws {
        guard r.status != .pending else { return }
        let by = r.decidedBy.map { " by \($0)" } ?? ""
        let at = r.decidedAt.map { " at \(ChinaTime.second($0))" } ?? ""
        throw OperationError.notAllowed("refund \(r.refundId) is already \(r.status.rawValue)\(by)\(at); only pending refunds can be decided")
    }
}

enum RefundSupport {
    /// The tickets a refund row covers: its ticket when per ticket; otherwise the order's tickets being refunded
    /// (or, for an order-level request whose tickets were never marked, every ticket still on a seat).
    static func covered(_ r: RefundRecord, _ d: OrderDetail) -> [TicketRecord] {
        if let tid = r.ticketId { return d.tickets.filter { $0.id == tid } }
        let refunding = d.tickets.filter { $0.status == .refunding }
        if !refunding.isEmpty { return refunding }
        return d.tickets.filter { SeatAccounting.soldTicketStatuses.contains($0.status) }
    }

    static func mode(_ r: RefundRecord) -> String { r.ticketId == nil ? "per order" : "per ticket" }

    /// Approve and reject start from a pending refund selected in the Refunds view.
    static func refusePending(_ row: ActionRow, _ now: Int) -> String? {
        guard case .refund = row else { return "select a pending refund in the Refunds view first" }
        return nil
    }
}
