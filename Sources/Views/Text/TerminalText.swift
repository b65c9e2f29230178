/// The one gate between outside text (names, stations, addresses, Fliggy messages, request bodies)
/// and the screen. A name carrying `ESC ] 0 ; … BEL` must not retitle the operator's terminal, and a
/// right-to-left override must not make `123` read as `321`; so every such character becomes a
/// visible escape (`\e`, `\x07`, `\u202E`) the operator can see and report.
public enum TerminalText {
    /// A run of sanitized text; `isEscape` runs are drawn in `Role.escape`.
    public struct Piece: Equatable, Sendable {
        public var text: String
        public var isEscape: Bool
    }

    /// `text` with every control, bidi and invisible format character replaced by a visible escape.
    public static func sanitize(_ text: String) -> String {
        if isPlain(text) { return text }
        return pieces(text).map(\.text).joined()
    }

    /// The sanitized text split into plain and escape runs.
    public static func pieces(_ text: String) -> [Piece] {
        if isPlain(text) { return text.isEmpty ? [] : [Piece(text: text, isEscape: false)] }
        var out: [Piece] = []
        var plain = ""
        func flush() { if !plain.isEmpty { out.append(Piece(text: plain, isEscape: false)); plain = "" } }
        for c in text {
            let scalars = c.unicodeScalars
            let first = scalars.first!
            // Joiners and tags inside an emoji sequence are how the sequence is spelled: keep them.
            let emojiSequence = scalars.count > 1 && first.value >= 0x2000 && first.properties.isEmoji
                && scalars.allSatisfy { !needsEscape($0) || $0 == "\u{200D}" || (0xE0020...0xE007F).contains($0.value) }
            if !scalars.contains(where: needsEscape) && !startsWithZeroWidth(first) || emojiSequence {
                plain.append(c)
                continue
            }
            for s in scalars {
                if needsEscape(s) || (s == first && startsWithZeroWidth(s)) {
                    flush()
                    out.append(Piece(text: escape(s), isEscape: true))
                } else {
                    plain.unicodeScalars.append(s)
                }
            }
        }
        flush()
        // Adjacent escapes read better as one run (`\e[2J` rather than three pieces).
        var merged: [Piece] = []
        for p in out {
            if let last = merged.last, last.isEscape == p.isEscape {
                merged[merged.count - 1].text += p.text
            } else {
                merged.append(p)
            }
        }
        return merged
    }

    /// Only printable ASCII: nothing to escape, a column a byte (most of every frame: ids, times, amounts, titles).
    public static func isPrintableASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    /// Fast path: nothing to escape and no lone mark at the start (marks elsewhere attach to the
    /// character before them, which is never a control once nothing needs escaping).
    static func isPlain(_ text: String) -> Bool {
        var first = true
        for s in text.unicodeScalars {
            let v = s.value
            if v >= 0x20 && v < 0x7F { first = false; continue }
            if needsEscape(s) { return false }
            if first && startsWithZeroWidth(s) { return false }
            first = false
        }
        return true
    }

    /// Characters that must never reach the terminal as themselves.
    public static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }   // C0, DEL, C1
        if v < 0xAD || (0x3000..<0xFEFF).contains(v) { return false }           // common text, CJK
        return isInvisibleFormat(v)
    }

    /// Bidi controls, line/paragraph separators and the other invisible format characters
    /// (Unicode general category Cf), as a table: this runs for every character drawn, and a
    /// property lookup per character cost more than the rest of a frame.
    static func isInvisibleFormat(_ v: UInt32) -> Bool {
        switch v {
        case 0xAD, 0x600...0x605, 0x61C, 0x6DD, 0x70F, 0x890...0x891, 0x8E2, 0x180E,
             0x200B...0x200F,                 // ZWSP, ZWNJ, ZWJ (kept inside emoji by `pieces`), LRM, RLM
             0x2028...0x202E,                 // line/paragraph separators, bidi embeddings and overrides
             0x2060...0x206F,                 // word joiner, invisible operators, bidi isolates, deprecated
             0xFEFF, 0xFFF9...0xFFFB, 0x110BD, 0x110CD, 0x13430...0x1343F, 0x1BCA0...0x1BCA3,
             0x1D173...0x1D17A, 0xE0001, 0xE0020...0xE007F:
            return true
        default:
            return false
        }
    }

    /// A combining mark with nothing to combine with would attach to whatever the terminal drew before.
    static func startsWithZeroWidth(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 || (0x4E00..<0xA000).contains(s.value) || (0xAC00..<0xD7A4).contains(s.value) { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return s.value >= 0x300
        default: return false
        }
    }

    /// The visible spelling of one character: `\e`, `\t`, `\n`, `\r`, `\x07`, `\u202E`, `\U000E0001`.
    public static func escape(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x1B: return "\\e"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case let v where v <= 0xFF: return "\\x" + hex(v, digits: 2)
        case let v where v <= 0xFFFF: return "\\u" + hex(v, digits: 4)
        case let v: return "\\U" + hex(v, digits: 8)
        }
    }

    static func hex(_ v: UInt32, digits: Int) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - h.count)) + h
    }
}
