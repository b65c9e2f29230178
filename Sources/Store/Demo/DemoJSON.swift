/// Hand-written business JSON for the demo's historical outbox rows (the live path builds these in TOP).
enum DemoJSON {
    /// Fen as TOP's yuan string ("10.5", "10", "0.05").
    static func yuanString(_ fen: Int) -> String {
        let whole = fen / 100, cents = fen % 100
        if cents == 0 { return String(whole) }
        if cents % 10 == 0 { return "\(whole).\(cents / 10)" }
        return "\(whole).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `{"key":value,...}`; values are JSON already. Built in one growing string: the demo load makes one per
    /// outbox row.
    static func object(_ pairs: [(String, String)]) -> String {
        var out = "{"
        out.reserveCapacity(384)
        for (i, (key, value)) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += JSONText.quote(key)
            out += ":"
            out += value
        }
        out += "}"
        return out
    }
}
