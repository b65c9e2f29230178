import Foundation

/// Money is integer fen everywhere inside busops; these helpers are the only conversions.
public enum Money {
    /// "12.50" — two decimals, for screens and confirmations.
    public static func yuan(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        let cents = a % 100
        return "\(sign)\(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// TOP's yuan text (refund.confirm's `agent_refund_amount`, docs/PROTOCOL.md (TOP callbacks)): at most two decimals, no trailing
    /// zeros. 1050 → "10.5", 1000 → "10", 5 → "0.05", -250 → "-2.5". Integer arithmetic only: 0.1 + 0.2 style
    /// errors must never reach a refund.
    public static func yuanText(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        if cents == 0 { return "\(sign)\(yuan)" }
        if cents % 10 == 0 { return "\(sign)\(yuan).\(cents / 10)" }
        return "\(sign)\(yuan).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Parses an operator's yuan amount ("12", "12.5", "12.50") into fen. Refuses negatives,
    /// more than two decimals, and anything that is not a plain number.
    public static func parseYuan(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let whole = parts.first, !whole.isEmpty, whole.count <= 9,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var fen = Int(whole)! * 100
        if parts.count == 2 {
            let frac = parts[1]
            guard !frac.isEmpty, frac.count <= 2, frac.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fen += Int(frac)! * (frac.count == 1 ? 10 : 1)
        }
        return fen
    }
}
