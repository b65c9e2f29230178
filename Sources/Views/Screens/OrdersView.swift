import Store

/// The orders list as the console holds it: one window of rows, already filtered and sorted by
/// the store.
public struct OrdersViewModel: Equatable, Sendable {
    public var rows: [OrderSummary] = []
    /// Index into `rows` of the highlighted row.
    public var selected: Int? = 0
    /// Phones and names masked on the list (the default; the detail can reveal them).
    public var maskPersonal = true
    /// `all`, `出票成功`, … as the sub-header shows it.
    public var filterLabel = "all"
    /// `created`, `departure`, `amount`.
    public var sortLabel = "created"
    /// The sort's direction: ↑ oldest / soonest / smallest first (issue 12), ↓ the other way.
    public var ascending = false
    /// The last search, shown so `n`/`N` make sense.
    public var search: String?
    public var moreAbove = false
    public var moreBelow = false
    /// False until the first query answers (shows `Loading…` rather than "no orders").
    public var loaded = true

    public init(rows: [OrderSummary] = [], selected: Int? = 0) { self.rows = rows; self.selected = selected }
}

/// The orders list: sub-header, column titles, rows (see `ChromeModel` for the frame around it).
public enum OrdersView {
    /// Columns in display order; the least important go first when the terminal is narrow.
    public static let columns: [TableColumn] = [
        .orderId(priority: 100),
        TableColumn("飞猪订单号", width: 19, priority: 20),
        TableColumn("状态", width: 8, priority: 90),
        .departure(priority: 80),
        .route(width: 13, flex: 2, priority: 70),
        TableColumn("联系人", width: 18, flex: 1, priority: 40),
        TableColumn("票数", width: 4, priority: 30, alignRight: true),
        TableColumn("金额(元)", width: 9, priority: 60, alignRight: true),
    ]

    /// Data rows that fit in `rect` (after the sub-header and column titles): the page size.
    public static func pageSize(for rect: Rect) -> Int { ListScreen.pageSize(for: rect) }

    public static func render(_ m: OrdersViewModel, into screen: inout Screen, rect: Rect) {
        let rows = m.rows.prefix(pageSize(for: rect)).map { cells(for: $0, mask: m.maskPersonal) }
        let empty = m.filterLabel == "all" ? "No orders yet." : "No orders with status \(m.filterLabel)."
        // The window is not the whole list here: ▲/▼ more say there is more, not a position.
        ListScreen.render(header: subHeader(m), columns: columns, rows: Array(rows), selected: m.selected, position: nil,
                          empty: empty, loaded: m.loaded, into: &screen, rect: rect)
        guard rect.height > 0 else { return }
        renderMore(m, into: &screen, rect: rect)
    }

    static func subHeader(_ m: OrdersViewModel) -> [TextSpan] {
        var spans = [TextSpan(" Filter: ", .subHeader), TextSpan(m.filterLabel, .key),
                     TextSpan("   Sort: ", .subHeader), TextSpan(m.sortLabel + (m.ascending ? " ↑" : " ↓"), .key)]
        if let q = m.search { spans += [TextSpan("   Search: ", .subHeader), TextSpan(q, .key)] }
        return spans
    }

    static func renderMore(_ m: OrdersViewModel, into screen: inout Screen, rect: Rect) {
        let more = (m.moreAbove ? "▲ more" : "") + (m.moreAbove && m.moreBelow ? "  " : "") + (m.moreBelow ? "▼ more" : "")
        if !more.isEmpty {
            let w = DisplayWidth.of(more)
            screen.put(x: rect.maxX - w - 1, y: rect.y, text: more, style: Style(.dim))
        }
    }

    /// One row's cells in `columns` order.
    static func cells(for o: OrderSummary, mask: Bool) -> [[TextSpan]] {
        let name = mask ? Masking.name(o.contactName) : o.contactName
        let phone = mask ? Masking.phone(o.contactPhone) : o.contactPhone
        return [
            Table.cell(o.agentOrderId),
            Table.cell(o.mainBizOrderId, .dim),
            Table.cell(o.status.chinese, .status(o.status)),
            Table.cell(ChinaTime.short(o.departsAt)),
            Table.cell(o.fromCity + "→" + o.toCity),
            Table.cell(name + " " + phone),
            Table.cell(String(o.ticketCount)),
            Table.cell(Money.yuan(o.totalFen)),
        ]
    }
}
