// refund.confirm wants yuan as a decimal string while we hold integer fen everywhere.
// Integer arithmetic only: 0.1 + 0.2 style errors must never reach a refund.

public enum YuanText {
    /// 1050 → "10.5", 1000 → "10", 5 → "0.05", 1 → "0.01", -250 → "-2.5".
    public static func fromFen(_ fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = fen.magnitude
        let yuan = magnitude / 100
        let cents = magnitude % 100
        if cents == 0 { return "\(sign)\(yuan)" }
        if cents % 10 == 0 { return "\(sign)\(yuan).\(cents / 10)" }
        return "\(sign)\(yuan).\(cents < 10 ? "0" : "")\(cents)"
    }
}
