/// Makes server-sent text safe to print: `busops selftest` echoes values from an endpoint it
/// does not trust (a merchant's staging server), and an escape sequence in a station name
/// must not reach the operator's terminal as one.
public enum TerminalSafe {
    /// Control characters (C0, DEL, C1), line and paragraph separators and bidi overrides
    /// become `\u{…}`; a backslash is doubled so an escaped form cannot be faked; the result
    /// is cut to `limit` characters.
    public static func text(_ s: String, limit: Int = 200) -> String {
        var out = ""
        var count = 0
        for scalar in s.unicodeScalars {
            if count >= limit {
                out += "…"
                break
            }
            count += 1
            if scalar == "\\" {
                out += "\\\\"
            } else if isUnsafe(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x2028, 0x2029: return true  // line / paragraph separator
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
        case 0xFEFF: return true
        default: return false
        }
    }
}
