import Store

/// Due work, soonest first (issue 12, `:due`): the same rows `busops due` prints.
public struct DueViewModel: Equatable, Sendable {
    public var rows: [DueItem]
    public var now: Int
    public var offset = 0
    public var selected: Int? = 0
    public var loaded = true
    public init(rows: [DueItem], now: Int, offset: Int = 0, selected: Int? = 0) {
        self.rows = rows; self.now = now; self.offset = offset; self.selected = selected
    }
}

/// Time left as the due list says it: `12m`, `1h5m`, `overdue 3m`.
public enum DueText {
    /// At most 14 columns ("overdue 23h59m"): the Due view's column is that wide, so a time left is never cut.
    public static func left(_ seconds: Int) -> String {
        seconds >= 0 ? Formatting.duration(max(1, seconds)) : "overdue " + Formatting.duration(-seconds)
    }

    /// Rows due within `seconds` from `now` (overdue ones included).
    /// Counts in place: the tab bar asks twice per frame, over every due row (no copy of the rows, issue 12).
    public static func count(_ rows: [DueItem], within seconds: Int, now: Int) -> Int {
        var n = 0
        for i in rows.indices where rows[i].dueAt - now <= seconds { n += 1 }
        return n
    }
}

public enum DueView {
    /// The columns for ids up to `idWidth` wide: 编号 is as wide as the longest id in the list (never less than an
    /// order number's 12), so an id is never cut — a schedule id ("L-HZC-SHC-20261122-0730") included. Where that
    /// leaves no room at 80 columns the route gives way first (lowest priority); Enter shows it in the order.
    public static func columns(idWidth: Int = 12) -> [TableColumn] { [
        TableColumn("类别", width: 8, priority: 90),
        TableColumn("编号", width: max(12, idWidth), priority: 100),
        // City → city fits 11 columns; the spare room goes to 事项 (at 120 columns a dead letter read
        // "bookticket.confirm dead-lettered: Fligg…", the route column padded out beside it).
        .route(flex: 0, priority: 40),
        TableColumn("到期 (\(ChinaTime.zoneLabel))", width: 12, priority: 95),
        TableColumn("剩余", width: 14, priority: 98, alignRight: true),
        // 14 at least: at 80 columns 事项 gives two columns to a 14-wide id ("S20261122-0730"); Enter shows it whole.
        TableColumn("事项", width: 14, flex: 2, priority: 60),
    ] }

    /// The widest id in the whole list, not just the page, so the columns stay put while scrolling.
    static func idWidth(_ rows: [DueItem]) -> Int {
        var w = 0
        for i in rows.indices { w = max(w, DisplayWidth.of(rows[i].id)) }
        return w
    }

    public static func pageSize(for rect: Rect) -> Int { ListScreen.pageSize(for: rect) }

    public static func render(_ m: DueViewModel, into screen: inout Screen, rect: Rect) {
        let hour = DueText.count(m.rows, within: 3600, now: m.now)
        let header = [
            TextSpan(" \(m.rows.count) due", .key), TextSpan("   soonest first · \(hour) within the hour · Enter opens", .subHeader),
        ]
        let shown = Array(m.rows.dropFirst(m.offset).prefix(pageSize(for: rect)))
        ListScreen.render(header: header, columns: columns(idWidth: idWidth(m.rows)), rows: shown.map { cells($0, now: m.now) },
                          selected: m.selected.map { $0 - m.offset }, position: (m.offset, m.rows.count),
                          empty: "Nothing due.", loaded: m.loaded, into: &screen, rect: rect)
    }

    static func cells(_ d: DueItem, now: Int) -> [[TextSpan]] {
        let left = d.secondsLeft(now: now)
        let role: Role = left < 0 ? .error : (left <= 900 ? .warn : .normal)
        return [
            Table.cell(d.kind.rawValue, .dim),
            Table.cell(d.id),
            Table.cell(d.route),
            Table.cell(ChinaTime.short(d.dueAt)),
            Table.cell(DueText.left(left), role),
            Table.cell(d.what),
        ]
    }
}
