/// Hand-written business JSON for the demo's historical outbox rows (the live path builds these in TOP).
enum DemoJSON {
    /// Fen as TOP's yuan string ("10.5", "10", "0.05").
    static func yuanString(_ fen: Int) -> String {
        let whole = fen / 100, cents = fen % 100
        if cents == 0 { return String(whole) }
        if cents % 10 == 0 { return "\(whole).\(cents / 10)" }
        return "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\(JSONText.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }
}
