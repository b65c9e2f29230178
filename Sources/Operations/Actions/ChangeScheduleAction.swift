import Store
import TOP

/// Change a schedule's price or departure time, then item.notify so Fliggy re-reads the line at once
/// (otherwise it may take 10 minutes to 10 hours). A moved departure moves its stops and orders with it,
/// and when the day changes both days are notified.
enum ChangeScheduleAction {
    static let unit = ActionUnit(
        id: "schedule.change", subject: .schedule,
        summary: "Change a schedule's price or departure time and queue item.notify.",
        fields: [ActionField("price", "Price (yuan)", .money, help: "the ticket price Fliggy shows (fen on the command line)"),
                 ActionField("departs", "Departure", help: "new departure, yyyy-MM-dd HH:mm (GMT+8)")],
        title: { row in guard case .schedule(let s) = row else { return "Change schedule" }
                 return "Change schedule \(s.scheduleId) \(s.fromCity) → \(s.toCity)" },
        defaults: { row in
            guard case .schedule(let s) = row else { return [:] }
            return ["price": Money.yuan(s.priceFen), "departs": ChinaTime.minute(s.departsAt)]
        },
        refusal: { row, now in
            guard case .schedule(let s) = row else { return "select a schedule in the Seats view first" }
            return s.departsAt > now ? nil : "schedule \(s.scheduleId) has already departed"
        },
        plan: { r, ctx in
            let price = try r.int("price", "price (fen)")
            let departs = r.text("departs")
            guard price != nil || departs != nil else { throw OperationError.malformed("give a new price or a new departure") }
            return try plan(scheduleId: r.subject, priceFen: price, departs: departs, ctx)
        })

    static func plan(scheduleId: String, priceFen: Int?, departs: String?, _ ctx: ActionContext) throws -> PlannedAction {
        guard priceFen != nil || departs != nil else { throw OperationError.malformed("give a new price or a new departure time") }
        if let p = priceFen { _ = try InputValidation.fen(p, field: "price") }
        if let p = priceFen, p > 10_000_000 { throw OperationError.malformed("price \(Money.yuan(p)) yuan is implausibly high") }
        let newTime = try departs.map { text -> Int in
            guard let t = ChinaTime.parseDateTime(text.trimmingSpaces) else {
                throw OperationError.malformed("departure '\(text)' must be yyyy-MM-dd HH:mm (GMT+8)")
            }
            return t
        }
        let s = try ScheduleSupport.schedule(scheduleId, ctx)
        try ctx.bind(entity: "schedule", id: s.scheduleId, label: "schedule \(s.scheduleId)", version: s.version,
                     current: ScheduleSupport.state(s))
        if let t = newTime, t <= ctx.now { throw OperationError.invalid("the new departure \(ChinaTime.minute(t)) is not in the future") }
        guard s.departsAt > ctx.now else { throw OperationError.notAllowed("schedule \(s.scheduleId) has already departed") }
        let price = priceFen == s.priceFen ? nil : priceFen
        let time = newTime == s.departsAt ? nil : newTime
        guard price != nil || time != nil else { throw OperationError.invalid("nothing to change: the schedule already has that price and time") }
        var days = [s.fromDate]
        if let t = time, ChinaTime.date(t) != s.fromDate { days.append(ChinaTime.date(t)) }
        let notices = days.map { ItemNotify(fromCity: s.fromCityName, toCity: s.toCityName, fromDate: $0) }
        for n in notices { try ActionContext.check(n) }
        var lines = [ScheduleSupport.line(s)]
        if let p = price { lines.append("price \(Money.yuan(s.priceFen)) → \(Money.yuan(p)) yuan (orders already placed keep their price)") }
        if let t = time { lines.append("departs \(ChinaTime.minute(s.departsAt)) → \(ChinaTime.minute(t)); stops and orders on it move with it") }
        lines.append("sends \(notices.count) taobao.bus.item.notify (\(s.fromCityName) → \(s.toCityName) \(days.joined(separator: ", ")))")
        let preview = ActionPreview(title: "Change schedule \(s.scheduleId)", lines: lines, version: s.version, method: ItemNotify.method,
                                    params: notices.map { $0.businessJSON().compactText })
        return PlannedAction(preview: preview) { _ in
            if let p = price { try ctx.store.setSchedulePrice(s.scheduleId, priceFen: p) }
            if let t = time { try ctx.store.moveSchedule(s.scheduleId, to: t) }
            let version = try ctx.store.scheduleVersion(s.scheduleId)
            let ids = try notices.map { try ctx.enqueue($0, key: "IN-\(s.scheduleId)-v\(version)-\($0.fromDate)", orderId: nil, refundId: nil) }
            var before = AuditFields(status: "changed").with("price_fen", s.priceFen)
            before.add("departs", ChinaTime.minute(s.departsAt))
            var after = AuditFields(status: "changed").with("price_fen", price ?? s.priceFen)
            after.add("departs", ChinaTime.minute(time ?? s.departsAt))
            try ctx.audit("schedule.change", entity: "schedule", id: s.scheduleId, before: before, after: after)
            return ActionResult(summary: "schedule \(s.scheduleId) changed, \(ids.count) item.notify queued", callbackIds: ids)
        }
    }
}

extension ActionRequest {
    /// `departs` is "yyyy-MM-dd HH:mm" (GMT+8).
    public static func changeSchedule(scheduleId: String, priceFen: Int?, departs: String?) -> ActionRequest {
        ActionRequest(unit: ChangeScheduleAction.unit.id, subject: scheduleId).with("price", priceFen.map(String.init)).with("departs", departs)
    }
}
