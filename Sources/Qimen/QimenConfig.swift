import Foundation
import TOP

public struct QimenConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// Qimen has a test and a production environment, each with its own secret and URL.
public enum QimenEnvironment: String, Sendable, CaseIterable {
    case test, production
}

/// What the Qimen listener needs to know, read from the environment:
///
/// | variable | meaning |
/// |---|---|
/// | `BUSOPS_QIMEN_SECRET` / `BUSOPS_QIMEN_SECRET_FILE` | production secret (file: mode 0600 or stricter) |
/// | `BUSOPS_QIMEN_TEST_SECRET` / `BUSOPS_QIMEN_TEST_SECRET_FILE` | test-environment secret |
/// | `BUSOPS_QIMEN_TIMESTAMP_WINDOW` | seconds of allowed clock skew either way (default 600) |
/// | `BUSOPS_QIMEN_METHODS` | method overrides, `seat=xxx,order.create=yyy` |
/// | `BUSOPS_QIMEN_METHODS_FILE` | the same, one `short=name` a line, `#` comments |
///
/// Secrets live in `Secret` (prints as `<redacted>`); error texts name variables and
/// paths, never values.
public struct QimenConfig: Sendable {
    public var secrets: [QimenEnvironment: Secret]
    public var timestampWindow: TimeInterval
    public var methods: QimenMethodTable
    /// Where each setting came from, for `busops serve` to print at start (no values).
    public var sources: [String: String]

    public init(secrets: [QimenEnvironment: Secret] = [:], timestampWindow: TimeInterval = 600,
                methods: QimenMethodTable = .defaults) {
        self.secrets = secrets
        self.timestampWindow = timestampWindow
        self.methods = methods
        self.sources = [:]
    }

    /// Secrets in the order the router tries them (production first).
    public var orderedSecrets: [(QimenEnvironment, Secret)] {
        QimenEnvironment.allCases.reversed().compactMap { env in secrets[env].map { (env, $0) } }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> QimenConfig {
        var config = QimenConfig()
        let pairs: [(QimenEnvironment, String)] = [(.production, "BUSOPS_QIMEN_SECRET"),
                                                   (.test, "BUSOPS_QIMEN_TEST_SECRET")]
        for (environment, variable) in pairs {
            if let secret = try readSecret(env, variable: variable) {
                config.secrets[environment] = secret.0
                config.sources["secret.\(environment.rawValue)"] = secret.1
            }
        }
        if let window = nonEmpty(env["BUSOPS_QIMEN_TIMESTAMP_WINDOW"]) {
            guard let seconds = Double(window), seconds > 0, seconds <= 86_400 else {
                throw QimenConfigError("BUSOPS_QIMEN_TIMESTAMP_WINDOW must be seconds between 1 and 86400")
            }
            config.timestampWindow = seconds
            config.sources["timestampWindow"] = "BUSOPS_QIMEN_TIMESTAMP_WINDOW"
        }
        if let path = nonEmpty(env["BUSOPS_QIMEN_METHODS_FILE"]) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw QimenConfigError("BUSOPS_QIMEN_METHODS_FILE \(path): cannot read")
            }
            config.methods = try config.methods.overriding(with: text)
            config.sources["methods"] = "BUSOPS_QIMEN_METHODS_FILE \(path)"
        }
        if let spec = nonEmpty(env["BUSOPS_QIMEN_METHODS"]) {
            config.methods = try config.methods.overriding(with: spec)
            config.sources["methods"] = "BUSOPS_QIMEN_METHODS"
        }
        return config
    }

    /// The secret from `VAR` or `VAR_FILE` (not both), with a description of its source.
    private static func readSecret(_ env: [String: String], variable: String) throws -> (Secret, String)? {
        let direct = nonEmpty(env[variable])
        let file = nonEmpty(env[variable + "_FILE"])
        switch (direct, file) {
        case (.some, .some):
            throw QimenConfigError("set \(variable) or \(variable)_FILE, not both")
        case (.some(let value), nil):
            return (Secret(value), variable)
        case (nil, .some(let path)):
            do {
                return (try SecretFile.read(path, variable: variable + "_FILE"), "\(variable)_FILE \(path)")
            } catch {
                throw QimenConfigError(String(describing: error))
            }
        case (nil, nil):
            return nil
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }
}
