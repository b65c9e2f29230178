import Foundation

/// The characters charts are drawn with (issue 13). Eighth blocks where the terminal and locale can show them;
/// plain ASCII under `LANG=C`, on a vt100 or the linux console (no chart or frame character above 0x7F — data such
/// as city names stays as it is). Every series is told apart by its glyph, never by colour alone, so the charts
/// keep their meaning under NO_COLOR or the mono theme.
public struct ChartGlyphs: Equatable, Sendable {
    /// Nine levels, empty to full, for sparklines.
    public let levels: [String]
    public let sold: String, held: String, left: String
    public let isASCII: Bool

    public static let unicode = ChartGlyphs(levels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], sold: "█", held: "▒", left: "·", isASCII: false)
    public static let ascii = ChartGlyphs(levels: [" ", ".", ".", ":", ":", "+", "+", "#", "#"], sold: "#", held: "+", left: ".", isASCII: true)

    /// From the environment: the locale's charset (LC_ALL, else LC_CTYPE, else LANG) must be UTF-8 and the terminal
    /// not one known to lack the block characters.
    public static func detect(_ env: [String: String]) -> ChartGlyphs {
        let locale = [env["LC_ALL"], env["LC_CTYPE"], env["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let utf8 = locale.uppercased().replacingOccurrences(of: "-", with: "").contains("UTF8")
        let term = env["TERM"] ?? ""
        let plain = ["vt100", "vt102", "vt220", "linux", "dumb", "ansi"].contains(term)
        return utf8 && !plain ? .unicode : .ascii
    }

    /// One glyph per value, scaled to `max` (at least 1): zero is blank, any non-zero value shows at least the lowest level.
    public func spark(_ values: [Int], max: Int) -> String {
        let top = Swift.max(1, max)
        return values.map { v in
            v <= 0 ? levels[0] : levels[Swift.min(8, Swift.max(1, (v * 8 + top - 1) / top))]
        }.joined()
    }

    /// A bar of `width` cells: sold, held, then left, in proportion (rounded, never hiding a non-zero part entirely).
    public func fill(sold: Int, held: Int, total: Int, width: Int) -> String {
        guard total > 0, width > 0 else { return String(repeating: " ", count: Swift.max(0, width)) }
        var s = sold * width / total, h = held * width / total
        if sold > 0 && s == 0 { s = 1 }
        if held > 0 && h == 0 && s < width { h = 1 }
        h = Swift.min(h, width - s)
        return String(repeating: self.sold, count: s) + String(repeating: self.held, count: h) + String(repeating: left, count: width - s - h)
    }
}
