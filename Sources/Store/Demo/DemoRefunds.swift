/// The refund and callback history of a demo order: refunds in every state, outbox rows in every state.
struct RefundContext {
    let orderId: Int
    let agentId: String
    let fliggyId: String
    let departs: Int
    let created: Int
    let unitPaid: Int
    let seats: Int
    let rules: [RefundRule]
    let perOrder: Bool
    let people: [DemoPeople.Person]
    let ticketIds: [Int64]
}

extension DemoWriter {
    mutating func refunds(_ c: RefundContext, status: OrderStatus, stopped: Bool, plans: inout [TicketPlan],
                          rng: inout DemoRandom) throws {
        let requested = min(now - 60 - rng.int(3600), max(c.created + 300, c.departs - 3 * 3600 - rng.int(86400)))
        switch status {
        case .refunding:
            // Pending: the buyer asked on Fliggy, the operator has not decided yet.
            if c.perOrder {
                try refund(c, ticket: nil, paid: c.unitPaid * c.seats, source: "online", scene: "common", status: .pending, requested: requested)
            } else {
                for k in 0..<c.seats {
                    try refund(c, ticket: k, paid: c.unitPaid, source: "online", scene: "common", status: .pending, requested: requested)
                }
            }
        case .refunded:
            if stopped {
                try refund(c, ticket: nil, paid: c.unitPaid * c.seats, source: "merchant", scene: "force", status: .done,
                           requested: requested, reasonCode: 1, reason: "天气原因：台风预警")
            } else {
                let r = rng.int(100)
                // The newest orders (the status cycle) always include an approved refund whose callback is still
                // pending, so even a small store shows one (and the dispatcher tests have one to send).
                let state: RefundStatus = newestOrder ? .approved : (r < 80 ? .done : (r < 90 ? .approved : .failed))
                try refund(c, ticket: nil, paid: c.unitPaid * c.seats, source: "online", scene: "common", status: state, requested: requested)
            }
        case .issued:
            if plans.last?.status == .refundFailed {
                try refund(c, ticket: c.seats - 1, paid: c.unitPaid, source: "online", scene: "common", status: .rejected,
                           requested: requested, resultCode: "1905", reason: "已检票，无法退票")
            } else if plans.last?.offline == true {
                try refund(c, ticket: c.seats - 1, paid: c.unitPaid, source: "offline", scene: "common", status: .done, requested: requested)
            } else if rng.chance(4) {
                try refund(c, ticket: nil, paid: c.unitPaid * c.seats, source: "money_only", scene: "common", status: .done,
                           requested: requested, reason: "车辆晚点补偿", fixedAmount: min(1000, c.unitPaid))
            } else if rng.chance(3) {
                try refund(c, ticket: nil, paid: c.unitPaid * c.seats, source: "online", scene: "common", status: .rejected,
                           requested: requested, resultCode: "1901", reason: "发车前3小时内不可退票")
            }
        default:
            break
        }
    }

