import Store
import TOP

/// Stop a schedule (停运) with an official reason code: the schedule goes off sale; every paid live order on it
/// is refunded in full by the merchant (scene force, fee 0): pending online refunds are decided that way under
/// their own keys, the remaining tickets get new merchant refunds (per order or per ticket as the schedule's
/// refund mode says); tickets → 5, orders → 11, seats back. Unpaid orders (1) have nothing to refund: they are
/// closed (4) and their seat holds released. Finally one item.notify for the line and day.
enum StopScheduleAction {
    static let unit = ActionUnit(
        id: "schedule.stop", subject: .schedule,
        summary: "Stop a schedule (停运): refund every paid order on it in full (scene force), close unpaid ones, notify Fliggy.",
        fields: [ActionField("reason-code", "Reason code", .integer, required: true, help: "0 schedule stopped, 1 weather, 2 epidemic"),
                 ActionField("reason", "Reason text", help: "text shown to buyers; blank: the reason code's name")],
        title: { row in guard case .schedule(let s) = row else { return "Stop schedule" }
                 return "Stop schedule \(s.scheduleId) \(s.fromCity) → \(s.toCity) \(ChinaTime.minute(s.departsAt))" },
        defaults: { _ in ["reason-code": "0"] },
        refusal: { row, now in
            guard case .schedule(let s) = row else { return "select a schedule in the Seats view first" }
            if !s.onSale { return "schedule \(s.scheduleId) is already stopped (\(s.stopReason ?? "no reason given"))" }
            return s.departsAt > now ? nil : "schedule \(s.scheduleId) has already departed"
        },
        plan: { r, ctx in
            try plan(scheduleId: r.subject, reasonCode: try r.requiredInt("reason-code", "reason code (0, 1 or 2)"), reason: r.text("reason"), ctx)
        })

    /// One refund.confirm to send: an existing pending refund decided as force, or a new merchant refund.
    /// `amountFen` is what the tickets paid, less what earlier refunds already gave back on them (RefundCeiling):
    /// a stop refunds "in full" what is still refundable, never the same money twice (issue 12).
    struct ForceRefund {
        var existing: RefundRecord?
        var tickets: [TicketRecord]
        var perTicket: Bool
        var paidFen: Int
        var amountFen: Int
    }

    struct OrderStop {
        var detail: OrderDetail
        var refunds: [ForceRefund]
        var unpaid: Bool { detail.summary.status == .awaitingPayment }
    }

