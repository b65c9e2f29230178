/// What no text from outside may hold, whichever door it comes in by: Qimen's fields (docs/PROTOCOL.md "Shared
/// rules") and an operator's input (Operations' InputValidation). Both refuse the same characters, so neither lets
/// an escape sequence or a reordering into the store.
public enum InputText {
    public enum Refused: Equatable, Sendable {
        /// C0, DEL and C1 (U+009B is CSI to a terminal), and the line and paragraph separators.
        case control(Unicode.Scalar)
        /// Bidi_Control (U+061C, U+200E/F, U+202A–E, U+2066–9): the console escapes it, but a name carrying U+202E
        /// reorders the text around it wherever else it is shown (an SMS, Fliggy's pages, `busops list` in a
        /// spreadsheet), the Trojan-Source trick. Right-to-left letters themselves are fine.
        case bidi(Unicode.Scalar)
    }

    /// The first character `text` may not hold, or nil; control characters are looked for first.
    public static func refused(in text: String) -> Refused? {
        if let c = text.unicodeScalars.first(where: isControl) { return .control(c) }
        return text.unicodeScalars.first(where: \.properties.isBidiControl).map(Refused.bidi)
    }

    public static func isControl(_ u: Unicode.Scalar) -> Bool {
        u.value < 0x20 || (0x7f...0x9f).contains(u.value) || u.value == 0x2028 || u.value == 0x2029
    }

    /// `U+202E`: a character named so the sender can find it.
    public static func codePoint(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
