/// A page of prepared text lines with a title, scrolled by the operator: the console's daily settlement
/// (`:report DATE`, issue 13) shows the very lines `busops report day` prints, so the two never disagree.
public struct ReportViewModel: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    public var scroll: Int
    public var loaded: Bool
    public init(title: String, lines: [String], scroll: Int = 0, loaded: Bool = true) {
        self.title = title; self.lines = lines; self.scroll = scroll; self.loaded = loaded
    }
}

public enum ReportView {
    /// The first line shown: the scroll, kept so the last screenful stays full.
    public static func top(_ m: ReportViewModel, height: Int) -> Int {
        max(0, min(m.scroll, m.lines.count - max(1, height - 1)))
    }

    public static func render(_ m: ReportViewModel, into screen: inout Screen, rect: Rect) {
        guard rect.height > 0 else { return }
        screen.fill(rect)
        screen.put(x: rect.x, y: rect.y, spans: [TextSpan(" " + m.title, .key), TextSpan("   Esc back  j/k scroll", .subHeader)],
                   maxWidth: rect.width)
        guard m.loaded else {
            screen.put(x: rect.x + 1, y: rect.y + 2, text: "Loading…", style: Style(.dim))
            return
        }
        let first = top(m, height: rect.height)
        for (i, line) in m.lines.dropFirst(first).prefix(rect.height - 1).enumerated() {
            screen.put(x: rect.x + 1, y: rect.y + 1 + i, text: line, maxWidth: rect.width - 1)
        }
    }
}
