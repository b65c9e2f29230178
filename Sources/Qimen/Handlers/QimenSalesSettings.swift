import Foundation

/// How the store-backed handlers treat Fliggy's calls, read from the environment:
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `BUSOPS_QIMEN_AUTO_ISSUE` | issue tickets at once (status 3) instead of queueing for an operator (status 2) | on |
/// | `BUSOPS_QIMEN_AUTO_REFUND` | confirm refunds within the rules at once (status 11) instead of queueing them (status 9) | off |
/// | `BUSOPS_QIMEN_LOCK_SECONDS` | how long an unpaid seat lock holds its seats | 900 |
public struct QimenSalesSettings: Sendable, Equatable {
    public var autoIssue: Bool
    public var autoRefund: Bool
    public var lockSeconds: Int

    public init(autoIssue: Bool = true, autoRefund: Bool = false, lockSeconds: Int = 900) {
        self.autoIssue = autoIssue
        self.autoRefund = autoRefund
        self.lockSeconds = lockSeconds
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> QimenSalesSettings {
        var settings = QimenSalesSettings()
        if let flag = try flag(env, "BUSOPS_QIMEN_AUTO_ISSUE") { settings.autoIssue = flag }
        if let flag = try flag(env, "BUSOPS_QIMEN_AUTO_REFUND") { settings.autoRefund = flag }
        if let text = value(env, "BUSOPS_QIMEN_LOCK_SECONDS") {
            guard let seconds = Int(text), (1...86_400).contains(seconds) else {
                throw QimenConfigError("BUSOPS_QIMEN_LOCK_SECONDS must be seconds between 1 and 86400")
            }
            settings.lockSeconds = seconds
        }
        return settings
    }

    /// One line for `busops serve` to print at start.
    public var summary: String {
        "auto-issue \(autoIssue ? "on" : "off"), auto-refund \(autoRefund ? "on" : "off"), seat lock \(lockSeconds)s"
    }

    private static func value(_ env: [String: String], _ name: String) -> String? {
        guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }

    /// on/off, true/false, yes/no, 1/0; anything else is a mistake worth stopping for.
    private static func flag(_ env: [String: String], _ name: String) throws -> Bool? {
        guard let text = value(env, name)?.lowercased() else { return nil }
        switch text {
        case "1", "on", "true", "yes": return true
        case "0", "off", "false", "no": return false
        default: throw QimenConfigError("\(name) must be on or off")
        }
    }
}
