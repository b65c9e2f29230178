/// Header fields in arrival order. Names compare case-insensitively (RFC 9110 §5.1);
/// order and duplicates are kept because signing (`top-sign-list`) and proxies care.
public struct HTTPHeaders: Sendable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(_ pairs: [(String, String)]) {
        for (name, value) in pairs { add(name, value) }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field of that name with one value.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        add(name, value)
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.sameName($0.name, name) }
    }

    /// The first value of that name, or nil.
    public subscript(_ name: String) -> String? {
        for field in fields where Self.sameName(field.name, name) { return field.value }
        return nil
    }

    public func values(_ name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    /// True when a comma-separated header (Connection, Expect, ...) lists `token`.
    public func hasToken(_ name: String, _ token: String) -> Bool {
        for value in values(name) {
            for part in value.split(separator: ",") {
                if Self.sameName(part.trimmingSpaces(), token) { return true }
            }
        }
        return false
    }

    /// ASCII case-insensitive comparison without allocating lowercased copies
    /// (this runs for every header lookup on the hot path).
    @inlinable
    public static func sameName<A: StringProtocol, B: StringProtocol>(_ a: A, _ b: B) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        var i = x.makeIterator(), j = y.makeIterator()
        while let c = i.next(), let d = j.next() {
            if c == d { continue }
            let lc = (c >= 65 && c <= 90) ? c + 32 : c
            let ld = (d >= 65 && d <= 90) ? d + 32 : d
            if lc != ld { return false }
        }
        return true
    }
}

extension StringProtocol {
    /// Strips optional whitespace (SP / HTAB) the way header values need it.
    func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

/// `["Content-Type": "application/json"]` — written order is kept (a literal is a list of pairs).
extension HTTPHeaders: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }
}
