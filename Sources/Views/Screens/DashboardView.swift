import Store

/// The day at a glance (issue 13): sales per hour against the same weekday last week, seat fill by departure hour,
/// pending refunds by age, callbacks per hour, Qimen traffic, money today. Pure: the model is `DashboardData` read
/// from migration 6's aggregates and the glyphs the terminal can show. At 80x24 one glyph per hour; from 120
/// columns two per hour, an hour axis and per-hour tickets, and the Qimen lines a minute a glyph.
public struct DashboardViewModel: Equatable, Sendable {
    public var data: DashboardData?
    public var glyphs: ChartGlyphs
    public init(data: DashboardData?, glyphs: ChartGlyphs) { self.data = data; self.glyphs = glyphs }
}

public enum DashboardView {
    public static func render(_ m: DashboardViewModel, into screen: inout Screen, rect: Rect) {
        guard rect.height > 0 else { return }
        screen.fill(rect)
        guard let d = m.data else {
            screen.put(x: rect.x + 1, y: rect.y + 1, text: "Loading…", style: Style(.dim))
            return
        }
        let g = m.glyphs
        let rich = rect.width >= 120 && rect.height >= 30
        let per = rich ? 2 : 1                       // glyphs per hour
        let label = 14, x0 = rect.x + 1
        var y = rect.y
        func line(_ spans: [TextSpan]) {
            guard y < rect.maxY else { return }
            screen.put(x: x0, y: y, spans: spans, maxWidth: rect.width - 1)
            y += 1
        }
        func hours(_ values: [Int], max: Int) -> String {
            g.spark(values, max: max).map { String(repeating: String($0), count: per) }.joined()
        }
        func pad(_ s: String) -> String { DisplayWidth.pad(s, to: label) }

        let net = d.soldFen - d.refundedFen
        line([TextSpan("Today \(ChinaTime.date(d.day)) (GMT+8)", .key), TextSpan("  the day at a glance; every figure is in the store", .subHeader)])
        let sold = TextSpan("sold \(Money.yuan(d.soldFen)) (\(d.paidOrders))  refunded \(Money.yuan(d.refundedFen)) (\(d.refunds))  ")
        let fees = TextSpan("fees \(Money.yuan(d.feesFen))  net \(Money.yuan(net))", .key)
        // Where the figures do not fit one line, fees and net go on the next (80x24 read "net -163" for -16316.65).
        if label + DisplayWidth.of(sold.text + fees.text) <= rect.width - 1 {
            line([TextSpan(pad("money (yuan)"), .sectionTitle), sold, fees])
        } else {
            line([TextSpan(pad("money (yuan)"), .sectionTitle), sold])
            line([TextSpan(pad("")), fees])
        }
        if rich { line([TextSpan(pad("") + axis(per: per), .dim)]) }
        let orders = d.today.map(\.orders), past = d.lastWeek.map(\.orders)
        let top = max(orders.max() ?? 0, past.max() ?? 0)
        line([TextSpan(pad("orders/h"), .sectionTitle), TextSpan(hours(orders, max: top)),
              TextSpan("  \(orders.reduce(0, +)) orders, \(d.today.reduce(0) { $0 + $1.tickets }) tickets", .subHeader)])
        line([TextSpan(pad(" last week"), .dim), TextSpan(hours(past, max: top), .dim),
              TextSpan("  \(past.reduce(0, +)) orders, \(d.lastWeek.reduce(0) { $0 + $1.tickets }) tickets", .dim)])
        if rich {
            let t = d.today.map(\.tickets)
            line([TextSpan(pad("tickets/h"), .sectionTitle), TextSpan(hours(t, max: t.max() ?? 0))])
        }
        y += 1
        line([TextSpan(pad("seat fill"), .sectionTitle),
              TextSpan("by departure hour, \(g.sold) sold \(g.held) held \(g.left) left (level = share taken)", .subHeader)])
        for (name, seats) in [(" today", d.departuresToday), (" tomorrow", d.departuresTomorrow)] {
            let taken = seats.map { $0.total == 0 ? 0 : (($0.sold + $0.held) * 100 + $0.total - 1) / $0.total }
            let sum = seats.reduce(into: DashboardData.Seats()) { $0.total += $1.total; $0.sold += $1.sold; $0.held += $1.held }
            let bar = g.fill(sold: sum.sold, held: sum.held, total: sum.total, width: rich ? 20 : 10)
            line([TextSpan(pad(name)), TextSpan(hours(taken, max: 100)), TextSpan("  " + bar + " ", .barSold),
                  TextSpan("\(sum.sold)/\(sum.held)/\(sum.left)", .subHeader)])
        }
        y += 1
        let p = d.pending, all = d.pendingTotal
        line([TextSpan(pad("refunds wait"), .sectionTitle),
              TextSpan("<15m \(p[0].refunds)  <1h \(p[1].refunds)  <4h \(p[2].refunds)  ", Role.normal),
              TextSpan("older \(p[3].refunds)", p[3].refunds > 0 ? Role.warn : Role.normal),
              TextSpan("  = \(all.refunds), \(Money.yuan(all.paidFen)) yuan asked", .subHeader)])
        if rich {
            line([TextSpan(pad(" yuan")), TextSpan(p.map { Money.yuan($0.paidFen) }.joined(separator: "  "), .dim)])
        }
        y += 1
        let sent = d.calls.map(\.sent), retried = d.calls.map(\.retried), dead = d.calls.map(\.dead)
        let ctop = max(sent.max() ?? 0, retried.max() ?? 0, dead.max() ?? 0)
        let rate = d.callbackSuccess.map { "success \(Int(($0 * 1000).rounded()) / 10).\(Int(($0 * 1000).rounded()) % 10)%" } ?? "success -"
        let p95 = "p95 " + (d.ackP95.map(AckLatency.label) ?? "-")
        line([TextSpan(pad("callbacks/h"), .sectionTitle), TextSpan(hours(sent, max: ctop), .ok),
              TextSpan("  sent \(sent.reduce(0, +))  \(rate)  \(p95)", .subHeader)])
        line([TextSpan(pad(" retried")), TextSpan(hours(retried, max: ctop), .warn), TextSpan("  \(retried.reduce(0, +))", .subHeader)])
        line([TextSpan(pad(" dead letter")), TextSpan(hours(dead, max: ctop), .error), TextSpan("  \(dead.reduce(0, +))", .subHeader)])
        if rich {
            // Per hour: success in tenths (an hour with no finished callback is empty), and the p95 bucket, whose
            // level is its place on AckLatency's doubling scale (Store/Reports/AckLatency.swift).
            let success = d.calls.map { c in c.success.map { Int(($0 * 10).rounded()) } ?? 0 }
            line([TextSpan(pad(" success")), TextSpan(hours(success, max: 10), .ok), TextSpan("  per hour, full = 100%", .dim)])
            let ack = d.calls.map { ($0.ackP95 ?? -1) + 1 }
            line([TextSpan(pad(" ack p95")), TextSpan(hours(ack, max: AckLatency.buckets), .key),
                  TextSpan("  created to sent, level = bucket (<1s .. >=1d)", .dim)])
        }
        y += 1
        let minutes = rich ? 60 : 30
        line([TextSpan(pad("Qimen/min"), .sectionTitle), TextSpan("last \(minutes) min by interface, requests, error rate", .subHeader)])
        if d.traffic.isEmpty { line([TextSpan(pad("") + "no requests (serve records them)", .dim)]) }
        for t in d.traffic where y < rect.maxY {
            let recent = Array(t.perMinute.suffix(minutes))
            let rate = t.requests == 0 ? 0 : t.errors * 100 / t.requests
            line([TextSpan(pad(" " + shortInterface(t.interface))), TextSpan(g.spark(recent, max: recent.max() ?? 0)),
                  TextSpan("  \(t.requests) req  \(rate)% err", t.errors > 0 ? .warn : .subHeader)])
        }
    }

    /// "00    06    12    18    " under the hour columns.
    static func axis(per: Int) -> String {
        stride(from: 0, to: 24, by: 6).map { h in
            let s = h < 10 ? "0\(h)" : "\(h)"
            return s + String(repeating: " ", count: 6 * per - 2)
        }.joined()
    }

    /// The interface's last words ("qimen.taobao.bus.seat.query" → "seat.query").
    static func shortInterface(_ name: String) -> String {
        let parts = name.split(separator: ".")
        return parts.count <= 2 ? name : parts.suffix(2).joined(separator: ".")
    }
}
