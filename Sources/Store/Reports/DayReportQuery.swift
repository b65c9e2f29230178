/// `busops report day` and the console's `:report DATE` (issue 13): the settlement of one GMT+8 day, read in one
/// read transaction so the totals and the reconciliation describe the same moment.
///
/// The day's orders are found by `paid_at` and its refunds by `decided_at`, neither indexed: a report is asked for
/// once a day, and an index on each would cost every sale and every refund decision a write forever. On the
/// 1M-order store the scans take a few hundred ms (BENCHMARKS.md).
extension Store {
    public func dayReport(day: String) throws -> DayReport {
        guard let start = ChinaTime.parseDate(day) else {
            throw StoreError(.invalid, "'\(day)' is not a date (yyyy-MM-dd)")
        }
        let end = start + 86400
        return try db.read {
            var lines: [String: DayReportLine] = [:]   // by "from|to"
            var names: [String: String] = [:]
            let cities = try db.prepare("SELECT code, name FROM cities")
            try cities.bind([])
            for (code, name) in try cities.all({ ($0.text(0), $0.text(1)) }) { names[code] = name }
            func line(_ from: String, _ to: String) -> String {
                let key = from + "|" + to
                if lines[key] == nil { lines[key] = DayReportLine(route: "\(names[from] ?? from)→\(names[to] ?? to)") }
                return key
            }

            let sold = try db.prepare("""
                SELECT s.from_city_code, s.to_city_code, count(*), sum(o.ticket_count), sum(o.total_fen)
                FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id
                WHERE o.paid_at >= ? AND o.paid_at < ? GROUP BY 1, 2
                """)
            try sold.bind([.of(start), .of(end)])
            for r in try sold.all({ ($0.text(0), $0.text(1), $0.int(2), $0.int(3), $0.int(4)) }) {
                let k = line(r.0, r.1)
                lines[k]!.orders = r.2; lines[k]!.tickets = r.3; lines[k]!.takenFen = r.4
            }

            let refunds = try db.prepare("""
                SELECT s.from_city_code, s.to_city_code, \(DayRefundKind.sqlCase), count(*), sum(r.amount_fen), sum(r.fee_fen)
                FROM refunds r JOIN orders o ON o.id = r.order_id JOIN schedules s ON s.schedule_id = o.schedule_id
                WHERE r.status IN ('approved', 'done') AND r.decided_at >= ? AND r.decided_at < ? GROUP BY 1, 2, 3
                """)
            try refunds.bind([.of(start), .of(end)])
            for r in try refunds.all({ ($0.text(0), $0.text(1), $0.text(2), $0.int(3), $0.int(4), $0.int(5)) }) {
                let k = line(r.0, r.1)
                lines[k]!.refunds[DayRefundKind(rawValue: r.2)!] = RefundTally(count: r.3, amountFen: r.4)
                lines[k]!.feesFen += r.5
            }

            let routes = lines.values.sorted { $0.route < $1.route }
            var total = DayReportLine(route: "total")
            for r in routes { total.add(r) }
            return DayReport(day: day, routes: routes, total: total,
                             unacknowledged: try unacknowledgedCallbacks(start: start, end: end),
                             mismatches: try statusMismatches(start: start, end: end))
        }
    }
}
