import Store
import Views

/// The daily settlement's output shapes. The text lines are also what the console's `:report` screen shows, so the
/// two never disagree.
enum ReportFormats {
    static let kinds = DayRefundKind.allCases

    static func csv(_ r: DayReport) -> String {
        var header: [CSVText.Cell] = ["date", "route", "orders", "tickets", "taken_yuan"].map { .text($0) }
        for k in kinds { header += [.text("refunds_\(k.rawValue)_count"), .text("refunds_\(k.rawValue)_yuan")] }
        header += [.text("fees_kept_yuan"), .text("net_yuan")]
        var out = CSVText.row(header)
        for l in r.routes + [r.total] {
            var row: [CSVText.Cell] = [.text(r.day), .text(l.route), .number(String(l.orders)), .number(String(l.tickets)),
                                       .number(Money.yuan(l.takenFen))]
            for k in kinds { row += [.number(String(l.refund(k).count)), .number(Money.yuan(l.refund(k).amountFen))] }
            row += [.number(Money.yuan(l.feesFen)), .number(Money.yuan(l.netFen))]
            out += CSVText.row(row)
        }
        return out
    }

    static func json(_ r: DayReport) -> String {
        func line(_ l: DayReportLine) -> String {
            let refunds = kinds.map { "\(JSONText.quote($0.rawValue)):{\"count\":\(l.refund($0).count),\"yuan\":\(JSONText.quote(Money.yuan(l.refund($0).amountFen)))}" }
            return "{\"route\":\(JSONText.quote(l.route)),\"orders\":\(l.orders),\"tickets\":\(l.tickets),"
                + "\"taken_yuan\":\(JSONText.quote(Money.yuan(l.takenFen))),\"refunds\":{\(refunds.joined(separator: ","))},"
                + "\"fees_kept_yuan\":\(JSONText.quote(Money.yuan(l.feesFen))),\"net_yuan\":\(JSONText.quote(Money.yuan(l.netFen)))}"
        }
        let unacked = r.unacknowledged.map { c in
            "{\"callback_id\":\(c.callbackId),\"method\":\(JSONText.quote(c.method)),\"agent_order_id\":\(q(c.agentOrderId)),"
                + "\"refund_id\":\(q(c.refundId)),\"state\":\(JSONText.quote(c.state)),\"attempts\":\(c.attempts),"
                + "\"last_code\":\(q(c.lastCode)),\"created_at\":\(JSONText.quote(ChinaTime.second(c.createdAt)))}"
        }
        let mismatched = r.mismatches.map { m in
            "{\"agent_order_id\":\(JSONText.quote(m.agentOrderId)),\"order_status\":\(m.orderStatus),"
                + "\"ticket_statuses\":\(JSONText.quote(m.ticketStatuses)),\"ticket_count\":\(m.ticketCount),\"why\":\(JSONText.quote(m.why))}"
        }
        return "{\"date\":\(JSONText.quote(r.day)),\"zone\":\"GMT+8\",\"routes\":[\(r.routes.map(line).joined(separator: ","))],"
            + "\"total\":\(line(r.total)),\"reconciliation\":{\"unacknowledged_callbacks\":[\(unacked.joined(separator: ","))],"
            + "\"status_mismatches\":[\(mismatched.joined(separator: ","))]}}"
    }

    static func q(_ s: String?) -> String { s.map(JSONText.quote) ?? "null" }

    /// Plain lines, columns padded by display width (route names are Chinese: two columns a character). Where the
    /// full table is wider than `width` (the console at 80 columns), refunds are one column and their kinds follow.
    static func text(_ r: DayReport, width: Int = .max) -> [String] {
        func full() -> [String] {
            var rows: [[String]] = [["route", "orders", "tickets", "taken"] + kinds.map(\.label) + ["fees kept", "net"]]
            for l in r.routes + [r.total] {
                rows.append([l.route, String(l.orders), String(l.tickets), Money.yuan(l.takenFen)]
                    + kinds.map { k in l.refund(k).count == 0 ? "-" : "\(Money.yuan(l.refund(k).amountFen)) (\(l.refund(k).count))" }
                    + [Money.yuan(l.feesFen), Money.yuan(l.netFen)])
            }
            return TextColumns.lay(rows, rightFrom: 1)
        }
        func compact() -> [String] {
            var rows: [[String]] = [["route", "orders", "tickets", "taken", "refunded", "fees kept", "net"]]
            for l in r.routes + [r.total] {
                rows.append([l.route, String(l.orders), String(l.tickets), Money.yuan(l.takenFen),
                             l.refundCount == 0 ? "-" : "\(Money.yuan(l.refundedFen)) (\(l.refundCount))", Money.yuan(l.feesFen), Money.yuan(l.netFen)])
            }
            let kinds = kinds.map { k in "\(k.label) \(Money.yuan(r.total.refund(k).amountFen)) (\(r.total.refund(k).count))" }
            return TextColumns.lay(rows, rightFrom: 1) + ["", "refunds by kind: " + kinds.joined(separator: ", ")]
        }
        var out = ["settlement \(r.day) (GMT+8), money in yuan; refunds: amount (count)", ""]
        let table = full()
        out += (table.first.map(DisplayWidth.of) ?? 0) <= width ? table : compact()
        out.append("")
        out.append("unacknowledged callbacks (\(r.unacknowledged.count)): money moved, Fliggy has not confirmed")
        for c in r.unacknowledged {
            out.append("  #\(c.callbackId) \(ChinaTime.clock(c.createdAt)) \(Formatting.shortMethod(c.method)) order \(c.agentOrderId ?? "-")"
                + (c.refundId.map { " refund \($0)" } ?? "") + " \(c.state) after \(c.attempts) tries" + (c.lastCode.map { " (\($0))" } ?? ""))
        }
        out.append("orders whose status disagrees with their tickets (\(r.mismatches.count))")
        for m in r.mismatches {
            out.append("  \(m.agentOrderId) status \(m.orderStatus), tickets [\(m.ticketStatuses)]: \(m.why)")
        }
        return out
    }
}
