import Foundation

/// Masks known personal values wherever they occur in free text (a confirmation's lines, a form's prefilled
/// fields): issue 12, "every screen and dialog masks names, certificate numbers and phones until revealed".
/// The values come from the row the text was made from, so nothing is guessed from the text itself.
public struct Redaction: Equatable, Sendable {
    /// Each value and what it is shown as, longest first (a phone inside a longer number is masked as the longer).
    let pairs: [(String, String)]

    public init(names: [String] = [], certificates: [String] = [], phones: [String] = []) {
        var map: [String: String] = [:]
        for n in names where n.count > 1 { map[n] = Masking.name(n) }
        for c in certificates where c.count > 2 { map[c] = Masking.certificate(c) }
        for p in phones where p.count > 2 { map[p] = Masking.phone(p) }
        pairs = map.sorted { $0.key.count != $1.key.count ? $0.key.count > $1.key.count : $0.key < $1.key }
    }

    public static func == (a: Redaction, b: Redaction) -> Bool { a.pairs.map(\.0) == b.pairs.map(\.0) }

    public var isEmpty: Bool { pairs.isEmpty }

    /// `text` with every known value masked.
    public func apply(_ text: String) -> String {
        var out = text
        for (value, masked) in pairs where out.contains(value) { out = out.replacingOccurrences(of: value, with: masked) }
        return out
    }
}
