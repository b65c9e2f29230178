import Store
import TOP

/// Typed reads from a request body with `param-invalid` refusals that name the field.
/// Fliggy's gateway is loose about JSON types (ids and amounts arrive as numbers or as digit
/// strings), so both are accepted where a value is naturally a number or an id.
struct QimenBody {
    let json: JSON

    /// Longest text accepted in any field: long enough for any name or reason, short enough
    /// that a hostile body cannot make us store or echo megabytes.
    static let maxText = 256

    init(_ json: JSON) { self.json = json }

    func optionalString(_ key: String) throws -> String? {
        guard let value = json[key], !value.isNull else { return nil }
        let text: String
        switch value {
        case .string(let s): text = s
        case .int(let i): text = String(i)
        default: throw QimenFailure.invalid("\(key) must be a string")
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= Self.maxText else { throw QimenFailure.invalid("\(key) is longer than \(Self.maxText) characters") }
        switch InputText.refused(in: trimmed) {
        case .control?: throw QimenFailure.invalid("\(key) contains control characters")
        case .bidi(let u)?: throw QimenFailure.invalid("\(key) contains a bidirectional formatting character (\(InputText.codePoint(u)))")
        case nil: break
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    func string(_ key: String) throws -> String {
        guard let text = try optionalString(key) else { throw QimenFailure.invalid("\(key) is required") }
        return text
    }

    func optionalInt(_ key: String) throws -> Int? {
        guard let value = json[key], !value.isNull else { return nil }
        if let n = value.intValue { return n }
        if let s = value.stringValue, !s.isEmpty, s.count <= 18, s.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(s) {
            return n
        }
        throw QimenFailure.invalid("\(key) must be a whole number")
    }

    /// A whole number of fen, never negative.
    func optionalFen(_ key: String) throws -> Int? {
        guard let fen = try optionalInt(key) else { return nil }
        guard fen >= 0 else { throw QimenFailure.invalid("\(key) must not be negative (fen)") }
        return fen
    }

    /// `yyyy-MM-dd`, a real calendar day.
    func date(_ key: String) throws -> String {
        let text = try string(key)
        guard ChinaTime.parseDate(text) != nil else { throw QimenFailure.invalid("\(key) must be a date yyyy-MM-dd") }
        return text
    }

    /// A national administrative division code: six digits.
    func cityCode(_ key: String) throws -> String {
        let code = try string(key)
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw QimenFailure.invalid("\(key) must be a 6-digit city code")
        }
        return code
    }

    /// Station codes and schedule ids: printable ASCII without spaces.
    func optionalCode(_ key: String) throws -> String? {
        guard let code = try optionalString(key) else { return nil }
        guard code.count <= 64, code.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7f }) else {
            throw QimenFailure.invalid("\(key) must be letters, digits or punctuation without spaces")
        }
        return code
    }

    func code(_ key: String) throws -> String {
        guard let code = try optionalCode(key) else { throw QimenFailure.invalid("\(key) is required") }
        return code
    }

    /// `passengerIds` (busops's first shape, still accepted) as a JSON array (strings or numbers) or a
    /// comma-separated string; nil when absent or empty.
    func passengerIds(_ key: String = "passengerIds") throws -> [String]? {
        guard let value = json[key], !value.isNull else { return nil }
        let items: [String]
        switch value {
        case .array(let array):
            items = try array.map { item in
                if let n = item.intValue, n >= 0 { return String(n) }
                if let s = item.stringValue { return s.trimmingCharacters(in: .whitespaces) }
                throw QimenFailure.invalid("\(key) must hold passenger ids")
            }
        case .string(let s):
            items = s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        case .int(let n) where n >= 0:
            items = [String(n)]
        default:
            throw QimenFailure.invalid("\(key) must be a list of passenger ids")
        }
        guard items.count <= 99 else { throw QimenFailure.invalid("\(key) lists too many passengers") }
        if let bad = items.first(where: { !PersonalData.isValidPassengerId($0) }) {
            throw QimenFailure.invalid("passengerId '\(bad.prefix(32))' must be digits only")
        }
        guard Set(items).count == items.count else { throw QimenFailure.invalid("\(key) repeats a passenger") }
        return items.isEmpty ? nil : items
    }

    /// `HH:mm` or `HH:mm:ss` (docs/PROTOCOL.md "Shared rules": both accepted in every input), normalized to `HH:mm:ss`.
    func optionalTime(_ key: String) throws -> String? {
        guard let text = try optionalString(key) else { return nil }
        let f = text.split(separator: ":", omittingEmptySubsequences: false)
        guard f.count == 2 || f.count == 3, f.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(f[0]), let m = Int(f[1]), h < 24, m < 60, f.count == 2 || Int(f[2])! < 60 else {
            throw QimenFailure.invalid("\(key) must be a time HH:mm or HH:mm:ss")
        }
        return f.count == 2 ? text + ":00" : text
    }

    func optionalDate(_ key: String) throws -> String? {
        guard json[key] != nil, try optionalString(key) != nil else { return nil }
        return try date(key)
    }

    /// `yyyy-MM-dd HH:mm:ss` (or without seconds, or a bare date: its midnight, or its last second when `endOfDay`).
    func optionalDateTime(_ key: String, endOfDay: Bool = false) throws -> Int? {
        guard let text = try optionalString(key) else { return nil }
        if let day = ChinaTime.parseDate(text) { return endOfDay ? day + 86_399 : day }
        guard let epoch = ChinaTime.parseDateTime(text) else { throw QimenFailure.invalid("\(key) must be yyyy-MM-dd HH:mm:ss") }
        return epoch
    }

    /// A certificate type: `"1"` on Qimen, `"01"` as TOP writes it (docs/PROTOCOL.md "Shared rules"); stored as the number.
    func optionalCertType(_ key: String) throws -> Int? {
        guard let text = try optionalString(key) else { return nil }
        guard text.count <= 2, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text), (1...99).contains(n) else {
            throw QimenFailure.invalid("\(key) must be a certificate type such as \"1\" (ID card)")
        }
        return n
    }

    /// The first of `keys` present, as text.
    func firstString(_ keys: [String]) throws -> String? {
        for key in keys { if let v = try optionalString(key) { return v } }
        return nil
    }

    /// The order a call is about: `agentOrderId`, `alitripOrderId`, or both (then they must agree).
    func orderRef() throws -> OrderRef {
        let agent = try optionalCode("agentOrderId")
        let alitrip = try optionalCode("alitripOrderId")
        guard agent != nil || alitrip != nil else { throw QimenFailure.invalid("agentOrderId or alitripOrderId is required") }
        return OrderRef(agentOrderId: agent, alitripOrderId: alitrip)
    }
}
