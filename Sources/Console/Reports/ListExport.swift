import Store
import Views

/// `:export FILE` (issue 13): the list on screen as CSV (`CSVText`), all of it in its filter and sort — not just the
/// rows in view — or the daily settlement when that page is open. Names and phones are masked as on screen: an
/// export is not a reveal (ARCHITECTURE.md: personal data is shown only after an audited reveal).
struct ListExport {
    let store: Store

    /// The CSV and its row count.
    func csv(_ state: AppState, now: Int) throws -> (text: String, rows: Int) {
        if let r = state.report?.report { return (ReportFormats.csv(r), r.routes.count + 1) }
        var rows: [[CSVText.Cell]] = []
        let header: [String]
        switch state.tab {
        case .orders:
            header = ["agent_order_id", "main_biz_order_id", "status", "status_name", "departs_at", "from_city", "to_city",
                      "contact_name", "contact_phone", "tickets", "total_yuan", "created_at"]
            var cursor: OrderCursor?
            let o = state.orders
            while true {   // keyset pages, as the screen reads them (never an OFFSET into a million rows)
                let page = try store.orders(o.filter, sort: o.sort, ascending: o.ascending, from: cursor, limit: 1001)   // `from` is inclusive
                for x in page.prefix(1000) {
                    rows.append([.text(x.agentOrderId), .text(x.mainBizOrderId), .number(String(x.status.rawValue)), .text(x.status.chinese),
                                 .text(ChinaTime.minute(x.departsAt)), .text(x.fromCity), .text(x.toCity), .text(Masking.name(x.contactName)),
                                 .text(Masking.phone(x.contactPhone)), .number(String(x.ticketCount)), .number(Money.yuan(x.totalFen)),
                                 .text(ChinaTime.second(x.createdAt))])
                }
                guard page.count == 1001 else { break }
                cursor = page[1000].cursor(o.sort)
            }
        case .seats:
            header = ["schedule_id", "line_id", "departs_at", "from_city", "to_city", "seats_total", "seats_sold", "seats_held",
                      "seats_left", "price_yuan", "on_sale", "stop_reason"]
            for s in try store.schedules(day: state.seatsDay, offset: 0, limit: 1_000_000) {
                rows.append([.text(s.scheduleId), .text(s.lineId), .text(ChinaTime.minute(s.departsAt)), .text(s.fromCity), .text(s.toCity),
                             .number(String(s.seatsTotal)), .number(String(s.seatsSold)), .number(String(s.seatsHeld)),
                             .number(String(s.seatsLeft)), .number(Money.yuan(s.priceFen)), .number(s.onSale ? "1" : "0"),
                             s.stopReason.map { .text($0) } ?? .empty])
            }
        case .refunds:
            header = ["refund_id", "agent_order_id", "departs_at", "from_city", "to_city", "contact_name", "source", "scene",
                      "paid_yuan", "fee_now_yuan", "requested_at"]
            for p in try store.pendingRefunds(now: now, limit: 10_000_000).rows {
                rows.append([.text(p.refund.refundId), .text(p.agentOrderId), .text(ChinaTime.minute(p.departsAt)), .text(p.fromCity),
                             .text(p.toCity), .text(Masking.name(p.contactName)), .text(p.refund.source.rawValue),
                             .text(p.refund.scene.rawValue), .number(Money.yuan(p.refund.paidFen)),
                             p.currentFeeFen.map { .number(Money.yuan($0)) } ?? .empty, .text(ChinaTime.second(p.refund.requestedAt))])
            }
        case .callbacks:
            header = ["callback_id", "method", "agent_order_id", "state", "attempts", "next_attempt_at", "last_http_status",
                      "last_code", "last_sub_code", "last_msg", "created_at"]
            for c in try store.callbacks(limit: 10_000_000).rows {
                rows.append([.number(String(c.id)), .text(c.method), c.agentOrderId.map { .text($0) } ?? .empty, .text(c.state.rawValue),
                             .number(String(c.attempts)), .text(ChinaTime.second(c.nextAttemptAt)),
                             c.lastHttpStatus.map { .number(String($0)) } ?? .empty, c.lastCode.map { .text($0) } ?? .empty,
                             c.lastSubCode.map { .text($0) } ?? .empty, c.lastMessage.map { .text($0) } ?? .empty,
                             .text(ChinaTime.second(c.createdAt))])
            }
        case .due:
            header = ["kind", "id", "route", "due_at", "seconds_left", "what"]
            for d in state.due.rows {
                rows.append([.text(d.kind.rawValue), .text(d.id), .text(d.route), .text(ChinaTime.second(d.dueAt)),
                             .number(String(d.dueAt - now)), .text(d.what)])
            }
        case .dashboard:
            // The hour-by-hour figures behind the charts.
            header = ["hour", "orders", "tickets", "orders_last_week", "tickets_last_week", "seats_today", "sold_today", "held_today",
                      "seats_tomorrow", "sold_tomorrow", "held_tomorrow", "callbacks_sent", "callbacks_retried", "callbacks_dead"]
            let d = try store.dashboard(now: now)
            for h in 0..<24 {
                let a = d.departuresToday[h], b = d.departuresTomorrow[h], c = d.calls[h]
                rows.append([.text((h < 10 ? "0" : "") + "\(h):00")] + [d.today[h].orders, d.today[h].tickets, d.lastWeek[h].orders,
                    d.lastWeek[h].tickets, a.total, a.sold, a.held, b.total, b.sold, b.held, c.sent, c.retried, c.dead].map { .number(String($0)) })
            }
        }
        return (CSVText.row(header.map { .text($0) }) + rows.map(CSVText.row).joined(), rows.count)
    }
}
