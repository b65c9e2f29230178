import Foundation

/// Plain output helpers for the command-line side (the console draws through the terminal backend).
enum Output {
    static func line(_ s: String) {
        FileHandle.standardOutput.write((s + "\n").data(using: .utf8)!)
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(("busops: " + s + "\n").data(using: .utf8)!)
    }

    /// Compact JSON string literal (non-ASCII kept as UTF-8, control characters escaped).
    static func jsonString(_ s: String) -> String {
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
