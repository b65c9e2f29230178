import Foundation

/// What may go on the operator's clipboard: the printable characters of one field, nothing else (issue 15). A ticket
/// number Fliggy or a partner sent may carry a newline, an escape sequence or a bidi override; pasted into a shell,
/// a newline runs what came before it. So escape sequences go whole (ESC and what it introduces), then every
/// control, format and line/paragraph separator character, and surrounding spaces (docs/STORE-SAFETY.md "Clipboard").
public enum ClipboardText {
    public static func field(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let c = scalars.next() {
            if c == "\u{1B}" { skipEscape(&scalars); continue }
            switch c.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: continue
            default: out.append(c)
            }
        }
        return String(out).trimmingCharacters(in: .whitespaces)
    }

    /// Skips the rest of an escape sequence: CSI (`ESC [` params, final byte @–~), OSC/DCS/APC/PM/SOS (up to BEL or
    /// ST), or ESC and one character.
    private static func skipEscape(_ s: inout String.UnicodeScalarView.Iterator) {
        guard let kind = s.next() else { return }
        switch kind {
        case "[":
            while let c = s.next(), !(0x40...0x7E).contains(c.value) {}
        case "]", "P", "_", "^", "X":
            var previousEsc = false
            while let c = s.next() {
                if c == "\u{07}" || (previousEsc && c == "\\") { return }
                previousEsc = c == "\u{1B}"
            }
        default:
            return
        }
    }
}
