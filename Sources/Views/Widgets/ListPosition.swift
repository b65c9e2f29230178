/// `21-40/134` at the right of a list's sub-header, so the operator knows where in a long list they are.
public enum ListPosition {
    public static func render(offset: Int, shown: Int, total: Int, into screen: inout Screen, rect: Rect) {
        guard total > shown, shown > 0 else { return }
        let text = "\(offset + 1)-\(offset + shown)/\(total)"
        let w = DisplayWidth.of(text)
        screen.fill(Rect(x: rect.maxX - w - 2, y: rect.y, width: w + 2, height: 1))
        screen.put(x: rect.maxX - w - 1, y: rect.y, text: text, style: Style(.dim))
    }
}

/// Lists hold a window of their rows (a few screens around the selection), not the whole table.
public enum ListWindow {
    /// The first position on screen: the selection sits mid-screen except near either end of the list.
    public static func top(selected: Int, page: Int, total: Int) -> Int {
        max(0, min(selected - page / 2, total - page))
    }

    /// The rows on screen: from position `offset` of the whole list, out of a window that starts at `first`.
    public static func shown<Row>(_ rows: [Row], first: Int, offset: Int, page: Int) -> [Row] {
        let from = min(max(0, offset - first), rows.count)
        return Array(rows[from..<min(rows.count, from + page)])
    }
}
