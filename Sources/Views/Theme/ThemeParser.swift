import Foundation

/// A theme file that cannot be used, with the line to fix.
public struct ThemeError: Error, Equatable, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int          // 0 when the problem is not on one line
    public var message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// Reads the theme format (docs/THEMES.md):
///
///     # comment
///     role = FG [BG] [bold] [dim] [underline] [reverse]   # comment
///
/// Colours: `#rrggbb`, `0`–`255`, `black` … `white`, `bright-red` …, `default`. The first colour is the
/// foreground, the second the background.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, file: String? = nil) throws -> Theme {
        let file = file ?? name + ".theme"
        var entries: [Role: ThemeEntry] = [:]
        var seen: [Role: Int] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = i + 1
            let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            func fail(_ m: String) -> ThemeError { ThemeError(file: file, line: lineNo, message: m) }
            guard let eq = trimmed.firstIndex(of: "=") else { throw fail("expected `role = colours`, got \(quoted(trimmed))") }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            guard let role = Role.named(key) else { throw fail("unknown role \(quoted(key))") }
            if let first = seen[role] { throw fail("role \(quoted(key)) already set on line \(first)") }
            seen[role] = lineNo
            var entry = ThemeEntry()
            var colours = 0
            for token in trimmed[trimmed.index(after: eq)...].split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let t = String(token)
                // A lone `#` starts a trailing comment (`#rrggbb` is a colour, `#12345g` a mistake to report).
                if t == "#" { break }
                if let attr = TextAttributes.names.first(where: { $0.0 == t.lowercased() }) {
                    entry.attributes.insert(attr.1)
                } else if let c = ThemeColor.parse(t) {
                    colours += 1
                    guard colours <= 2 else { throw fail("more than two colours for \(quoted(key)) (foreground, background)") }
                    if colours == 1 { entry.fg = c } else { entry.bg = c }
                } else {
                    throw fail("\(quoted(t)) is not a colour (#rrggbb, 0-255, a name, default) or an attribute (bold, dim, underline, reverse)")
                }
            }
            entries[role] = entry
        }
        guard entries[.normal] != nil else { throw ThemeError(file: file, line: 0, message: "the theme must set `normal`") }
        return Theme(name: name, entries: entries)
    }

    static func quoted(_ s: String) -> String { "\"" + TerminalText.sanitize(String(s.prefix(60))) + "\"" }
}