    mutating func refund(_ c: RefundContext, ticket: Int?, paid: Int, source: String, scene: String, status: RefundStatus,
                         requested: Int, reasonCode: Int? = nil, resultCode: String? = nil, reason: String? = nil,
                         fixedAmount: Int? = nil) throws {
        refundSeq += 1
        let id = refundSeq
        let decided = status == .pending ? nil : min(now, requested + 600)
        let quote = RefundPolicy.quote(paidFen: paid, rules: c.rules, departsAt: c.departs, now: requested)
        let fee = scene == "force" || status == .pending || status == .rejected || fixedAmount != nil ? 0 : (quote.feeFen ?? 0)
        let amount = status == .pending || status == .rejected ? 0 : (fixedAmount ?? paid - fee)
        let key = (source == "money_only" ? "MR" : "RT") + Digits.pad(Int(id), 10)
        try emit(.refund, [
            .int(id), .text("RF" + Digits.pad(Int(id), 8)), .of(c.orderId), ticket.map { .int(c.ticketIds[$0]) } ?? .null,
            .text(source), .text(scene), .of(reasonCode), .of(reason), .of(paid), .of(fee), .of(amount), .text(status.rawValue),
            .text(key), .of(resultCode), .of(requested), .of(decided), .of(decided == nil ? nil : (source == "merchant" ? "dispatch" : "demo")),
            .of(c.departs)])
        guard status != .pending else { return }
        let outboxState: OutboxState = status == .approved ? .pending : (status == .failed ? .failed : .sent)
        let method: String, params: String
        if source == "money_only" {
            method = "taobao.bus.agent.multiple.refund.confirm"
            // The published object (docs/PROTOCOL.md (TOP callbacks), multiple.refund.confirm), as MoneyRefundAction builds it: the
            // required per-ticket list splits the amount over the order's equal tickets, the odd fen to the first.
            var details: [String] = []
            for k in 0..<c.seats {
                let share = amount / c.seats + (k < amount % c.seats ? 1 : 0)
                guard share > 0 else { continue }
                details.append(JSONText.object([("agent_ticket_id", JSONText.quote("TK" + Digits.pad(Int(c.ticketIds[k]), 10))),
                                                ("passenger_id_num", JSONText.quote(c.people[k].certNo)),
                                                ("refund_amount", String(share)), ("service_charge_refund_amount", "0")]))
            }
            params = JSONText.object([("agent_order_id", JSONText.quote(c.agentId)), ("agent_refund_reason", JSONText.quote(reason ?? "")),
                                      ("agent_refund_trans_no", JSONText.quote(key)), ("main_biz_order_id", c.fliggyId),
                                      ("refund_ticket_detail_list", "[" + details.joined(separator: ",") + "]"),
                                      ("total_refund_amount", String(amount)), ("total_service_charge_refund_amount", "0"),
                                      ("refund_scene", JSONText.quote(scene))])
        } else {
            method = "taobao.bus.agent.refund.confirm"
            var pairs: [(String, String)] = [("agent_order_id", JSONText.quote(c.agentId)), ("main_biz_order_id", c.fliggyId),
                                             ("agent_return_ticket_status", status == .rejected ? "2" : "1"),
                                             ("agent_return_ticket_type", ticket == nil ? "1" : "0")]
            if status == .rejected { pairs.append(("agent_return_ticket_code", resultCode ?? "1905")) }
            else { pairs.append(("agent_refund_amount", JSONText.quote(Money.yuanText(amount)))) }
            pairs.append(("agent_refund_trans_id", JSONText.quote(key)))
            if let t = ticket {
                pairs.append(("agent_ticket_id", JSONText.quote("TK" + Digits.pad(Int(c.ticketIds[t]), 10))))
                pairs.append(("passenger_id_num", JSONText.quote(c.people[t].certNo)))
                pairs.append(("passenger_name", JSONText.quote(c.people[t].name)))
            }
            pairs.append(("agent_return_mode", JSONText.quote(source == "offline" ? "offline" : "online")))
            pairs.append(("refund_scene", JSONText.quote(scene)))
            if let rc = reasonCode { pairs.append(("refund_scene_official_reason_code", JSONText.quote(String(rc)))) }
            params = JSONText.object(pairs)
        }
        let outboxId = try outbox(method: method, orderId: c.orderId, refundId: id, key: key, params: params, state: outboxState,
                                  at: decided ?? now)
        try emit(.audit, [.of(decided ?? now), .text(source == "merchant" ? "dispatch" : "demo"), .text("demo"),
                                        .text(status == .rejected ? "refund.reject" : "refund.approve"), .text("refund"),
                                        .text("RF" + Digits.pad(Int(id), 8)), .text(JSONText.object([("status", JSONText.quote("pending"))])),
                                        .text(JSONText.object([("status", JSONText.quote(status.rawValue)), ("fee_fen", String(fee)), ("amount_fen", String(amount))]))])
        // The dispatcher's send follows the decision; it moved an approved refund on (a rejection stays as it was).
        try attempt(outboxId, method: method, state: outboxState, entity: ("refund", "RF" + Digits.pad(Int(id), 8)), at: decided ?? now,
                    refund: status == .rejected ? nil : status)
    }

