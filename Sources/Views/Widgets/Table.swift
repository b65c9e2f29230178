/// A list column: its title, the width it needs, how much spare width it takes, and how important
/// it is when the terminal is narrow (the lowest `priority` is dropped first).
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var width: Int
    public var flex: Int
    public var priority: Int
    public var alignRight: Bool

    public init(_ title: String, width: Int, flex: Int = 0, priority: Int = 10, alignRight: Bool = false) {
        self.title = title; self.width = width; self.flex = flex; self.priority = priority; self.alignRight = alignRight
    }
}

/// Lays out and draws a header row plus data rows; shared by every list view so they align and
/// select the same way.
public enum Table {
    public static let gap = 2

    /// The columns that fit `width` (least important dropped first) with their x offsets and widths;
    /// spare columns go to flexible columns by weight. Returns indices into `columns`.
    public static func layout(_ columns: [TableColumn], width: Int) -> [(index: Int, x: Int, width: Int)] {
        // Two spaces between columns read best; one is used when it saves a column from being dropped.
        let roomy = fit(columns, width: width, gap: gap)
        let tight = fit(columns, width: width, gap: 1)
        let (kept, g) = tight.count > roomy.count ? (tight, 1) : (roomy, gap)
        func needed(_ set: [Int]) -> Int { set.reduce(0) { $0 + columns[$1].width } + g * max(0, set.count - 1) }
        var spare = max(0, width - needed(kept))
        let totalFlex = kept.reduce(0) { $0 + columns[$1].flex }
        var widths = kept.map { columns[$0].width }
        if totalFlex > 0 {
            let share = spare
            for (i, c) in kept.enumerated() where columns[c].flex > 0 {
                let extra = share * columns[c].flex / totalFlex
                widths[i] += extra
                spare -= extra
            }
            if let lastFlex = kept.lastIndex(where: { columns[$0].flex > 0 }) { widths[lastFlex] += spare }
        }
        var x = 0
        var out: [(index: Int, x: Int, width: Int)] = []
        for (i, c) in kept.enumerated() {
            out.append((c, x, min(widths[i], max(0, width - x))))
            x += widths[i] + g
        }
        return out
    }

    /// The columns kept at a gap: the least important dropped first (among equals, the rightmost).
    static func fit(_ columns: [TableColumn], width: Int, gap: Int) -> [Int] {
        var kept = Array(columns.indices)
        func needed(_ set: [Int]) -> Int { set.reduce(0) { $0 + columns[$1].width } + gap * max(0, set.count - 1) }
        while needed(kept) > width, kept.count > 1 {
            let victim = kept.enumerated().min { a, b in
                columns[a.element].priority != columns[b.element].priority
                    ? columns[a.element].priority < columns[b.element].priority : a.offset > b.offset
            }!.offset
            kept.remove(at: victim)
        }
        return kept
    }

    /// Draws the column titles on the first row of `rect` and `rows` below it. `selected` is the
    /// index into `rows` drawn in `Role.selected` across the whole width. Each row holds one cell
    /// (a list of spans) per column, in `columns` order. Rows in `marked` (indices into `rows`) carry a `*` in the
    /// left margin (bulk marks, issue 12). Returns the number of data rows drawn.
    @discardableResult
    public static func render(columns: [TableColumn], rows: [[[TextSpan]]], selected: Int?, marked: Set<Int> = [],
                              into screen: inout Screen, rect: Rect) -> Int {
        guard rect.height > 0, rect.width > 0 else { return 0 }
        let placed = layout(columns, width: rect.width - 2)
        let left = rect.x + 1
        screen.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.columnTitle))
        for p in placed {
            screen.put(x: left + p.x, y: rect.y, text: columns[p.index].title, style: Style(.columnTitle),
                       columns: p.width, alignRight: columns[p.index].alignRight)
        }
        let visible = min(rows.count, rect.height - 1)
        for r in 0..<visible {
            let y = rect.y + 1 + r
            screen.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1))
            for p in placed where p.index < rows[r].count {
                let spans = rows[r][p.index]
                let joined = spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
                let w = DisplayWidth.of(TerminalText.sanitize(joined))
                let x = columns[p.index].alignRight ? left + p.x + max(0, p.width - w) : left + p.x
                if w > p.width {
                    // One truncation point for the whole cell so the ellipsis sits at a column boundary.
                    screen.put(x: left + p.x, y: y, text: joined, style: spans.first?.style ?? .normal, columns: p.width)
                } else {
                    screen.put(x: x, y: y, spans: spans, maxWidth: p.width)
                }
            }
            if marked.contains(r) { screen.put(x: rect.x, y: y, text: "*", style: Style(.key)) }
            if r == selected {
                screen.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: Style(.selected))
            }
        }
        return visible
    }

    /// A cell of one plain span.
    public static func cell(_ text: String, _ role: Role = .normal) -> [TextSpan] { [TextSpan(text, role)] }
}
