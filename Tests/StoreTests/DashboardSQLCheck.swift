import XCTest
@testable import Store

/// Every Dashboard figure (issue 13) against the matching SQL over the base tables: orders and tickets per hour today
/// and a week ago, seats by departure hour, money today (and the settlement's equal totals), pending refunds by age,
/// callbacks per hour and their acknowledgements, Qimen traffic per interface and minute. Shared by the store's tests
/// and the serve + simulate test in ConsoleTests (a symbolic link there: one copy of the SQL).
enum DashboardSQL {
    static func check(_ store: Store, now: Int, _ when: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let d = try store.dashboard(now: now)
        let day = ChinaTime.startOfDay(now)
        func int(_ sql: String, _ args: SQLValue...) throws -> Int {
            let s = try store.db.prepare(sql)
            try s.bind(args)
            return try s.all { $0.int(0) }.first ?? 0
        }
        for h in 0..<24 {
            let a = day + h * 3600, w = a - 7 * 86400
            XCTAssertEqual(d.today[h].orders, try int("SELECT count(*) FROM orders WHERE created_at >= ? AND created_at < ?", .of(a), .of(a + 3600)), "\(when) orders \(h)h", file: file, line: line)
            XCTAssertEqual(d.today[h].tickets, try int("SELECT coalesce(sum(ticket_count), 0) FROM orders WHERE created_at >= ? AND created_at < ?", .of(a), .of(a + 3600)), "\(when) tickets \(h)h", file: file, line: line)
            XCTAssertEqual(d.lastWeek[h].orders, try int("SELECT count(*) FROM orders WHERE created_at >= ? AND created_at < ?", .of(w), .of(w + 3600)), "\(when) last week \(h)h", file: file, line: line)
            for (k, date) in [(0, ChinaTime.date(day)), (1, ChinaTime.date(day + 86400))] {
                let seats = k == 0 ? d.departuresToday[h] : d.departuresTomorrow[h]
                let from = ChinaTime.parseDate(date)! + h * 3600
                let sql = "SELECT coalesce(sum(%@), 0) FROM schedules WHERE from_date = ? AND departs_at >= ? AND departs_at < ?"
                XCTAssertEqual(seats.total, try int(sql.replacingOccurrences(of: "%@", with: "seats_total"), .text(date), .of(from), .of(from + 3600)), "\(when) seats \(date) \(h)h", file: file, line: line)
                XCTAssertEqual(seats.sold, try int(sql.replacingOccurrences(of: "%@", with: "seats_sold"), .text(date), .of(from), .of(from + 3600)), file: file, line: line)
                XCTAssertEqual(seats.held, try int(sql.replacingOccurrences(of: "%@", with: "seats_held"), .text(date), .of(from), .of(from + 3600)), file: file, line: line)
            }
            let hs = int, hr = day / 3600 + h
            XCTAssertEqual(d.calls[h].sent, try hs("SELECT count(*) FROM outbox WHERE attempts > 0 AND state = 'sent' AND updated_at / 3600 = ?", .of(hr)), "\(when) sent \(h)h", file: file, line: line)
            XCTAssertEqual(d.calls[h].dead, try hs("SELECT count(*) FROM outbox WHERE attempts > 0 AND state = 'failed' AND updated_at / 3600 = ?", .of(hr)), file: file, line: line)
            XCTAssertEqual(d.calls[h].retried, try hs("SELECT coalesce(sum(attempts - (state IN ('sent', 'failed'))), 0) FROM outbox WHERE attempts > 0 AND updated_at / 3600 = ?", .of(hr)), "\(when) retried \(h)h", file: file, line: line)
        }
        let end = day + 86400
        XCTAssertEqual(d.soldFen, try int("SELECT coalesce(sum(total_fen), 0) FROM orders WHERE paid_at >= ? AND paid_at < ?", .of(day), .of(end)), "\(when) sold", file: file, line: line)
        XCTAssertEqual(d.refundedFen, try int("SELECT coalesce(sum(amount_fen), 0) FROM refunds WHERE status IN ('approved', 'done') AND decided_at >= ? AND decided_at < ?", .of(day), .of(end)), "\(when) refunded", file: file, line: line)
        XCTAssertEqual(d.feesFen, try int("SELECT coalesce(sum(fee_fen), 0) FROM refunds WHERE status IN ('approved', 'done') AND decided_at >= ? AND decided_at < ?", .of(day), .of(end)), "\(when) fees", file: file, line: line)
        // The settlement and the dashboard agree on today's money.
        let report = try store.dayReport(day: ChinaTime.date(day))
        XCTAssertEqual([d.soldFen, d.refundedFen, d.feesFen], [report.total.takenFen, report.total.refundedFen, report.total.feesFen], file: file, line: line)
        let m = now / 60
        for (i, (from, to)) in [(15, 0), (60, 15), (240, 60), (Int(Int32.max), 240)].enumerated() {
            let sql = "SELECT %@ FROM refunds WHERE status = 'pending' AND requested_at / 60 > ? AND requested_at / 60 <= ?"
            let lo = m - from, hi = i == 3 ? m - to : m - to
            XCTAssertEqual(d.pending[i].refunds, try int(sql.replacingOccurrences(of: "%@", with: "count(*)"), .of(lo), .of(hi)) + (i == 3 ? try int("SELECT count(*) FROM refunds WHERE status = 'pending' AND requested_at / 60 > ?", .of(m)) : 0), "\(when) pending \(i)", file: file, line: line)
            XCTAssertEqual(d.pending[i].paidFen, try int(sql.replacingOccurrences(of: "%@", with: "coalesce(sum(paid_fen), 0)"), .of(lo), .of(hi)) + (i == 3 ? try int("SELECT coalesce(sum(paid_fen), 0) FROM refunds WHERE status = 'pending' AND requested_at / 60 > ?", .of(m)) : 0), file: file, line: line)
        }
        // Callbacks acknowledged per hour (migration 9): the histogram holds every sent row of the hour.
        for h in 0..<24 {
            XCTAssertEqual(d.calls[h].acks.reduce(0, +), try int("SELECT count(*) FROM outbox WHERE attempts > 0 AND state = 'sent' AND updated_at / 3600 = ?", .of(day / 3600 + h)), "\(when) acknowledged \(h)h", file: file, line: line)
        }
        // Qimen traffic: the last 60 minutes of `qimen_minutes`, per interface and minute.
        var traffic: [String: (requests: Int, errors: Int)] = [:]
        let rows = try store.db.prepare("SELECT interface, sum(requests), sum(errors) FROM qimen_minutes WHERE minute > ? AND minute <= ? GROUP BY 1")
        try rows.bind([.of(m - 60), .of(m)])
        for r in try rows.all({ ($0.text(0), $0.int(1), $0.int(2)) }) { traffic[r.0] = (r.1, r.2) }
        XCTAssertEqual(Set(d.traffic.map(\.interface)), Set(traffic.keys), "\(when) interfaces", file: file, line: line)
        for t in d.traffic {
            XCTAssertEqual([t.requests, t.errors], [traffic[t.interface]?.requests ?? -1, traffic[t.interface]?.errors ?? -1], "\(when) \(t.interface)", file: file, line: line)
            for (i, n) in t.perMinute.enumerated() {
                XCTAssertEqual(n, try int("SELECT coalesce(sum(requests), 0) FROM qimen_minutes WHERE interface = ? AND minute = ?", .text(t.interface), .of(m - 59 + i)), "\(when) \(t.interface) minute \(i)", file: file, line: line)
            }
        }
    }
}
