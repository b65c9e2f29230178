import Store

/// One callback in full (issue 12, "Lists operators asked for"): what it is, the parameters exactly as they are
/// signed (the business JSON: no app secret or signature is ever stored in it), each attempt's outcome from the
/// audit trail, and the last request (stored without secrets) and response. Any method, `item.notify` included.
public enum CallbackDetailView {
    public static func title(_ d: CallbackDetail?, id: Int64) -> String {
        "Callback #\(id)" + (d.map { "  " + $0.record.method } ?? "")
    }

    /// The page as lines `width` columns wide (long JSON is cut by column, never dropped).
    public static func lines(_ d: CallbackDetail, width: Int) -> [String] {
        let c = d.record, w = max(20, width - 2)
        var out: [String] = []
        func wrapped(_ text: String, indent: String = "  ") {
            out += DisplayWidth.wrap(TerminalText.sanitize(text), to: w - indent.count).map { indent + $0 }
        }
        out.append("state \(c.state.rawValue) · tries \(c.attempts)" + (c.state == .pending ? " · next \(ChinaTime.minute(c.nextAttemptAt))" : ""))
        out.append("order \(c.agentOrderId ?? "-") · created \(ChinaTime.second(c.createdAt)) · updated \(ChinaTime.second(c.updatedAt))")
        wrapped("key \(c.idempotencyKey)", indent: "")
        out.append("")
        out.append("Parameters (the business JSON as signed; no secrets; personal data masked)")
        if let fields = (try? JSON.parse(c.params))?.objectValue {
            for (k, v) in fields {
                let shown = PersonalFields.mask(v, key: k)
                wrapped("\(k): \(shown.stringValue ?? shown.compactText)")
            }
        } else {
            wrapped(c.params)
        }
        out.append("")
        out.append("Attempts (\(d.attempts.count))")
        if d.attempts.isEmpty { out.append("  none yet") }
        for a in d.attempts {
            var parts = [ChinaTime.second(a.at), a.action.replacingOccurrences(of: "callback.", with: "")]
            if let h = a.httpStatus { parts.append("http \(h)") }
            if let x = a.code { parts.append("code \(x)") }
            if let x = a.subCode { parts.append(x) }
            if let n = a.nextAttemptAt { parts.append("next \(ChinaTime.clock(n))") }
            wrapped(parts.joined(separator: "  "))
            if let m = a.message { wrapped(m, indent: "    ") }
        }
        out.append("")
        out.append("Last request (secrets removed; personal data masked)")
        if let request = c.lastRequest, let fields = PersonalFields.formLines(request) {
            fields.forEach { wrapped($0) }
        } else {
            wrapped(c.lastRequest ?? "-")
        }
        out.append("Last response")
        wrapped(c.lastResponse ?? "-")
        return out
    }

    public static func render(_ d: CallbackDetail?, id: Int64, scroll: Int, into screen: inout Screen, rect: Rect) {
        let m = ReportViewModel(title: title(d, id: id), lines: d.map { lines($0, width: rect.width) } ?? [], scroll: scroll, loaded: d != nil)
        ReportView.render(m, into: &screen, rect: rect)
    }
}
