// An ordered JSON value. Objects keep insertion order because the bytes we send are the
// bytes we sign: the same value must always encode to the same bytes, in the order we chose.

public indirect enum JSON: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    /// Keys in insertion (or document) order. Duplicate keys are kept as parsed;
    /// lookups answer the first one.
    case object([(String, JSON)])
    /// Compact JSON text `encoded()` produced earlier, written again byte for byte: a cache of answer parts that
    /// did not change (the schedules query, docs/PROTOCOL.md 63236). The parser never makes one, and reading
    /// accessors see nothing inside it.
    case encoded([UInt8])
}

extension JSON: Equatable {
    /// Objects compare in order: two objects with the same members in a different order encode
    /// to different bytes, so for us they are different values.
    public static func == (lhs: JSON, rhs: JSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where x.0 != y.0 || x.1 != y.1 { return false }
            return true
        case let (.encoded(a), .encoded(b)): return a == b
        case (.encoded, _), (_, .encoded): return lhs.encoded() == rhs.encoded()
        default: return false
        }
    }
}

// MARK: - Reading values

extension JSON {
    /// The first member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSON? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public subscript(index: Int) -> JSON? {
        guard case let .array(items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// Integers only; a double with no fraction counts too (some peers write 5.0 for 5).
    public var intValue: Int? {
        switch self {
        case let .int(i): return Int(exactly: i)
        case let .double(d): return Int(exactly: d)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case let .int(i): return Double(i)
        case let .double(d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case let .bool(b) = self { return b }
        return nil
    }

    public var arrayValue: [JSON]? {
        if case let .array(a) = self { return a }
        return nil
    }

    public var objectValue: [(String, JSON)]? {
        if case let .object(o) = self { return o }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

// MARK: - Building values in code

// Deliberately not ExpressibleByNilLiteral: `cond ? nil : JSON.array(...)` would then silently
// mean `.null` instead of "absent", and absent fields must be left out, not sent as null.
extension JSON: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    /// Dictionary literals keep their written order (they are really lists of pairs).
    public init(dictionaryLiteral elements: (String, JSON)...) { self = .object(elements) }
}
