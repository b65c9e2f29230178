/// Fliggy's refund fee query (63224) and refund apply (63225), docs/PROTOCOL.md (Qimen).
public struct RefundLine: Equatable, Sendable {
    public var ticket: TicketRecord
    public var paidFen: Int
    public var refundSurchargeFen: Int
    public var refundAmountFen: Int
    /// False in a no-refund tier (or after departure): the fee is then the whole fare and 63225 refuses.
    public var refundable: Bool
}

/// One entry of 63225's `passengerList`: the ticket is found by `ticketId`, else `passengerId`, else certificate number.
public struct RefundPick: Equatable, Sendable {
    public var ticketId: String?, passengerId: String?, certNo: String?
    /// `refundSurcharge`, fen: the fee Fliggy showed the buyer; the fee kept is never above it.
    public var surchargeFen: Int?
    public init(ticketId: String? = nil, passengerId: String? = nil, certNo: String? = nil, surchargeFen: Int? = nil) {
        self.ticketId = ticketId; self.passengerId = passengerId; self.certNo = certNo; self.surchargeFen = surchargeFen
    }
}

public struct RefundApplyResult: Equatable, Sendable {
    public var status: OrderStatus            // 9 queued for review, 11 all refunded, 3 others still on board
    public var tickets: [TicketRecord]        // the listed tickets, as they are now
    /// True when every listed ticket was already refunding or refunded: a retry, nothing written.
    public var replayed: Bool
}

extension Store {
    /// The fee per ticket under the schedule's rule tier at `now` (docs/PROTOCOL.md 63224: every ticket, a refunded or
    /// unrefundable one included; a no-refund tier quotes the whole fare). `passengerIds` narrows the list.
    public func refundQuote(_ ref: OrderRef, passengerIds: [String]?, now: Int) throws -> [RefundLine] {
        let o = try resolve(ref)
        guard let d = try orderDetail(id: o.id) else { throw SalesError.orderNotFound(o.agentId) }
        var tickets = d.tickets
        if let ids = passengerIds {
            tickets = tickets.filter { ids.contains($0.passengerId) }
            if tickets.isEmpty { throw SalesError.invalid("no passenger \(ids.joined(separator: ",")) on order \(d.summary.agentOrderId)") }
        }
        return try quoteLines(d, tickets, now: now)
    }

    func quoteLines(_ d: OrderDetail, _ tickets: [TicketRecord], now: Int) throws -> [RefundLine] {
        let rules = try refundRules(scheduleId: d.scheduleId)
        return tickets.map { t in
            let paid = t.priceFen + t.serviceFeeFen
            let q = RefundPolicy.quote(paidFen: paid, rules: rules, departsAt: d.summary.departsAt, now: now)
            let fee = q.feeFen ?? paid
            return RefundLine(ticket: t, paidFen: paid, refundSurchargeFen: fee, refundAmountFen: paid - fee, refundable: q.feeFen != nil)
        }
    }

