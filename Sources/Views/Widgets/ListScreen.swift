/// The layout every list screen shares (orders, refunds, callbacks, seats, due): a sub-header line, the column
/// titles and the rows on screen below it, `21-40/134` at the sub-header's right when the list is longer than the
/// screen, and a centred dim line in place of the rows when there are none.
public enum ListScreen {
    /// Data rows that fit in `rect` after the sub-header and the column titles: the page size.
    public static func pageSize(for rect: Rect) -> Int { max(1, rect.height - 2) }

    /// The part of `rect` the table takes: all of it below the sub-header.
    public static func tableRect(_ rect: Rect) -> Rect {
        Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
    }

    /// Draws the whole screen. `selected` and `marked` index `rows`; `position` is where `rows[0]` stands in the whole list
    /// and how long that list is (nil: the screen says it another way); `empty` is the line shown when there are
    /// no rows once the list has loaded ("Loading…" before).
    public static func render(header: [TextSpan], columns: [TableColumn], rows: [[[TextSpan]]], selected: Int?,
                              marked: Set<Int> = [], position: (offset: Int, total: Int)?, empty: String, loaded: Bool,
                              into screen: inout Screen, rect: Rect) {
        guard rect.height > 0 else { return }
        screen.fill(rect)
        screen.put(x: rect.x, y: rect.y, spans: header, maxWidth: rect.width)
        let table = tableRect(rect)
        if let position {
            ListPosition.render(offset: position.offset, shown: rows.count, total: position.total, into: &screen, rect: rect)
        }
        Table.render(columns: columns, rows: rows, selected: selected, marked: marked, into: &screen, rect: table)
        if rows.isEmpty {
            let text = loaded ? empty : "Loading…"
            screen.put(x: rect.x, y: table.y + max(1, table.height / 2), text: DisplayWidth.center(text, in: rect.width),
                       style: Style(.dim))
        }
    }
}
