import Foundation

/// Masks known personal values wherever they occur in free text (a confirmation's lines, a form's prefilled
/// fields): issue 12, "every screen and dialog masks names, certificate numbers and phones until revealed".
/// The values come from the row the text was made from, so nothing is guessed from the text itself.
public struct Redaction: Equatable, Sendable {
    /// Each value and what it is shown as, longest first (a phone inside a longer number is masked as the longer).
    let pairs: [(String, String)]
    /// Credentials (the ticket password), masked only where they stand as a word of their own: a password is often
    /// the tail of the ticket number (T00799819, 799819), and the number is not secret.
    let secrets: [String]

    public init(names: [String] = [], certificates: [String] = [], phones: [String] = [], secrets: [String] = []) {
        var map: [String: String] = [:]
        for n in names where n.count > 1 { map[n] = Masking.name(n) }
        for c in certificates where c.count > 2 { map[c] = Masking.certificate(c) }
        for p in phones where p.count > 2 { map[p] = Masking.phone(p) }
        pairs = map.sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }
        self.secrets = Set(secrets.filter { !$0.isEmpty }).sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    public static func == (a: Redaction, b: Redaction) -> Bool { a.pairs.map(\.0) == b.pairs.map(\.0) && a.secrets == b.secrets }

    public var isEmpty: Bool { pairs.isEmpty && secrets.isEmpty }

    /// `text` with every known value masked.
    public func apply(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) { out = Self.maskWords(secret, in: out) }
        for (value, masked) in pairs where out.contains(value) { out = out.replacingOccurrences(of: value, with: masked) }
        return out
    }

    /// Every occurrence of `secret` not joined to a letter or digit on either side, as `Masking.secret`.
    static func maskWords(_ secret: String, in text: String) -> String {
        var out = "", rest = text[...]
        while let r = rest.range(of: secret) {
            let before = r.lowerBound > rest.startIndex ? rest[rest.index(before: r.lowerBound)] : out.last
            let after = r.upperBound < rest.endIndex ? rest[r.upperBound] : nil
            let alone = !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false)
            out += rest[..<r.lowerBound]
            out += alone ? Masking.secret(secret) : String(rest[r])
            rest = rest[r.upperBound...]
        }
        return out + rest
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
}
