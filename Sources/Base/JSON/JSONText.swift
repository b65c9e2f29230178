/// JSON text for writers that build many small objects fast (the demo load writes one per outbox row) and for the
/// CLI's JSON lines. The escaping is JSONWriter's, so there is one JSON writer in busops.
public enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped, non-ASCII raw UTF-8.
    public static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        JSONWriter.writeString(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `{"key":value,...}` where each value is JSON text already (`quote`d strings, numbers): one growing string.
    public static func object(_ pairs: [(String, String)]) -> String {
        var out = "{"
        out.reserveCapacity(384)
        for (i, (key, value)) in pairs.enumerated() {
            if i > 0 { out += "," }
            out += quote(key)
            out += ":"
            out += value
        }
        out += "}"
        return out
    }
}

extension JSON {
    /// `{"status":N}`: the before/after of most audit rows.
    public static func status(_ code: Int) -> String { JSON.object([("status", .int(Int64(code)))]).compactText }
}
