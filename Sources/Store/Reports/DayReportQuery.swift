/// `busops report day` and the console's `:report DATE` (issue 13): the settlement of one GMT+8 day, read in one
/// read transaction so the totals and the reconciliation describe the same moment.
///
/// The totals are migration 10's `day_routes` rows (Schema10.swift): scanning the day's orders by `paid_at` and its
/// refunds by `decided_at` took ~6 s on the 1M-order store and froze the console. The reconciliation walks the day's
/// rows of two indexes (`outbox_by_created`, `orders_by_updated`), never a table.
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

            // Migration 8's per-route day rows; a route whose figures all went back to zero (a refund refused
            // after approval) is not listed, as when the rows were scanned.
            let kinds = DayRefundKind.allCases
            let rows = try db.prepare("""
                SELECT from_city_code, to_city_code, orders, tickets, taken_fen, fees_fen, \(Schema10.kindColumns)
                FROM day_routes WHERE day = ?
                """)
            try rows.bind([.of((start + ChinaTime.offset) / 86400)])
            while try rows.step() {
                var refunds: [DayRefundKind: RefundTally] = [:]
                for (i, kind) in kinds.enumerated() where rows.int(Int32(6 + 2 * i)) != 0 {
                    refunds[kind] = RefundTally(count: rows.int(Int32(6 + 2 * i)), amountFen: rows.int(Int32(7 + 2 * i)))
                }
                guard rows.int(2) != 0 || !refunds.isEmpty else { continue }
                let k = line(rows.text(0), rows.text(1))
                lines[k]!.orders = rows.int(2); lines[k]!.tickets = rows.int(3); lines[k]!.takenFen = rows.int(4)
                lines[k]!.feesFen = rows.int(5); lines[k]!.refunds = refunds
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
