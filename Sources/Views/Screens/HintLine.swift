/// One key and what it does, as the hint line shows it ("A approve").
public struct KeyHint: Equatable, Sendable {
    public var keys: String
    public var label: String
    public init(_ keys: String, _ label: String) { self.keys = keys; self.label = label }
    var width: Int { DisplayWidth.of(keys) + 1 + DisplayWidth.of(label) }
}

/// The bottom line's key hints, as k9s shows them (issue 12, "Keys in sight"): the console passes them most
/// useful first, generated from its key table for the contexts in force; this fits them into the columns there are.
public enum HintLine {
    static let gap = 2

    /// The hints that fit in `width`, in the order given: each is taken if it still fits, so a long label lower
    /// down gives way to the short ones after it; `last` ("? help") always stays, at the end, when it fits at all.
    public static func fit(_ hints: [KeyHint], last: KeyHint?, width: Int) -> [KeyHint] {
        var room = width - (last.map { $0.width + gap } ?? 0)
        var kept: [KeyHint] = []
        for h in hints where h.width + gap <= room {
            kept.append(h)
            room -= h.width + gap
        }
        if let last, last.width <= width { kept.append(last) }
        return kept
    }

    /// Draws the fitted hints from `x`, keys in the key colour and labels dimmed; returns the columns used.
    @discardableResult
    public static func render(_ hints: [KeyHint], last: KeyHint?, into screen: inout Screen, x: Int, y: Int, width: Int) -> Int {
        var spans: [TextSpan] = []
        for (i, h) in fit(hints, last: last, width: width).enumerated() {
            if i > 0 { spans.append(TextSpan(String(repeating: " ", count: gap), .dim)) }
            spans += [TextSpan(h.keys, .key), TextSpan(" " + h.label, .dim)]
        }
        return screen.put(x: x, y: y, spans: spans, maxWidth: width)
    }
}
