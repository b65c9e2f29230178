import Store
import TOP

/// A refund the passenger already got at the station: a new refund row (source offline, approved), the
/// tickets → 5 with is_offline_refund = 1 (Fliggy's isRefund), seats back on sale, and refund.confirm with
/// agent_return_mode offline. The station keeps paid − amount as its fee.
enum OfflineRefundAction {
    static let unit = ActionUnit(
        id: "refund.offline", subject: .order,
        summary: "Record a refund made at the station (whole order, or one ticket). Queues refund.confirm with mode offline.",
        fields: [ActionField("amount", "Amount (yuan)", .money, required: true, help: "what the passenger got back"),
                 ActionField("ticket", "Ticket id", help: "only this ticket (agent ticket id); all three blank: whole order"),
                 ActionField("cert", "Certificate no", help: "only the ticket of this certificate number"),
                 ActionField("passenger", "Passenger id", help: "only the ticket of this passenger id")],
        title: { row in guard case .order(let d) = row else { return "Record offline refund for order" }
                 return "Record offline refund for order \(d.summary.agentOrderId)" },
        defaults: { row in
            // Prefilled with what the refundable tickets cost (a full refund).
            guard case .order(let d) = row else { return [:] }
            let refundable: Set<TicketStatus> = [.issued, .refundFailed, .unknown]
            return ["amount": Money.yuan(d.tickets.filter { refundable.contains($0.status) }.reduce(0) { $0 + $1.priceFen + $1.serviceFeeFen })]
        },
        refusal: { row, _ in
            guard case .order(let d) = row else { return "open an order first (Enter on a row)" }
            guard ![.issued, .refunding].contains(d.summary.status) else { return nil }
            return "order \(d.summary.agentOrderId) is \(d.summary.status.described); only issued tickets can be refunded at the station"
        },
        plan: { r, ctx in
            let refs = [r.text("ticket").map(TicketRef.agentTicketId), r.text("cert").map(TicketRef.certNo),
                        r.text("passenger").map(TicketRef.passengerId)].compactMap { $0 }
            guard refs.count <= 1 else { throw OperationError.malformed("name the ticket once: ticket id, certificate number or passenger id") }
            return try plan(order: r.subject, ticket: refs.first, amountFen: try r.requiredInt("amount", "amount (fen)"), ctx)
        })

    /// Tickets that can still be refunded at the station: on a seat and not inside an online refund.
    static let refundable: Set<TicketStatus> = [.issued, .refundFailed, .unknown]

