import Store

/// One order in full, as the detail screen shows it.
public struct OrderDetailViewModel: Equatable, Sendable {
    public var detail: OrderDetail
    /// Certificate numbers, phones and ticket passwords in full (the console audits the reveal).
    public var revealed = false
    /// First content line shown; the console clamps it with `OrderDetailView.maxScroll`.
    public var scroll = 0
    /// Epoch seconds: a pending refund's fee is quoted under the tier in force now, as the Refunds view quotes it.
    public var now: Int
    public init(detail: OrderDetail, revealed: Bool = false, scroll: Int = 0, now: Int = 0) {
        self.detail = detail; self.revealed = revealed; self.scroll = scroll; self.now = now
    }
}

/// The order detail: a title line, then scrollable sections (trip, passengers, fetch info,
/// vehicle, refunds, callbacks, audit trail).
public enum OrderDetailView {
    public static func render(_ m: OrderDetailViewModel, into screen: inout Screen, rect: Rect) {
        guard rect.height > 0 else { return }
        screen.fill(rect)
        let s = m.detail.summary
        screen.put(x: rect.x, y: rect.y, spans: [
            TextSpan(" 订单 Order ", .subHeader), TextSpan(s.agentOrderId, Style(.normal, bold: true)),
            TextSpan("   飞猪 ", .subHeader), TextSpan(s.mainBizOrderId),
            TextSpan("   "), TextSpan(s.status.chinese, .status(s.status)),
            TextSpan(m.revealed ? "   revealed" : "", .warn),
        ], maxWidth: rect.width)
        let all = lines(m, width: rect.width - 2)
        let bodyHeight = rect.height - 1
        let top = min(max(0, m.scroll), max(0, all.count - bodyHeight))
        for (i, line) in all.dropFirst(top).prefix(bodyHeight).enumerated() {
            screen.put(x: rect.x + 1, y: rect.y + 1 + i, spans: line, maxWidth: rect.width - 2, ellipsis: true)
        }
        if all.count > bodyHeight {
            let pos = "\(top + 1)-\(min(all.count, top + bodyHeight))/\(all.count)"
            screen.put(x: rect.maxX - DisplayWidth.of(pos) - 1, y: rect.y, text: pos, style: Style(.dim))
        }
    }

    /// The largest useful scroll offset for a body of `rect` (so End and PgDn stop at the last line).
    public static func maxScroll(_ m: OrderDetailViewModel, rect: Rect) -> Int {
        max(0, lines(m, width: rect.width - 2).count - (rect.height - 1))
    }

    typealias Line = [TextSpan]

    static func label(_ text: String) -> TextSpan { TextSpan(DisplayWidth.pad(text, to: 8), .dim) }
    static func section(_ text: String) -> Line { [TextSpan(text, .sectionTitle)] }

