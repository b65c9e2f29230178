import Store
import Views

/// The order detail: a scrollable list of lines built from the order, its tickets, refunds, callbacks and audit.
enum DetailRenderer {
    static func lines(_ d: OrderDetail, revealed: Bool, now: Int) -> [[TextSpan]] {
        let o = d.summary
        func mask(_ s: String, _ f: (String) -> String) -> String { revealed ? s : f(s) }
        var out: [[TextSpan]] = []
        func line(_ spans: TextSpan...) { out.append(spans) }
        func section(_ t: String) { out.append([]); out.append([TextSpan(t, Style(.sectionTitle, bold: true))]) }
        line(TextSpan("订单 \(o.agentOrderId)", Style(.normal, bold: true)), TextSpan("  飞猪 \(o.mainBizOrderId)  "),
             TextSpan(o.status.chinese + " (\(o.status.rawValue))", .status(o.status)))
        line(TextSpan("线路 \(o.fromCity)→\(o.toCity)  \(d.fromStation) → \(d.toStation)   班次 \(d.scheduleId)"))
        line(TextSpan("发车 \(ChinaTime.minute(o.departsAt)) GMT+8   下单 \(ChinaTime.minute(o.createdAt))" +
                      (d.lockExpiresAt.map { "   锁座至 \(ChinaTime.minute($0))" } ?? "")))
        line(TextSpan("联系人 \(mask(o.contactName, Masking.name)) \(mask(o.contactPhone, Masking.phone))   \(o.ticketCount) 张  \(Money.yuan(o.totalFen)) 元   退票方式 \(d.isOrderRefund ? "按单" : "按票")"))
        section("取票信息")
        line(TextSpan("取票号 \(d.fetch.ticketNo ?? "-")  取票密码 \(d.fetch.ticketPwd ?? "-")  检票口 \(d.fetch.gate ?? "-")  座位 \(d.fetch.seatNumbers ?? "-")"))
        if let a = d.fetch.address { line(TextSpan("取票地址 \(a)")) }
        let v = d.vehicle
        if v.plate != nil || v.driverName != nil {
            line(TextSpan("车辆 \(v.plate ?? "-") \(v.brand ?? "") \(v.model ?? "")  司机 \(v.driverName ?? "-") \(v.driverPhone.map { mask($0, Masking.phone) } ?? "")"))
        }
        section("乘客 (\(d.tickets.count))")
        for t in d.tickets {
            line(TextSpan("\(t.passengerId). \(mask(t.name, Masking.name))  \(mask(t.certNo, Masking.certificate))  座 \(t.seatNo ?? "-")  "),
                 TextSpan(t.status.chinese, .ticketStatus(t.status)),
                 TextSpan("  \(Money.yuan(t.priceFen + t.serviceFeeFen)) 元  票号 \(t.ticketNo ?? "-")" + (t.isOfflineRefund ? "  线下已退" : "")))
        }
        section("退款 (\(d.refunds.count))")
        for r in d.refunds {
            line(TextSpan("\(r.refundId)  \(r.source.rawValue)/\(r.scene.rawValue)  \(r.status.rawValue)  已付 \(Money.yuan(r.paidFen))  手续费 \(Money.yuan(r.feeFen))  退款 \(Money.yuan(r.amountFen))" +
                          (r.decidedBy.map { "  by \($0)" } ?? "") + (r.resultCode.map { "  code \($0)" } ?? "") + (r.reason.map { "  \($0)" } ?? "")))
        }
        section("回调 (\(d.callbacks.count))")
        for c in d.callbacks {
            let result = [c.lastCode, c.lastSubCode, c.lastMessage].compactMap { $0 }.joined(separator: " ")
            line(TextSpan("\(c.method.replacingOccurrences(of: "taobao.bus.", with: ""))  "), TextSpan(c.state.rawValue, c.state == .failed ? .error : (c.state == .sent ? .ok : .warn)),
                 TextSpan("  attempts \(c.attempts)  key \(c.idempotencyKey)  \(result)"))
        }
        section("审计 (\(d.audit.count))")
        for a in d.audit {
            line(TextSpan("\(ChinaTime.second(a.at))  \(a.operatorName)@\(a.source)  \(a.action)  \(a.entityId)  \(a.before ?? "") → \(a.after ?? "")"))
        }
        return out
    }

    static func render(_ screen: inout Screen, _ d: DetailState, rect: Rect, now: Int) {
        screen.put(x: 1, y: rect.y, text: "Order detail   Esc back  v reveal  y copy  I issue  F fail  O offline refund  M money refund", style: Style(.subHeader))
        guard let detail = d.detail else { screen.put(x: 1, y: rect.y + 1, text: "loading…", style: Style(.dim)); return }
        let all = lines(detail, revealed: d.revealed, now: now)
        let h = rect.height - 1
        let start = max(0, min(d.scroll, all.count - h))
        for (k, spans) in all.dropFirst(start).prefix(h).enumerated() {
            screen.put(x: 1, y: rect.y + 1 + k, spans: spans, maxWidth: rect.width - 2)
        }
    }
}
