import Store

/// The pending refund queue, most urgent (earliest departure) first.
public struct RefundsViewModel: Equatable, Sendable {
    public var rows: [PendingRefund]
    /// All pending refunds (the rows are one window of them).
    public var total: Int
    /// Position in the whole queue of `rows[0]` (the rows are a window around the selection).
    public var first = 0
    /// Position in the whole queue of the first row on screen.
    public var offset = 0
    /// Position in the whole queue of the highlighted row.
    public var selected: Int? = 0
    public var maskPersonal = true
    /// Refund ids marked for one bulk approve (Space), shown with `*` and counted in the header.
    public var marked: Set<String> = []
    public var loaded = true
    public init(rows: [PendingRefund], total: Int, offset: Int = 0, selected: Int? = 0) {
        self.rows = rows; self.total = total; self.offset = offset; self.selected = selected
    }
}

/// Each pending refund with the fee under the current rule tier and the time until the next tier.
public enum RefundsView {
    public static let columns: [TableColumn] = [
        .orderId(priority: 100),
        .departure(priority: 90),
        .route(priority: 40),
        TableColumn("乘客", width: 8, flex: 2, priority: 50),
        TableColumn("实付", width: 8, priority: 80, alignRight: true),
        TableColumn("手续费", width: 12, priority: 85, alignRight: true),
        TableColumn("下一档", width: 7, priority: 70, alignRight: true),
        TableColumn("来源", width: 7, priority: 30),
    ]

    public static func pageSize(for rect: Rect) -> Int { ListScreen.pageSize(for: rect) }

    public static func render(_ m: RefundsViewModel, into screen: inout Screen, rect: Rect) {
        let header = [
            TextSpan(" \(m.total) pending", .key),
            m.marked.isEmpty ? TextSpan("   most urgent first · fee under the current tier", .subHeader)
                : TextSpan("   \(m.marked.count) marked · A approves them", .warn),
        ]
        let shown = ListWindow.shown(m.rows, first: m.first, offset: m.offset, page: pageSize(for: rect))
        ListScreen.render(header: header, columns: columns, rows: shown.map { cells($0, mask: m.maskPersonal) },
                          selected: m.selected.map { $0 - m.offset },
                          marked: Set(shown.indices.filter { m.marked.contains(shown[$0].refund.refundId) }),
                          position: (m.offset, m.total), empty: "No refunds waiting.", loaded: m.loaded, into: &screen, rect: rect)
    }

    static func cells(_ p: PendingRefund, mask: Bool) -> [[TextSpan]] {
        // The store lists passengers with 、 (tests with commas): each name is masked on its own, and shown with
        // narrow commas so more of them fit.
        let names = p.passengerNames.split(whereSeparator: { $0 == "、" || $0 == "," }).map { n in
            let t = n.trimmingCharacters(in: .whitespaces)
            return mask ? Masking.name(t) : t
        }.joined(separator: ",")
        let fee: [TextSpan]
        if let pct = p.currentFeePercent, let fen = p.currentFeeFen {
            fee = [TextSpan("\(pct)% ", .dim), TextSpan(Money.yuan(fen), pct == 0 ? .ok : .normal)]
        } else {
            fee = Table.cell("不可退", .error)
        }
        let next = p.secondsToNextTier.map { Formatting.duration($0) } ?? "-"
        let urgent = (p.secondsToNextTier ?? Int.max) < 3600
        return [
            Table.cell(p.agentOrderId),
            Table.cell(ChinaTime.short(p.departsAt)),
            Table.cell(p.fromCity + "→" + p.toCity),
            Table.cell(names),
            Table.cell(Money.yuan(p.refund.paidFen)),
            fee,
            Table.cell(next, urgent ? .warn : .normal),
            Table.cell(p.refund.source.rawValue, .dim),
        ]
    }
}
