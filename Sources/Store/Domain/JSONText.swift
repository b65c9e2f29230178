/// A JSON string literal for the small JSON fragments Store writes itself (audit before/after, demo params) and
/// for the CLI's JSON lines. Non-ASCII stays raw UTF-8; quotes, backslashes and control characters are escaped.
/// (Callbacks sent to Fliggy are built with TOP's JSON type, which owns the wire bytes.)
public enum JSONText {
    public static func quote(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5c || $0 == 0x7f }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20 || u.value == 0x7f:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
