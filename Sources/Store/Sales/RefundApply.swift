/// Fliggy's refund fee query and refund apply.
public struct RefundLine: Equatable, Sendable {
    public var passengerId: String
    public var agentTicketId: String
    public var paidFen: Int
    public var refundSurchargeFen: Int
    public var refundAmountFen: Int
    public var ticketStatus: TicketStatus
}

public struct RefundApplyResult: Equatable, Sendable {
    public var status: OrderStatus            // 9 queued for review, 11 refunded at once
    public var lines: [RefundLine]
}

extension Store {
    /// The fee per passenger under the schedule's rule tier at `now`. Refused when the tier forbids refunds.
    public func refundQuote(_ ref: OrderRef, passengerIds: [String]?, now: Int) throws -> [RefundLine] {
        let o = try resolve(ref)
        guard let d = try orderDetail(id: o.id) else { throw SalesError.orderNotFound(o.agentId) }
        return try quoteLines(d, passengerIds: passengerIds, now: now)
    }

    func quoteLines(_ d: OrderDetail, passengerIds: [String]?, now: Int) throws -> [RefundLine] {
        if let ids = passengerIds, let bad = ids.first(where: { !PersonalData.isValidPassengerId($0) }) {
            throw SalesError.invalid("passengerId '\(bad)' must be digits only")
        }
        let wanted = passengerIds.map(Set.init)
        let tickets = d.tickets.filter { wanted == nil || wanted!.contains($0.passengerId) }
        if let w = wanted, tickets.count != w.count { throw SalesError.invalid("unknown passengerId for order \(d.summary.agentOrderId)") }
        let rules = try refundRules(scheduleId: d.scheduleId)
        return try tickets.map { t in
            let paid = t.priceFen + t.serviceFeeFen
            let q = RefundPolicy.quote(paidFen: paid, rules: rules, departsAt: d.summary.departsAt, now: now)
            guard let fee = q.feeFen else {
                throw SalesError.refundNotAllowed("refunds are not allowed \(d.summary.departsAt > now ? "this close to departure" : "after departure")")
            }
            return RefundLine(passengerId: t.passengerId, agentTicketId: t.agentTicketId, paidFen: paid, refundSurchargeFen: fee,
                              refundAmountFen: paid - fee, ticketStatus: t.status)
        }
    }

    /// Fliggy asks to refund. `autoConfirm`: refunded at once within the rules (status 11); otherwise queued as a
    /// pending refund for an operator (status 9). Per order or per ticket as the schedule's refund mode says.
    /// A retry (tickets already refunding or refunded) answers the current state and writes nothing.
    public func applyRefund(_ ref: OrderRef, passengerIds: [String]?, reason: String?, autoConfirm: Bool, now: Int) throws -> RefundApplyResult {
        try db.transaction {
            let o = try resolve(ref)
            guard var d = try orderDetail(id: o.id) else { throw SalesError.orderNotFound(o.agentId) }
            let ids = d.isOrderRefund ? nil : passengerIds
            let chosen = d.tickets.filter { ids == nil || ids!.contains($0.passengerId) }
            if !chosen.isEmpty && chosen.allSatisfy({ [.refunding, .refunded].contains($0.status) }) {
                return RefundApplyResult(status: d.summary.status, lines: try currentLines(d, chosen))
            }
            guard [.issued, .refunding].contains(d.summary.status) else {
                throw SalesError.orderStateInvalid("order \(o.agentId) is \(d.summary.status.english); only issued orders can be refunded")
            }
            if let bad = chosen.first(where: { $0.status != .issued }) {
                throw SalesError.refundNotAllowed("ticket \(bad.agentTicketId) is \(bad.status.english)")
            }
            let lines = try quoteLines(d, passengerIds: ids ?? chosen.map(\.passengerId), now: now)
            let groups: [[RefundLine]] = d.isOrderRefund ? [lines] : lines.map { [$0] }
            var nextId = Int(try db.scalarInt("SELECT coalesce(max(id), 0) FROM refunds") ?? 0)
            for g in groups {
                nextId += 1
                let paid = g.reduce(0) { $0 + $1.paidFen }, fee = g.reduce(0) { $0 + $1.refundSurchargeFen }
                let ticketId = d.isOrderRefund ? nil : chosen.first { $0.agentTicketId == g[0].agentTicketId }?.id
                try db.run("""
                    INSERT INTO refunds (id, refund_id, order_id, ticket_id, source, scene, reason, paid_fen, fee_fen, amount_fen, status,
                      idempotency_key, requested_at, decided_at, decided_by)
                    VALUES (?, ?, ?, ?, 'online', 'common', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, args: [.of(nextId), .text("RF" + Store.pad(nextId, 8)), .int(o.id), ticketId.map { .int($0) } ?? .null, .of(reason),
                                .of(paid), .of(autoConfirm ? fee : 0), .of(autoConfirm ? paid - fee : 0), .text(autoConfirm ? "done" : "pending"),
                                .text("RT" + Store.pad(nextId, 10)), .of(now), .of(autoConfirm ? now : nil), .of(autoConfirm ? "auto" : nil)])
            }
            let ticketIds = chosen.map { String($0.id) }.joined(separator: ",")
            try db.run("UPDATE tickets SET status = \(autoConfirm ? 5 : 4), version = version + 1 WHERE id IN (\(ticketIds))")
            if autoConfirm {
                try db.run("UPDATE schedules SET seats_sold = seats_sold - ?, version = version + 1 WHERE schedule_id = ?", .of(chosen.count), .text(d.scheduleId))
            }
            let remaining = Int(try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status IN (2, 4)", .int(o.id)) ?? 0)
            let anyPending = Int(try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status = 4", .int(o.id)) ?? 0) > 0
            let status: OrderStatus = anyPending ? .refunding : (remaining == 0 ? .refunded : .issued)
            try db.run("UPDATE orders SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?", .of(status.rawValue), .of(now), .int(o.id))
            try insertAudit(operatorName: "fliggy", source: "qimen", action: autoConfirm ? "refund.apply.auto" : "refund.apply",
                            entity: "order", entityId: o.agentId, before: "{\"status\":\(d.summary.status.rawValue)}",
                            after: "{\"status\":\(status.rawValue),\"tickets\":\(chosen.count)}", at: now)
            d = try orderDetail(id: o.id)!
            return RefundApplyResult(status: status, lines: try currentLines(d, chosen))
        }
    }

    func currentLines(_ d: OrderDetail, _ chosen: [TicketRecord]) throws -> [RefundLine] {
        chosen.map { t in
            let now = d.tickets.first { $0.id == t.id } ?? t
            let r = d.refunds.last { $0.ticketId == t.id || $0.ticketId == nil }
            let paid = t.priceFen + t.serviceFeeFen
            let share = d.tickets.count > 0 && r?.ticketId == nil ? max(1, chosenCount(d, r)) : 1
            let fee = (r?.feeFen ?? 0) / share
            return RefundLine(passengerId: t.passengerId, agentTicketId: t.agentTicketId, paidFen: paid, refundSurchargeFen: fee,
                              refundAmountFen: r.map { $0.status == .pending ? paid - fee : paid - fee } ?? 0, ticketStatus: now.status)
        }
    }

    private func chosenCount(_ d: OrderDetail, _ r: RefundRecord?) -> Int {
        d.tickets.filter { [.refunding, .refunded].contains($0.status) }.count
    }
}