    /// Fliggy asks to refund exactly the tickets `picks` name, all or none (docs/PROTOCOL.md 63225 decisions).
    /// `autoConfirm`: refunded at once within the rules (tickets 5); otherwise queued for an operator (tickets 4).
    /// Per order or per ticket as the schedule's refund mode says: a per-order schedule refuses a list that leaves a
    /// ticket out. A retry naming only tickets already refunding or refunded answers their state and writes nothing;
    /// a later request may refund the others.
    public func applyRefund(_ ref: OrderRef, picks: [RefundPick], reason: String?, autoConfirm: Bool, now: Int) throws -> RefundApplyResult {
        try db.transaction {
            let o = try resolve(ref)
            guard let d = try orderDetail(id: o.id) else { throw SalesError.orderNotFound(o.agentId) }
            guard !picks.isEmpty else { throw SalesError.invalid("passengerList must name the tickets to refund") }
            var chosen: [(TicketRecord, Int?)] = []
            for (k, pick) in picks.enumerated() {
                guard let t = match(pick, in: d.tickets) else {
                    throw SalesError.invalid("passengerList[\(k)] matches no ticket of order \(d.summary.agentOrderId); nothing was refunded")
                }
                guard !chosen.contains(where: { $0.0.id == t.id }) else {
                    throw SalesError.invalid("passengerList[\(k)] names ticket \(t.agentTicketId) twice")
                }
                chosen.append((t, pick.surchargeFen))
            }
            let done: Set<TicketStatus> = [.refunding, .refunded]
            if chosen.allSatisfy({ done.contains($0.0.status) }) {
                return RefundApplyResult(status: d.summary.status, tickets: chosen.map(\.0), replayed: true)
            }
            guard [.issued, .refunding].contains(d.summary.status) else {
                throw SalesError.orderStateInvalid("order \(o.agentId) is \(d.summary.status.english); only issued orders can be refunded")
            }
            if let bad = chosen.first(where: { $0.0.status != .issued && !done.contains($0.0.status) }) {
                throw SalesError.refundNotAllowed("ticket \(bad.0.agentTicketId) is \(bad.0.status.english)")
            }
            let chosenIds = Set(chosen.map(\.0.id))
            if d.isOrderRefund, let left = d.tickets.first(where: { $0.status == .issued && !chosenIds.contains($0.id) }) {
                throw SalesError.refundNotAllowed("schedule \(d.scheduleId) refunds per order: the list must name every ticket "
                                                  + "(ticket \(left.agentTicketId) is missing); nothing was refunded")
            }
            let fresh = chosen.filter { $0.0.status == .issued }
            let lines = try quoteLines(d, fresh.map(\.0), now: now)
            if lines.contains(where: { !$0.refundable }) {
                throw SalesError.refundNotAllowed("refunds are not allowed \(d.summary.departsAt > now ? "this close to departure" : "after departure")")
            }
            // The fee kept is the lower of the tier's and what Fliggy showed the buyer.
            let fees = zip(lines, fresh).map { line, pick in min(line.refundSurchargeFen, pick.1 ?? line.refundSurchargeFen) }
            let caps = fresh.map(\.1)
            let groups: [[Int]] = d.isOrderRefund ? [Array(lines.indices)] : lines.indices.map { [$0] }
            var nextId = Int(try db.scalarInt("SELECT coalesce(max(id), 0) FROM refunds") ?? 0)
            for g in groups {
                nextId += 1
                let paid = g.reduce(0) { $0 + lines[$1].paidFen }, fee = g.reduce(0) { $0 + fees[$1] }
                let cap: Int? = g.allSatisfy { caps[$0] != nil } ? g.reduce(0) { $0 + caps[$1]! } : nil
                let ticketId: Int64? = d.isOrderRefund ? nil : lines[g[0]].ticket.id
                try db.run("""
                    INSERT INTO refunds (id, refund_id, order_id, ticket_id, source, scene, reason, paid_fen, fee_fen, amount_fen, status,
                      idempotency_key, requested_at, decided_at, decided_by, fee_cap_fen)
                    VALUES (?, ?, ?, ?, 'online', 'common', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, args: [.of(nextId), .text("RF" + Digits.pad(nextId, 8)), .int(o.id), ticketId.map { .int($0) } ?? .null, .of(reason),
                                .of(paid), .of(autoConfirm ? fee : 0), .of(autoConfirm ? paid - fee : 0), .text(autoConfirm ? "done" : "pending"),
                                .text("RT" + Digits.pad(nextId, 10)), .of(now), .of(autoConfirm ? now : nil), .of(autoConfirm ? "auto" : nil),
                                .of(cap)])
            }
            let ticketIds = fresh.map { String($0.0.id) }.joined(separator: ",")
            try db.run("UPDATE tickets SET status = \(autoConfirm ? 5 : 4), version = version + 1 WHERE id IN (\(ticketIds))")
            if autoConfirm {
                try db.run("UPDATE schedules SET seats_sold = seats_sold - ?, version = version + 1 WHERE schedule_id = ?", .of(fresh.count), .text(d.scheduleId))
            }
            let remaining = Int(try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status IN (2, 4)", .int(o.id)) ?? 0)
            let anyPending = Int(try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status = 4", .int(o.id)) ?? 0) > 0
            let status: OrderStatus = anyPending ? .refunding : (remaining == 0 ? .refunded : .issued)
            try db.run("UPDATE orders SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?", .of(status.rawValue), .of(now), .int(o.id))
            try insertAudit(operatorName: "fliggy", source: "qimen", action: autoConfirm ? "refund.apply.auto" : "refund.apply",
                            entity: "order", entityId: o.agentId, before: JSON.status(d.summary.status.rawValue),
                            after: JSON.object([("status", .int(Int64(status.rawValue))), ("tickets", .int(Int64(fresh.count)))]).compactText, at: now)
            let after = try orderDetail(id: o.id)?.tickets ?? []
            return RefundApplyResult(status: status, tickets: chosen.map { c in after.first { $0.id == c.0.id } ?? c.0 }, replayed: false)
        }
    }

    /// `ticketId`, else `passengerId`, else certificate number (docs/PROTOCOL.md 63225 decisions).
    func match(_ pick: RefundPick, in tickets: [TicketRecord]) -> TicketRecord? {
        if let id = pick.ticketId { return tickets.first { $0.agentTicketId == id } }
        if let id = pick.passengerId { return tickets.first { $0.passengerId == id } }
        if let cert = pick.certNo { return tickets.first { $0.certNo.uppercased() == cert.uppercased() } }
        return nil
    }

    /// The fee ceiling Fliggy showed the buyer for a refund it asked for (63225 `refundSurcharge`), if any.
    public func refundFeeCap(refundRowId: Int64) throws -> Int? {
        try db.scalarInt("SELECT fee_cap_fen FROM refunds WHERE id = ?", .int(refundRowId)).map(Int.init)
    }
}
