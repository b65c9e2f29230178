/// One request for an action: which unit, the row it names (its id as the CLI takes it), the values given by
/// field name (money in fen), and the version of the row the operator saw (nil: whatever it is now, as the CLI
/// previews and then executes bound to the preview). Equatable: a confirmation is bound to exactly this.
public struct ActionRequest: Sendable, Equatable {
    public var unit: String
    public var subject: String
    public var values: [String: String]
    public var expectedVersion: Int?

    public init(unit: String, subject: String, values: [String: String] = [:], expectedVersion: Int? = nil) {
        self.unit = unit; self.subject = subject; self.values = values; self.expectedVersion = expectedVersion
    }

    /// The given text of a field, nil when absent or blank.
    public func text(_ name: String) -> String? {
        guard let v = values[name]?.trimmingSpaces, !v.isEmpty else { return nil }
        return v
    }

    /// A required text field, refused with the field's name when missing.
    func required(_ name: String, _ what: String) throws -> String {
        guard let v = text(name) else { throw OperationError.malformed("\(what) is required") }
        return v
    }

    /// A whole number (fen for money fields), refused when it is not one.
    func int(_ name: String, _ what: String) throws -> Int? {
        guard let v = text(name) else { return nil }
        guard let n = Int(v) else { throw OperationError.malformed("\(what) must be a whole number, got '\(v)'") }
        return n
    }

    func requiredInt(_ name: String, _ what: String) throws -> Int {
        guard let n = try int(name, what) else { throw OperationError.malformed("\(what) is required") }
        return n
    }

    /// A copy with one value set (nil removes it): the typed constructors below build requests this way.
    func with(_ name: String, _ value: String?) -> ActionRequest {
        var copy = self
        copy.values[name] = value
        return copy
    }
}