    mutating func bookTicketCallback(_ c: RefundContext, fetchNo: String?, gate: String?, issuedAt: Int, pending: Bool) throws {
        let success = !pending
        // The published object (docs/PROTOCOL.md (TOP callbacks), bookticket.confirm): bus_inner_order_id is always sent.
        var pairs: [(String, String)] = [("agent_order_id", JSONText.quote(c.agentId)), ("bus_inner_order_id", JSONText.quote(c.fliggyId)),
                                         ("success", success ? "true" : "false"),
                                         ("ticket_count", String(c.seats)), ("total_price", String(c.unitPaid * c.seats))]
        if let f = fetchNo { pairs.append(("fetch_tickets_number", JSONText.quote(f))) }
        if let g = gate { pairs.append(("ticket_wicket", JSONText.quote(g))) }
        // Awaiting-ticket orders have nothing queued yet; only issued ones carry a bookticket row.
        guard !pending else { return }
        let r = orderStmtCounter(c.orderId)
        // The newest issued orders' callbacks were refused (dead-lettered), so every store, made at any minute, has
        // failed callbacks to re-fire and orders showing "Fliggy not told"; the draw alone left one at some minutes.
        let state: OutboxState = newestOrder ? .failed : (r < 85 ? .sent : (r < 93 ? .pending : .failed))
        let method = "taobao.bus.agent.bookticket.confirm"
        let id = try outbox(method: method, orderId: c.orderId, refundId: nil, key: "BK-" + c.agentId, params: JSONText.object(pairs),
                            state: state, at: issuedAt)
        try attempt(id, method: method, state: state, entity: ("order", c.agentId), at: issuedAt, refund: nil)
    }

    func orderStmtCounter(_ orderId: Int) -> Int { orderId * 31 % 100 }

    /// Answers the row's id. A sent or failed row was tried once (`attempt` writes that try); a pending one not yet.
    mutating func outbox(method: String, orderId: Int, refundId: Int64?, key: String, params: String, state: OutboxState,
                         at: Int) throws -> Int64 {
        let failed = state == .failed
        outboxSeq += 1
        try emit(.outbox, [
            .int(outboxSeq), .text(method), .of(orderId), refundId.map { .int($0) } ?? .null, .text(key), .text(params), .text(state.rawValue),
            .of(state == .pending ? 0 : 1), .of(state == .pending ? now : at),
            .of(state == .pending ? nil : 200), .of(failed ? Refused.code : (state == .sent ? "SUCCESS" : nil)),
            .of(failed ? Refused.subCode : nil), .of(failed ? Refused.message : nil), .of(at), .of(at)])
        return outboxSeq
    }

    /// The audit row the dispatcher writes for each try (Store's `recordOutcome`), which the callback detail lists:
    /// one for a sent or failed row, with the answer the row records; none for a pending row (0 tries).
    func attempt(_ outboxId: Int64, method: String, state: OutboxState, entity: (String, String), at: Int,
                 refund: RefundStatus?) throws {
        guard state == .sent || state == .failed else { return }
        let failed = state == .failed
        let answer = failed ? OutboxAttempt(httpStatus: 200, code: Refused.code, subCode: Refused.subCode, message: Refused.message)
                            : OutboxAttempt(httpStatus: 200, code: "SUCCESS")
        let audit = Store.attemptAudit(outboxId: outboxId, method: method, state: state, attempts: 1, attempt: answer,
                                       nextAttemptAt: nil, refund: refund?.rawValue)
        try emit(.audit, [.of(at), .text("dispatcher"), .text(DemoWriter.dispatcherId), .text(failed ? "callback.failed" : "callback.sent"),
                          .text(entity.0), .text(entity.1), .text(audit.before), .text(audit.after)])
    }

    /// Shaped like OutboxDispatcher.makeId (host:pid:tag).
    static let dispatcherId = "demo:1:1"

    /// Fliggy's answer to a dead-lettered demo callback: a refusal no retry would change, so one try was the last.
    enum Refused {
        static let code = "15", subCode = "isv.invalid-parameter", message = "非法参数: agent_order_id"
    }

    /// One row left as a lapsed claim, as a crashed dispatcher would leave it: the next dispatcher reclaims it.
    func finishOutboxStates() throws {
        try db.run("""
            UPDATE outbox SET state = 'sending', claimed_by = 'crashed-dispatcher', claimed_until = ?
            WHERE id = (SELECT id FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1)
            """, .of(now - 60))
    }
}
