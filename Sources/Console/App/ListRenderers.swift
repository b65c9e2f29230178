import Store
import Views

/// Seats, Refunds and Callbacks lists (offset windows around the selection).
enum ListRenderers {
    static func window(count: Int, selected: Int, height: Int) -> Range<Int> {
        let start = max(0, min(selected - height / 2, count - height))
        return start..<min(count, start + height)
    }

    static func titles(_ screen: inout Screen, y: Int, _ cols: [(String, Int, Bool)]) {
        var x = 1
        for (t, w, r) in cols { screen.put(x: x, y: y, text: t, style: Style(.columnTitle), columns: w, alignRight: r); x += w + 1 }
    }

    static func row(_ screen: inout Screen, y: Int, _ cells: [(String, Int, Bool, Role)]) {
        var x = 1
        for (t, w, r, role) in cells { screen.put(x: x, y: y, text: t, style: Style(role), columns: w, alignRight: r); x += w + 1 }
    }

    static func bar(_ s: ScheduleSeats, width: Int) -> [TextSpan] {
        guard s.seatsTotal > 0 else { return [] }
        let sold = s.seatsSold * width / s.seatsTotal, held = s.seatsHeld * width / s.seatsTotal
        return [TextSpan(String(repeating: "█", count: sold), .barSold), TextSpan(String(repeating: "▒", count: held), .barHeld),
                TextSpan(String(repeating: "·", count: max(0, width - sold - held)), .barLeft)]
    }

    static func seats(_ screen: inout Screen, _ s: AppState, rect: Rect) {
        screen.put(x: 1, y: rect.y, text: "Seats  \(ChinaTime.date(s.seatsDay)) (GMT+8)  [ previous day  ] next day  \(s.seats.rows.count) schedules", style: Style(.subHeader))
        let barW = rect.width >= 100 ? 20 : 10
        titles(&screen, y: rect.y + 1, [("发车", 5, false), ("线路", 10, false), ("总", 3, true), ("售", 3, true), ("锁", 3, true), ("余", 3, true), ("", barW, false), ("票价", 7, true), ("状态", max(8, rect.width - 48 - barW), false)])
        let h = rect.height - 2
        guard !s.seats.rows.isEmpty else { screen.put(x: 1, y: rect.y + 2, text: s.seats.loaded ? "no schedules on this day" : "loading…", style: Style(.dim)); return }
        for (k, i) in window(count: s.seats.rows.count, selected: s.seats.selected, height: h).enumerated() {
            let r = s.seats.rows[i], y = rect.y + 2 + k
            let status = r.onSale ? ("在售", Role.ok) : ("停运 " + (r.stopReason ?? ""), Role.error)
            row(&screen, y: y, [(String(ChinaTime.minute(r.departsAt).suffix(5)), 5, false, .normal), ("\(r.fromCity)→\(r.toCity)", 10, false, .normal),
                                (String(r.seatsTotal), 3, true, .normal), (String(r.seatsSold), 3, true, .normal), (String(r.seatsHeld), 3, true, .normal),
                                (String(r.seatsLeft), 3, true, r.seatsLeft == 0 ? .warn : .normal)])
            screen.put(x: 1 + 5 + 1 + 10 + 1 + 4 * 4, y: y, spans: bar(r, width: barW))
            let x = 1 + 5 + 1 + 10 + 1 + 4 * 4 + barW + 1
            screen.put(x: x, y: y, text: Money.yuan(r.priceFen), style: Style(.normal), columns: 7, alignRight: true)
            screen.put(x: x + 8, y: y, text: status.0, style: Style(status.1), maxWidth: rect.width - x - 9)
            if i == s.seats.selected { screen.restyle(Rect(x: 0, y: y, width: rect.width, height: 1), style: Style(.selected)) }
        }
    }

    static func duration(_ seconds: Int) -> String {
        seconds >= 86400 ? "\(seconds / 86400)d\(seconds % 86400 / 3600)h" : "\(seconds / 3600)h\(seconds % 3600 / 60)m"
    }

    static func refunds(_ screen: inout Screen, _ s: AppState, rect: Rect, now: Int) {
        screen.put(x: 1, y: rect.y, text: "Refunds  pending \(s.refunds.total), earliest departure first   A approve  R reject  Enter order", style: Style(.subHeader))
        titles(&screen, y: rect.y + 1, [("退款单", 10, false), ("订单号", 12, false), ("发车", 11, false), ("乘客", 10, false), ("已付", 8, true), ("手续费", 12, true), ("下一档", 6, true)])
        guard !s.refunds.rows.isEmpty else { screen.put(x: 1, y: rect.y + 2, text: s.refunds.loaded ? "no pending refunds" : "loading…", style: Style(.dim)); return }
        for (k, i) in window(count: s.refunds.rows.count, selected: s.refunds.selected, height: rect.height - 2).enumerated() {
            let r = s.refunds.rows[i], y = rect.y + 2 + k
            let fee = r.currentFeePercent.map { "\($0)% \(Money.yuan(r.currentFeeFen ?? 0))" } ?? "不可退"
            row(&screen, y: y, [(r.refund.refundId, 10, false, .normal), (r.agentOrderId, 12, false, .normal), (ChinaTime.short(r.departsAt), 11, false, .normal),
                                (r.passengerNames, 10, false, .normal), (Money.yuan(r.refund.paidFen), 8, true, .normal),
                                (fee, 12, true, r.currentFeePercent == nil ? .error : .normal), (r.secondsToNextTier.map(duration) ?? "-", 6, true, .dim)])
            if i == s.refunds.selected { screen.restyle(Rect(x: 0, y: y, width: rect.width, height: 1), style: Style(.selected)) }
        }
    }

    static func callbacks(_ screen: inout Screen, _ s: AppState, rect: Rect, now: Int) {
        screen.put(x: 1, y: rect.y, text: "Callbacks  \(s.callbacks.total) in the outbox, failed first   T re-fire  Enter order", style: Style(.subHeader))
        titles(&screen, y: rect.y + 1, [("方法", 16, false), ("订单号", 12, false), ("状态", 7, false), ("次", 2, true), ("下次", 11, false), ("结果", max(8, rect.width - 56), false)])
        guard !s.callbacks.rows.isEmpty else { screen.put(x: 1, y: rect.y + 2, text: s.callbacks.loaded ? "the outbox is empty" : "loading…", style: Style(.dim)); return }
        for (k, i) in window(count: s.callbacks.rows.count, selected: s.callbacks.selected, height: rect.height - 2).enumerated() {
            let c = s.callbacks.rows[i], y = rect.y + 2 + k
            let short = c.method.replacingOccurrences(of: "taobao.bus.", with: "")
            let result = [c.lastCode, c.lastSubCode, c.lastMessage].compactMap { $0 }.joined(separator: " ")
            let role: Role = c.state == .failed ? .error : (c.state == .sent ? .ok : .warn)
            row(&screen, y: y, [(short, 16, false, .normal), (c.agentOrderId ?? "-", 12, false, .normal), (c.state.rawValue, 7, false, role),
                                (String(c.attempts), 2, true, .normal), (c.state == .sent ? "-" : ChinaTime.short(c.nextAttemptAt), 11, false, .dim),
                                (result, max(8, rect.width - 56), false, .normal)])
            if i == s.callbacks.selected { screen.restyle(Rect(x: 0, y: y, width: rect.width, height: 1), style: Style(.selected)) }
        }
    }
}