    static func plan(order: String, ticket ref: TicketRef?, amountFen: Int, _ ctx: ActionContext) throws -> PlannedAction {
        let wanted = try ref.map(clean)
        _ = try InputValidation.fen(amountFen)
        let d = try ctx.order(order)
        try ctx.bind(order: d)
        guard [.issued, .refunding].contains(d.summary.status) else {
            throw OperationError.notAllowed("order \(d.summary.agentOrderId) is \(d.summary.status.english); only issued tickets can be refunded at the station")
        }
        let tickets: [TicketRecord]
        if let wanted {
            guard let t = d.tickets.first(where: { matches($0, wanted) }) else {
                throw OperationError.notFound("order \(d.summary.agentOrderId) has no ticket \(describe(wanted))")
            }
            guard refundable.contains(t.status) else {
                throw OperationError.notAllowed("ticket \(t.agentTicketId) is \(t.status.english); it cannot be refunded at the station")
            }
            tickets = [t]
        } else {
            if let pending = d.refunds.first(where: { $0.status == .pending }) {
                throw OperationError.notAllowed("order \(d.summary.agentOrderId) has a pending online refund \(pending.refundId); decide it first or name the ticket")
            }
            tickets = d.tickets.filter { refundable.contains($0.status) }
            guard !tickets.isEmpty else { throw OperationError.notAllowed("order \(d.summary.agentOrderId) has no ticket left to refund") }
        }
        let paid = tickets.reduce(0) { $0 + $1.priceFen + $1.serviceFeeFen }
        // The one refund rule (RefundCeiling, issue 12): an earlier money-only refund leaves less to give back.
        let amount = try RefundCeiling.of(d, ctx).check(amountFen, on: tickets)
        let ticket = ref == nil ? nil : tickets.first
        let freed = SeatAccounting.soldSeats(tickets, orderStatus: d.summary.status)
        // The refund row's key is only known once it is inserted; the preview shows the callback with a placeholder.
        func callback(_ key: String) -> RefundConfirm {
            CallbackFactory.refundConfirm(d, ticket: ticket, transId: key, approved: true, amountFen: amount, mode: .offline, now: ctx.now)
        }
        let sample = callback("RT(new)")
        try ActionContext.check(sample)
        let lines = ["refunded at the station \(ticket == nil ? "per order" : "per ticket"): " + CallbackFactory.names(tickets),
                     "paid \(Money.yuan(paid)) yuan, refunded \(Money.yuan(amount)) yuan, station fee \(Money.yuan(paid - amount)) yuan",
                     "tickets → 5 refunded (offline), \(Plural.count(freed, "seat")) back on sale"]
        let preview = ActionPreview(title: "Record offline refund for order \(d.summary.agentOrderId)", order: d, lines: lines,
                                    sending: sample, saying: "status 1, mode offline, amount \(Money.yuanText(amount)) yuan")
        return PlannedAction(preview: preview) { _ in
            let keys = try ctx.store.insertRefund(RefundTerms(orderId: d.summary.id, ticketId: ticket?.id, source: .offline, scene: .common,
                                                            reasonCode: nil, reason: "refunded at the station", paidFen: paid,
                                                            feeFen: paid - amount, amountFen: amount), decidedBy: ctx.actor.operatorName,
                                                  now: ctx.now)
            try ctx.store.setTicketStatus(tickets.map(\.id), to: .refunded, offline: true)
            try ctx.store.releaseSoldSeats(scheduleId: d.scheduleId, count: freed)
            let status = try ctx.store.settledOrderStatus(orderId: d.summary.id)
            try ctx.store.setOrderStatus(orderId: d.summary.id, to: status, now: ctx.now)
            let cb = try ctx.enqueue(callback(keys.idempotencyKey), key: keys.idempotencyKey, orderId: d.summary.id, refundId: keys.id)
            try ctx.audit("refund.offline", entity: "order", id: d.summary.agentOrderId,
                          before: .order(d),
                          after: AuditFields(status: status.rawValue).with("refund", keys.refundId).with("tickets", tickets.map(\.agentTicketId).joined(separator: ","))
                              .with("amount_fen", amount).with("callback", keys.idempotencyKey))
            return ActionResult(summary: "offline refund \(keys.refundId) recorded for order \(d.summary.agentOrderId), \(Money.yuan(amount)) yuan, refund.confirm queued",
                                callbackIds: [cb])
        }
    }

    static func clean(_ ref: TicketRef) throws -> TicketRef {
        switch ref {
        case .agentTicketId(let id): return .agentTicketId(try InputValidation.code(id, field: "ticket id"))
        case .certNo(let c): return .certNo(try InputValidation.certificate(c))
        case .passengerId(let p): return .passengerId(try InputValidation.passengerId(p))
        }
    }

    static func matches(_ t: TicketRecord, _ ref: TicketRef) -> Bool {
        switch ref {
        case .agentTicketId(let id): return t.agentTicketId == id
        case .certNo(let c): return t.certNo.uppercased() == c
        case .passengerId(let p): return t.passengerId == p
        }
    }

    static func describe(_ ref: TicketRef) -> String {
        switch ref {
        case .agentTicketId(let id): return id
        case .certNo: return "for that certificate number"
        case .passengerId(let p): return "for passenger \(p)"
        }
    }
}

extension ActionRequest {
    public static func offlineRefund(agentOrderId: String, ticket: TicketRef?, amountFen: Int) -> ActionRequest {
        let request = ActionRequest(unit: OfflineRefundAction.unit.id, subject: agentOrderId).with("amount", String(amountFen))
        switch ticket {
        case .agentTicketId(let t)?: return request.with("ticket", t)
        case .certNo(let c)?: return request.with("cert", c)
        case .passengerId(let p)?: return request.with("passenger", p)
        case nil: return request
        }
    }
}
