import Foundation

/// CSV as finance's spreadsheets read it (issue 13 exports): UTF-8, one header row, RFC 4180 quoting, CRLF line ends.
/// Two things RFC 4180 allows are refused on purpose:
/// - a control character is never written raw (a newline inside a field is legal CSV but breaks line-oriented
///   tools, and an escape sequence would reach whoever `cat`s the file): `\n`, `\r`, `\t` and `\u001b`-style text;
/// - a cell that starts with `=`, `+`, `-` or `@` is a formula to Excel, LibreOffice and Sheets (CSV injection,
///   OWASP): it is prefixed with `'`, which they show as text. Numbers this module writes itself (`number`) are exempt,
///   so a negative net stays a number.
public enum CSVText {
    public static let lineEnd = "\r\n"

    /// One row: cells joined by commas, quoted where needed.
    public static func row(_ cells: [Cell]) -> String {
        cells.map(encode).joined(separator: ",") + lineEnd
    }

    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(String)   // written as is: digits, one '-' or '.', never from outside
        case empty
    }

    public static func encode(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let n):
            precondition(n.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == ".") }, "not a number: \(n)")
            return n
        case .text(let s): return field(s)
        }
    }

    /// A text field: controls spelled out, a formula lead defused, quoted when it holds a comma, quote or space edge.
    public static func field(_ text: String) -> String {
        var s = spellControls(text)
        if let first = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { s = "'" + s }
        let needsQuotes = s.contains(",") || s.contains("\"") || s.hasPrefix(" ") || s.hasSuffix(" ")
        return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// C0 controls, DEL and C1 controls as visible text; everything else (Chinese names included) unchanged.
    static func spellControls(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(u):
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || (0x7f...0x9f).contains(u.value) }
}