    static func plan(scheduleId: String, reasonCode: Int, reason: String?, _ ctx: ActionContext) throws -> PlannedAction {
        guard let code = ForceReason(rawValue: reasonCode) else {
            throw OperationError.malformed("reason code must be 0 (schedule stopped), 1 (weather) or 2 (epidemic); got \(reasonCode)")
        }
        let text = try reason.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }.map { try InputValidation.reason($0) }
        let stopReason = text ?? code.chinese
        let s = try ScheduleSupport.schedule(scheduleId, ctx)
        try ctx.bind(entity: "schedule", id: s.scheduleId, label: "schedule \(s.scheduleId)", version: s.version,
                     current: ScheduleSupport.state(s))
        guard s.onSale else {
            throw OperationError.notAllowed("schedule \(s.scheduleId) is already stopped (\(s.stopReason ?? "no reason given"))")
        }
        guard s.departsAt > ctx.now else { throw OperationError.notAllowed("schedule \(s.scheduleId) has already departed") }
        let stops = try ctx.store.liveOrderIds(scheduleId: s.scheduleId).compactMap { try ctx.store.orderDetail(id: $0) }
            .map { OrderStop(detail: $0, refunds: refundsFor($0, perOrder: s.isOrderRefund, ceiling: try RefundCeiling.of($0, ctx))) }
        let paid = stops.filter { !$0.unpaid }
        let total = paid.flatMap(\.refunds).reduce(0) { $0 + $1.amountFen }
        let before = paid.flatMap(\.refunds).reduce(0) { $0 + $1.paidFen } - total
        let ticketCount = paid.flatMap(\.refunds).reduce(0) { $0 + $1.tickets.count }
        let held = stops.filter(\.unpaid).reduce(0) { $0 + $1.detail.tickets.count }
        let notify = ItemNotify(fromCity: s.fromCityName, toCity: s.toCityName, fromDate: s.fromDate)
        try ActionContext.check(notify)
        var params: [String] = []
        for o in paid {
            for r in o.refunds {
                let cb = callback(o.detail, r, key: r.existing?.idempotencyKey ?? "RT(new)", code: code.rawValue, now: ctx.now)
                try ActionContext.check(cb)
                params.append(cb.businessJSON().compactText)
            }
        }
        params.append(notify.businessJSON().compactText)
        let refundCount = paid.flatMap(\.refunds).count
        let lines = [ScheduleSupport.line(s),
                     "reason \(code.rawValue) \(code.chinese) (\(code.english))" + (text.map { ": \($0)" } ?? ""),
                     "\(Plural.count(paid.count, "paid order")) refunded in full: \(Plural.count(ticketCount, "ticket")), "
                         + "\(Money.yuan(total)) yuan in total, fee 0, scene force"
                         + (before > 0 ? " (\(Money.yuan(before)) yuan of it already refunded earlier, not sent again)" : ""),
                     "\(Plural.count(stops.count - paid.count, "unpaid order")) closed, \(Plural.count(held, "held seat")) released",
                     "sends \(refundCount) taobao.bus.agent.refund.confirm and 1 \(notify.method) (\(s.fromCityName) → \(s.toCityName) \(s.fromDate))"]
        let preview = ActionPreview(title: "Stop schedule \(s.scheduleId)", lines: lines, version: s.version,
                                    method: RefundConfirm.method, params: params)
        return PlannedAction(preview: preview) { progress in
            try ctx.store.stopSchedule(s.scheduleId, reasonCode: code.rawValue, reason: stopReason)
            var ids: [Int64] = []
            for (k, o) in stops.enumerated() {
                if o.unpaid { try close(o.detail, ctx) } else { ids += try refund(o, code: code.rawValue, reason: stopReason, ctx) }
                progress?(k + 1, stops.count)
            }
            let version = try ctx.store.scheduleVersion(s.scheduleId)
            ids.append(try ctx.enqueue(notify, key: "IN-\(s.scheduleId)-v\(version)-\(s.fromDate)", orderId: nil, refundId: nil))
            try ctx.audit("schedule.stop", entity: "schedule", id: s.scheduleId, before: AuditFields(status: "on_sale"),
                          after: AuditFields(status: "stopped").with("reason_code", code.rawValue).with("reason", stopReason)
                              .with("orders_refunded", paid.count).with("refunded_fen", total).with("orders_closed", stops.count - paid.count))
            return ActionResult(summary: "schedule \(s.scheduleId) stopped: \(Plural.count(paid.count, "order")) refunded "
                                + "(\(Money.yuan(total)) yuan), \(stops.count - paid.count) closed; \(ids.count) callbacks queued", callbackIds: ids)
        }
    }

    static func refundsFor(_ d: OrderDetail, perOrder: Bool, ceiling: RefundCeiling) -> [ForceRefund] {
        guard d.summary.status != .awaitingPayment else { return [] }
        var out: [ForceRefund] = []
        var covered = Set<Int64>()
        for r in d.refunds where r.status == .pending {
            let t = RefundSupport.covered(r, d).filter { !covered.contains($0.id) }
            guard !t.isEmpty else { continue }
            covered.formUnion(t.map(\.id))
            out.append(ForceRefund(existing: r, tickets: t, perTicket: r.ticketId != nil, paidFen: r.paidFen, amountFen: r.paidFen))
        }
        let rest = d.tickets.filter { SeatAccounting.soldTicketStatuses.contains($0.status) && !covered.contains($0.id) }
        func paid(_ t: [TicketRecord]) -> Int { t.reduce(0) { $0 + $1.priceFen + $1.serviceFeeFen } }
        if perOrder {
            if !rest.isEmpty { out.append(ForceRefund(existing: nil, tickets: rest, perTicket: false, paidFen: paid(rest), amountFen: paid(rest))) }
        } else {
            out += rest.map { ForceRefund(existing: nil, tickets: [$0], perTicket: true, paidFen: paid([$0]), amountFen: paid([$0])) }
        }
        // Each refund gets at most what is left on its tickets and, in turn, on the order (the tickets are disjoint).
        var orderLeft = ceiling.orderLeftFen
        for k in out.indices {
            out[k].amountFen = min(out[k].paidFen, ceiling.leftFen(on: out[k].tickets), orderLeft)
            orderLeft -= out[k].amountFen
        }
        return out
    }

    static func callback(_ d: OrderDetail, _ r: ForceRefund, key: String, code: Int, now: Int) -> RefundConfirm {
        CallbackFactory.refundConfirm(d, ticket: r.perTicket ? r.tickets.first : nil, transId: key, approved: true, amountFen: r.amountFen,
                                      scene: .force, reasonCode: code, now: now)
    }

    static func refund(_ o: OrderStop, code: Int, reason: String, _ ctx: ActionContext) throws -> [Int64] {
        let d = o.detail
        var ids: [Int64] = []
        var refundIds: [String] = []
        for r in o.refunds {
            let rowId: Int64, key: String
            if let e = r.existing {
                try ctx.store.decideRefund(id: e.id, RefundDecision(status: .approved, feeFen: 0, amountFen: r.amountFen, scene: .force,
                                                                    reasonCode: code, decidedBy: ctx.actor.operatorName), now: ctx.now)
                (rowId, key) = (e.id, e.idempotencyKey)
                refundIds.append(e.refundId)
                try ctx.audit("refund.force", entity: "refund", id: e.refundId, before: AuditFields(status: e.status.rawValue),
                              after: AuditFields(status: "approved").with("scene", "force").with("reason_code", code)
                                  .with("amount_fen", r.amountFen).with("callback", e.idempotencyKey))
            } else {
                let k = try ctx.store.insertRefund(RefundTerms(orderId: d.summary.id, ticketId: r.perTicket ? r.tickets.first?.id : nil,
                                                             source: .merchant, scene: .force, reasonCode: code, reason: reason,
                                                             paidFen: r.paidFen, feeFen: 0, amountFen: r.amountFen), decidedBy: ctx.actor.operatorName,
                                                   now: ctx.now)
                (rowId, key) = (k.id, k.idempotencyKey)
                refundIds.append(k.refundId)
            }
            try ctx.store.setTicketStatus(r.tickets.map(\.id), to: .refunded)
            ids.append(try ctx.enqueue(callback(d, r, key: key, code: code, now: ctx.now), key: key, orderId: d.summary.id, refundId: rowId))
        }
        let tickets = o.refunds.flatMap(\.tickets)
        try ctx.store.releaseSoldSeats(scheduleId: d.scheduleId, count: SeatAccounting.soldSeats(tickets, orderStatus: d.summary.status))
        let status = try ctx.store.settledOrderStatus(orderId: d.summary.id)
        try ctx.store.setOrderStatus(orderId: d.summary.id, to: status, now: ctx.now)
        try ctx.audit("schedule.stop.refund", entity: "order", id: d.summary.agentOrderId, before: AuditFields(status: d.summary.status.rawValue),
                      after: AuditFields(status: status.rawValue).with("refunds", refundIds.joined(separator: ","))
                          .with("amount_fen", o.refunds.reduce(0) { $0 + $1.amountFen }).with("reason_code", code))
        return ids
    }

    static func close(_ d: OrderDetail, _ ctx: ActionContext) throws {
        let seats = try ctx.store.releaseHold(orderId: d.summary.id, scheduleId: d.scheduleId)
        try ctx.store.setTicketStatus(d.tickets.map(\.id), to: .noTicket)
        try ctx.store.setOrderStatus(orderId: d.summary.id, to: .closed, now: ctx.now)
        try ctx.audit("schedule.stop.close", entity: "order", id: d.summary.agentOrderId, before: AuditFields(status: 1),
                      after: AuditFields(status: 4).with("seats_released", seats))
    }
}

extension ActionRequest {
    public static func stopSchedule(scheduleId: String, reasonCode: Int, reason: String?) -> ActionRequest {
        ActionRequest(unit: StopScheduleAction.unit.id, subject: scheduleId).with("reason-code", String(reasonCode)).with("reason", reason)
    }
}