    /// All content lines for a body `width` columns wide, before scrolling.
    public static func lines(_ m: OrderDetailViewModel, width: Int) -> [[TextSpan]] {
        let d = m.detail, s = d.summary
        var out: [Line] = []
        // First, where it cannot be scrolled past: what Fliggy has not acknowledged (issue 12).
        let notTold = NotTold(d)
        if !notTold.isEmpty { out.append([TextSpan(notTold.summary, Style(notTold.role, bold: true))]) }
        out.append([label("线路"), TextSpan(s.fromCity + " " + d.fromStation), TextSpan(" → ", .dim),
                    TextSpan(s.toCity + " " + d.toStation), TextSpan("   班次 ", .dim), TextSpan(d.scheduleId)])
        if !d.fromStationAddress.isEmpty { out.append([label("上车点"), TextSpan(d.fromStationAddress)]) }
        out.append([label("发车"), TextSpan(ChinaTime.minute(s.departsAt) + " " + ChinaTime.zoneLabel, Style(.normal, bold: true))])
        var times: Line = [label("时间"), TextSpan("下单 " + ChinaTime.minute(s.createdAt))]
        if let p = d.paidAt { times.append(TextSpan("  付款 " + ChinaTime.minute(p))) }
        if let i = d.issuedAt { times.append(TextSpan("  出票 " + ChinaTime.minute(i))) }
        if let l = d.lockExpiresAt, s.status == .awaitingPayment { times.append(TextSpan("  锁座至 " + ChinaTime.minute(l), .warn)) }
        out.append(times)
        out.append([label("联系人"), TextSpan(person(s.contactName, m.revealed)), TextSpan("  "),
                    TextSpan(m.revealed ? s.contactPhone : Masking.phone(s.contactPhone))])
        out.append([label("金额"), TextSpan(Money.yuan(s.totalFen) + " 元", Style(.normal, bold: true)),
                    TextSpan("  \(s.ticketCount) 张   退票 " + (d.isOrderRefund ? "按订单" : "按票"), .dim)])
        out.append([])
        out.append(section("乘客 Passengers (\(d.tickets.count))"))
        for t in d.tickets {
            var line: Line = [TextSpan("  "), TextSpan(DisplayWidth.pad(person(t.name, m.revealed), to: 8)),
                              TextSpan(" " + DisplayWidth.pad(t.status.chinese, to: 8), .ticketStatus(t.status)),
                              TextSpan(notTold.tickets.contains(t.id) ? " " + NotTold.mark + " " : "", notTold.role),
                              TextSpan(" 座位 ", .dim), TextSpan(DisplayWidth.pad(t.seatNo ?? "-", to: 4)),
                              TextSpan(" 证件 ", .dim), TextSpan(m.revealed ? t.certNo : Masking.certificate(t.certNo)),
                              TextSpan("  票价 ", .dim), TextSpan(Money.yuan(t.priceFen))]
            if t.serviceFeeFen > 0 { line += [TextSpan("+", .dim), TextSpan(Money.yuan(t.serviceFeeFen))] }
            if let no = t.ticketNo { line += [TextSpan("  取票号 ", .dim), TextSpan(no)] }
            if t.isOfflineRefund { line.append(TextSpan("  线下退", .warn)) }
            out.append(line)
        }
        out.append([])
        out.append(section("取票 Fetch"))
        let f = d.fetch
        if f.ticketNo == nil && f.ticketPwd == nil && f.gate == nil {
            out.append([TextSpan("  not issued yet", .dim)])
        } else {
            out.append([TextSpan("  取票号 ", .dim), TextSpan(f.ticketNo ?? "-", Style(.normal, bold: true)),
                        TextSpan("   密码 ", .dim), TextSpan(f.ticketPwd.map { m.revealed ? $0 : Masking.secret($0) } ?? "-"),
                        TextSpan("   检票口 ", .dim), TextSpan(f.gate ?? "-")])
            if let seats = f.seatNumbers { out.append([TextSpan("  座位 ", .dim), TextSpan(seats)]) }
            if let a = f.address { out.append([TextSpan("  取票地址 ", .dim), TextSpan(a)]) }
        }
        let v = d.vehicle
        out.append([])
        out.append(section("车辆 Vehicle"))
        if v.plate == nil && v.driverName == nil {
            out.append([TextSpan("  not assigned", .dim)])
        } else {
            out.append([TextSpan("  车牌 ", .dim), TextSpan(v.plate ?? "-"), TextSpan("  ", .dim),
                        TextSpan([v.brand, v.model].compactMap { $0 }.joined(separator: " ")),
                        TextSpan("   司机 ", .dim), TextSpan(v.driverName.map { person($0, m.revealed) } ?? "-"),
                        TextSpan(" "), TextSpan(v.driverPhone.map { m.revealed ? $0 : Masking.phone($0) } ?? "")])
        }
        out.append([])
        if !d.notes.isEmpty {
            out.append(section("备注 Notes (\(d.notes.count))"))
            for n in d.notes {
                out.append([TextSpan(ChinaTime.minute(n.at) + " ", .dim), TextSpan(n.operatorName + " ", .dim), TextSpan(n.text)])
            }
        }
        out.append(section("退票 Refunds (\(d.refunds.count))"))
        for r in d.refunds {
            var line = refundLine(r, quote: r.status == .pending ? quote(r, d, now: m.now) : nil)
            if notTold.refunds.contains(r.id) { line.insert(TextSpan(NotTold.mark + " ", notTold.role), at: 2) }
            out.append(line)
        }
        out.append([])
        out.append(section("回调 Callbacks (\(d.callbacks.count))"))
        for c in d.callbacks { out += callbackLines(c, revealed: m.revealed, width: width) }
        out.append([])
        out.append(section("审计 Audit (\(d.audit.count))"))
        for a in d.audit {
            out.append([TextSpan("  " + ChinaTime.second(a.at) + "  ", .dim), TextSpan(DisplayWidth.pad(a.operatorName, to: 10)),
                        TextSpan(" " + DisplayWidth.pad(a.source, to: 8), .dim), TextSpan(" " + a.action, Style(.normal, bold: true)),
                        TextSpan(" " + a.entity + " " + a.entityId, .dim)])
        }
        return out.flatMap { fold($0, width: width) }
    }

    /// A line wider than the body goes on below, indented, between spans (issue 12: at 80 columns a refund line
    /// ended "退款 1…", cutting the amount). A span ending in a space stays with the next (a label with its
    /// value); only a piece wider than the body is still cut.
    static func fold(_ line: Line, width: Int) -> [Line] {
        var pieces: [Line] = []
        for span in line {
            if let last = pieces.last?.last, last.text.hasSuffix(" ") { pieces[pieces.count - 1].append(span) } else { pieces.append([span]) }
        }
        let indent = "      "
        var out: [Line] = [], current: Line = [], used = 0
        for piece in pieces {
            let w = piece.reduce(0) { $0 + DisplayWidth.of(TerminalText.sanitize($1.text)) }
            if used + w > width, used > indent.count {
                out.append(current)
                var rest = piece
                rest[0].text = String(rest[0].text.drop { $0 == " " })
                current = [TextSpan(indent)] + rest
                used = indent.count + w - (piece[0].text.count - rest[0].text.count)
            } else {
                current += piece
                used += w
            }
        }
        return out + [current]
    }

