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
