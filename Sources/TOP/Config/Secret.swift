// A credential that cannot leak by accident: printing, interpolating, dumping or logging it
// shows `<redacted>`. Reading the real value takes an explicit, greppable call.

public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The real value, for signing only. Never pass the result to a log, error or audit row.
    public func revealForSigning() -> String { value }

    public var byteCount: Int { value.utf8.count }
    public var isEmpty: Bool { value.isEmpty }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