    static func person(_ name: String, _ revealed: Bool) -> String { revealed ? name : Masking.name(name) }

    /// A pending refund has no decided fee yet (the row holds 0): quote it as the Refunds view does, under the
    /// schedule's tier in force now (issue 12: the detail said fee 0.00 / refund 0.00 while the queue said 10 %).
    static func quote(_ r: RefundRecord, _ d: OrderDetail, now: Int) -> RefundPolicy.Quote {
        RefundPolicy.quote(paidFen: r.paidFen, rules: d.refundRules, departsAt: d.summary.departsAt, now: now)
    }

    static let statusColumn = RefundStatus.allCases.map { $0.rawValue.count }.max()! + 1
    static let sourceColumn = RefundSource.allCases.map { $0.rawValue.count }.max()! + 1

    static func refundLine(_ r: RefundRecord, quote: RefundPolicy.Quote? = nil) -> Line {
        let role: Role = r.status == .failed || r.status == .rejected ? .error : (r.status == .pending ? .warn : .ok)
        // Each column one wider than its longest word: "approved" ran into "⚠ Fliggy not told", "money_only"
        // was cut to "money_o…" against 实付.
        var line: Line = [TextSpan("  " + r.refundId + " "), TextSpan(DisplayWidth.pad(r.status.rawValue, to: statusColumn), role),
                          TextSpan(DisplayWidth.pad(r.source.rawValue, to: sourceColumn), .dim),
                          TextSpan("实付 ", .dim), TextSpan(Money.yuan(r.paidFen))]
        if let q = quote {
            if let pct = q.feePercent, let fee = q.feeFen {
                line += [TextSpan(" 手续费 \(pct)% ", .dim), TextSpan(Money.yuan(fee)),
                         TextSpan(" 退款 ", .dim), TextSpan(Money.yuan(r.paidFen - fee), Style(.normal, bold: true)),
                         TextSpan(" quoted now", .dim)]
            } else {
                line += [TextSpan(" 手续费 ", .dim), TextSpan("不可退", .error), TextSpan(" (no refund tier now)", .dim)]
            }
        } else {
            line += [TextSpan(" 手续费 ", .dim), TextSpan(Money.yuan(r.feeFen)),
                     TextSpan(" 退款 ", .dim), TextSpan(Money.yuan(r.amountFen), Style(.normal, bold: true))]
        }
        line.append(TextSpan(" " + ChinaTime.short(r.requestedAt), .dim))
        if let reason = r.reason, !reason.isEmpty { line.append(TextSpan("  " + reason)) }
        return line
    }

    /// A callback's state and result; its response (and, once personal data is revealed, the request,
    /// which carries passengers' details) wrapped in full so on-call can read exactly what was said.
    static func callbackLines(_ c: OutboxRecord, revealed: Bool, width: Int) -> [Line] {
        let role: Role = c.state == .failed ? .error : (c.state == .sent ? .ok : .warn)
        var first: Line = [TextSpan("  " + DisplayWidth.pad(Formatting.shortMethod(c.method), to: 16)),
                           TextSpan(DisplayWidth.pad(c.state.rawValue, to: 8), role),
                           TextSpan(" attempts \(c.attempts)", .dim)]
        if c.state == .pending || c.state == .sending {
            first.append(TextSpan("  next " + ChinaTime.clock(c.nextAttemptAt), .dim))
        }
        var result = [String]()
        if let h = c.lastHttpStatus { result.append("HTTP \(h)") }
        if let code = c.lastCode { result.append("code " + code) }
        if let sub = c.lastSubCode { result.append(sub) }
        if !result.isEmpty { first.append(TextSpan("  " + result.joined(separator: " / "))) }
        var out = [first]
        if let msg = c.lastMessage, !msg.isEmpty { out.append([TextSpan("      → ", .dim), TextSpan(msg, role == .error ? .error : .normal)]) }
        let indent = "      "
        for (label, body) in [("request", revealed ? c.lastRequest : nil), ("response", c.lastResponse)] {
            guard let body, !body.isEmpty else { continue }
            out.append([TextSpan(indent + label, .dim)])
            // Sanitize before wrapping so escapes (`\e`) count the columns they will take.
            for piece in DisplayWidth.wrap(TerminalText.sanitize(body), to: max(10, width - indent.count - 2), maxLines: 12) {
                out.append([TextSpan(indent + "  " + piece)])
            }
        }
        return out
    }
}
