import TOP

/// Schedules stopped (停运) on a day (63223): `{"fromDate":"2026-11-22"}`.
enum StoppedSchedulesHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let date = try body.date("fromDate")
        let stopped = try ctx.store.stoppedSchedules(date: date)
        return [("schedules", .array(stopped.map { s in
            var fields: [(String, JSON)] = [("scheduleId", .string(s.scheduleId)), ("lineId", .string(s.lineId)),
                                            ("startTime", SalesJSON.time(s.departsAt)),
                                            ("reason", .string(s.stopReason ?? "stopped"))]
            if let code = s.stopReasonCode { fields.append(("reasonCode", .int(Int64(code)))) }
            return .object(fields)
        }))]
    }
}
