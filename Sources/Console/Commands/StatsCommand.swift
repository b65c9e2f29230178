import Store

/// `busops stats`: counts, as text or the JSON shape of SPEC §7.
enum StatsCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        let store = try StorePaths.open(try StorePaths.required(args), readOnly: true)
        let s = try store.stats()
        if args.has("json") {
            func n(_ v: Int) -> JSON { .int(Int64(v)) }
            let pending = (s.outbox[.pending] ?? 0) + (s.outbox[.sending] ?? 0)
            let json: JSON = .object([
                ("orders", .object(OrderStatus.allCases.map { (String($0.rawValue), n(s.orders[$0] ?? 0)) })),
                ("tickets", .object(TicketStatus.allCases.map { (String($0.rawValue), n(s.tickets[$0] ?? 0)) })),
                ("refunds_pending", n(s.refundsPending)),
                ("outbox", .object([("pending", n(pending)), ("sent", n(s.outbox[.sent] ?? 0)), ("failed", n(s.outbox[.failed] ?? 0))])),
                ("seats_today", .object([("total", n(s.seatsToday.total)), ("sold", n(s.seatsToday.sold)), ("left", n(s.seatsToday.left))])),
            ])
            Output.line(json.compactText)
            return 0
        }
        Output.line("orders")
        for st in OrderStatus.allCases { Output.line("  \(pad(String(st.rawValue), 3)) \(pad(st.english, 18)) \(s.orders[st] ?? 0)") }
        Output.line("tickets")
        for st in TicketStatus.allCases { Output.line("  \(pad(String(st.rawValue), 3)) \(pad(st.english, 18)) \(s.tickets[st] ?? 0)") }
        Output.line("refunds pending   \(s.refundsPending)")
        Output.line("outbox            pending \((s.outbox[.pending] ?? 0) + (s.outbox[.sending] ?? 0))  sent \(s.outbox[.sent] ?? 0)  failed \(s.outbox[.failed] ?? 0)")
        Output.line("seats today       total \(s.seatsToday.total)  sold \(s.seatsToday.sold)  left \(s.seatsToday.left)")
        return 0
    }

    static func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
}
