import Store

enum ScheduleSupport {
    static func schedule(_ scheduleId: String, _ ctx: ActionContext) throws -> ScheduleRow {
        let id = scheduleId.trimmingSpaces
        guard !id.isEmpty else { throw OperationError.malformed("a schedule id is required") }
        guard let s = try ctx.store.scheduleRow(id) else { throw OperationError.notFound("schedule \(id) not found") }
        return s
    }

    /// "on sale, 85.00 yuan, departs 2026-11-22 08:05, 12 sold / 2 held / 45 seats"
    static func state(_ s: ScheduleRow) -> String {
        (s.onSale ? "on sale" : "stopped (\(s.stopReason ?? "no reason"))") + ", \(Money.yuan(s.priceFen)) yuan, departs \(ChinaTime.minute(s.departsAt)), "
            + "\(s.seatsSold) sold / \(s.seatsHeld) held / \(s.seatsTotal) seats"
    }

    /// "schedule L-HZ-SH-20261122-0805 杭州 → 上海, departs 2026-11-22 08:05, 85.00 yuan, 12 sold / 2 held / 45"
    static func line(_ s: ScheduleRow) -> String {
        "schedule \(s.scheduleId) \(s.fromCityName) → \(s.toCityName), departs \(ChinaTime.minute(s.departsAt)), "
            + "\(Money.yuan(s.priceFen)) yuan, \(s.seatsSold) sold / \(s.seatsHeld) held / \(s.seatsTotal) seats"
            + (s.onSale ? "" : ", stopped")
    }
}
