// JSON, money and time come from Base; code that speaks TOP gets them with it.
@_exported import Base

// What every merchant→Fliggy callback shares, so the request builder and the dispatcher
// can treat the four APIs alike.

public protocol TopCallback: Sendable {
    /// The TOP API name, e.g. `taobao.bus.agent.refund.confirm`.
    static var method: String { get }
    /// The form parameter carrying the business object (PROTOCOL.md §1 table).
    static var paramName: String { get }
    /// The business object; its compact encoding is the parameter value.
    func businessJSON() -> JSON
    /// Throws when a field rule of the API is broken, so a bad callback is caught before it is
    /// queued rather than refused by Fliggy later.
    func validate() throws
    /// The value Fliggy de-duplicates on, when the API has one (refund transaction ids).
    var idempotencyKey: String? { get }
}

extension TopCallback {
    public var method: String { Self.method }
    public var paramName: String { Self.paramName }
    public func validate() throws {}
    public var idempotencyKey: String? { nil }
}

/// A broken field rule, naming the wire field.
public struct CallbackValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let reason: String
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
    public var description: String { "\(field): \(reason)" }
}

/// Builds an object in a fixed key order, leaving out absent fields: nil, and empty strings
/// (TOP treats an empty value as absent, so sending one only invites a parameter error).
/// `false` and `0` are real values and are always written.
struct JSONObjectBuilder {
    private(set) var members: [(String, JSON)] = []

    mutating func add(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { members.append((key, .string(value))) }
    }

    mutating func add(_ key: String, _ value: Int?) {
        if let value { members.append((key, .int(Int64(value)))) }
    }

    mutating func add(_ key: String, _ value: Int64?) {
        if let value { members.append((key, .int(value))) }
    }

    mutating func add(_ key: String, _ value: Bool?) {
        if let value { members.append((key, .bool(value))) }
    }

    mutating func add(_ key: String, _ value: JSON?) {
        if let value { members.append((key, value)) }
    }

    var json: JSON { .object(members) }
}

extension String {
    /// True for nil-equivalent text: TOP treats an empty value as absent.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
