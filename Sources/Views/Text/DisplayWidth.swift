/// Terminal columns per grapheme cluster. Chinese text is two columns per character, so every
/// alignment, truncation and padding in the views goes through here rather than `String.count`.
public enum DisplayWidth {
    /// Columns a grapheme cluster occupies: 2 for East Asian Wide/Fullwidth and emoji presentation,
    /// 0 for a lone combining mark or format character, 1 otherwise.
    public static func of(_ c: Character) -> Int {
        // One UTF-8 byte is one ASCII scalar (CR LF is two): the common case, without grapheme machinery.
        if c.utf8.count == 1, let b = c.utf8.first { return b >= 0x20 && b != 0x7F ? 1 : 0 }
        if c.isASCII { return 0 }                                     // CR LF: controls, no columns
        let scalars = c.unicodeScalars
        let first = scalars.first!
        if scalars.index(after: scalars.startIndex) != scalars.endIndex {
            // Variation selectors decide between text (1) and emoji (2) presentation.
            if scalars.contains("\u{FE0F}") && first.properties.isEmoji { return 2 }
            if scalars.contains("\u{FE0E}") { return 1 }
            if isRegionalIndicator(first) { return 2 }              // a flag: two indicators
            if first.properties.isEmoji && scalars.contains("\u{200D}") { return 2 } // ZWJ sequence
        }
        return of(first)
    }

    /// Columns of one scalar on its own (what wcwidth would answer, with current Unicode ranges).
    public static func of(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return v == 0xAD ? 0 : 1 }
        if (0x302A...0x302D).contains(v) || v == 0x3099 || v == 0x309A { return 0 } // marks inside wide blocks
        if isWide(v) { return 2 }                       // before the property lookup: CJK is the common case
        // Dashes, quotes, the ellipsis, box drawing and the seat bars' blocks: narrow, no emoji among them.
        if (0x2010...0x2027).contains(v) || (0x2500...0x259F).contains(v) { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 } // Hangul vowels/finals join
        if s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns of a whole string.
    public static func of(_ s: String) -> Int {
        if TerminalText.isPrintableASCII(s) { return s.utf8.count }
        var w = 0
        for c in s { w += of(c) }
        return w
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(s.value) }

    /// East Asian Width W and F blocks (Unicode 15 EastAsianWidth.txt, grouped into ranges).
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
             0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
             0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
             0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440,
             0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
             0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
             0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
             0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
             0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `columns`, with `…` as its last column when something
    /// was cut. A wide character never straddles the boundary: the gap it would leave stays short
    /// (the caller pads) rather than showing half a character.
    public static func truncate(_ s: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let total = of(s)
        if total <= columns { return s }
        var out = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > columns - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// Keeps the end of `s` (for paths: the file name matters more than the first directories).
    public static func truncateLeft(_ s: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if of(s) <= columns { return s }
        var kept: [Character] = []
        var used = 0
        for c in s.reversed() {
            let w = of(c)
            if used + w > columns - 1 { break }
            kept.append(c)
            used += w
        }
        return "…" + String(kept.reversed())
    }

    /// `s` truncated to `columns` and padded with spaces on the right to exactly `columns`.
    public static func pad(_ s: String, to columns: Int) -> String {
        let t = truncate(s, to: columns)
        return t + String(repeating: " ", count: max(0, columns - of(t)))
    }

    /// `s` truncated to `columns` and padded on the left, for numbers and money.
    public static func rightAlign(_ s: String, to columns: Int) -> String {
        let t = truncate(s, to: columns)
        return String(repeating: " ", count: max(0, columns - of(t))) + t
    }

    /// `s` cut into lines of at most `columns` (by column, not by word: for JSON and ids), never
    /// splitting a wide character; at most `maxLines`, the last ending in `…` if text remains.
    public static func wrap(_ s: String, to columns: Int, maxLines: Int = .max) -> [String] {
        guard columns > 1, maxLines > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        var used = 0
        for c in s {
            let w = of(c)
            if used + w > columns {
                lines.append(line)
                if lines.count == maxLines {
                    lines[lines.count - 1] = truncate(line + String(c), to: columns)   // ends in …
                    return lines
                }
                line = ""
                used = 0
            }
            line.append(c)
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// `s` centred in `columns` (extra space goes right).
    public static func center(_ s: String, in columns: Int) -> String {
        let t = truncate(s, to: columns)
        let gap = max(0, columns - of(t))
        return String(repeating: " ", count: gap / 2) + t + String(repeating: " ", count: gap - gap / 2)
    }
}
