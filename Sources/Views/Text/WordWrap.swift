/// Wrapping for text an operator must read whole: confirmations (issue 12, "confirmations wrap and never cut a
/// number"). Lines break at spaces, so an amount such as `34.20` or an id such as `RF00000012` is never split
/// or cut off; only a single word wider than the whole line is broken (there is no other way to show it).
public enum WordWrap {
    /// `s` as lines of at most `columns` display columns; continuation lines start with `indent` spaces so the
    /// operator sees where a wrapped line goes on. Input is sanitized first, so escapes count their columns.
    public static func lines(_ s: String, columns: Int, indent: Int = 2) -> [String] {
        guard columns > 0 else { return [] }
        let text = TerminalText.sanitize(s)
        let pad = String(repeating: " ", count: min(indent, max(0, columns / 4)))
        var out: [String] = []
        var line = ""
        var used = 0
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let w = DisplayWidth.of(word)
            let gap = line.isEmpty || line == pad ? 0 : 1
            if used + gap + w <= columns {
                if gap == 1 { line += " " }
                line += word; used += gap + w
                continue
            }
            // The word does not fit on this line: start the next one with it.
            let first = out.isEmpty && line.isEmpty   // the paragraph's first line is not indented
            if !line.isEmpty && line != pad { out.append(line) }
            line = first ? "" : pad; used = DisplayWidth.of(line)
            var rest = word
            // Only a word wider than a whole line is broken, by display columns (never inside a character).
            while used + DisplayWidth.of(rest) > columns {
                let piece = prefix(rest, columns: columns - used)
                guard !piece.isEmpty else { break }
                out.append(line + piece)
                rest = String(rest.dropFirst(piece.count))
                line = pad; used = DisplayWidth.of(pad)
            }
            line += rest; used += DisplayWidth.of(rest)
        }
        if !line.isEmpty && (line != pad || out.isEmpty) { out.append(line) }
        return out.isEmpty ? [""] : out
    }

    /// The longest prefix of `s` (whole characters) that fits `columns`.
    static func prefix(_ s: String, columns: Int) -> String {
        var out = "", used = 0
        for c in s {
            let w = DisplayWidth.of(c)
            if used + w > columns { break }
            out.append(c); used += w
        }
        return out
    }
}
