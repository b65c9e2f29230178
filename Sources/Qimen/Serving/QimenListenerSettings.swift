import Foundation
import HTTP

/// The Qimen listener's limits and deadlines for `busops serve`, read from the environment
/// like the rest of its settings (docs/HARDENING.md "Qimen listener" explains each):
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `BUSOPS_SERVE_HEAD_TIMEOUT` | seconds for a whole request head, from accept or its first byte | 10 |
/// | `BUSOPS_SERVE_BODY_TIMEOUT` | seconds for a whole body, from the end of the head | 10 |
/// | `BUSOPS_SERVE_IDLE_TIMEOUT` | seconds a kept-alive connection may wait for its next request | 30 |
/// | `BUSOPS_SERVE_MAX_CONNECTIONS` | connections held at once (capped by the descriptor limit) | 4096 |
/// | `BUSOPS_SERVE_MAX_CONNECTIONS_PER_ADDRESS` | per peer address, 0 for no cap (127.0.0.1, nginx, is exempt) | 128 |
public enum QimenListenerSettings {
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws
        -> HTTPServer.Options {
        var options = HTTPServer.Options()
        if let s = try seconds(env, "BUSOPS_SERVE_HEAD_TIMEOUT") { options.headTimeout = s }
        if let s = try seconds(env, "BUSOPS_SERVE_BODY_TIMEOUT") { options.bodyTimeout = s }
        if let s = try seconds(env, "BUSOPS_SERVE_IDLE_TIMEOUT") { options.idleTimeout = s }
        if let n = try count(env, "BUSOPS_SERVE_MAX_CONNECTIONS", 1...1_000_000) { options.maxConnections = n }
        if let n = try count(env, "BUSOPS_SERVE_MAX_CONNECTIONS_PER_ADDRESS", 0...1_000_000) {
            options.maxConnectionsPerAddress = n
        }
        return options
    }

    /// One line for `busops serve` to print at start.
    public static func summary(_ options: HTTPServer.Options) -> String {
        let perAddress = options.maxConnectionsPerAddress == 0 ? "no per-address cap"
            : "\(options.maxConnectionsPerAddress) per address"
        return "head \(seconds(options.headTimeout))s, body \(seconds(options.bodyTimeout))s, "
            + "idle \(seconds(options.idleTimeout))s, \(options.effectiveMaxConnections) connections, \(perAddress)"
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Seconds, fractions allowed (tests use them), between 0.1 and an hour.
    private static func seconds(_ env: [String: String], _ name: String) throws -> TimeInterval? {
        guard let text = value(env, name) else { return nil }
        guard let s = Double(text), s >= 0.1, s <= 3600 else {
            throw QimenConfigError("\(name) must be seconds between 0.1 and 3600")
        }
        return s
    }

    private static func count(_ env: [String: String], _ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(env, name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw QimenConfigError("\(name) must be a whole number between \(range.lowerBound) and \(range.upperBound)")
        }
        return n
    }

    private static func value(_ env: [String: String], _ name: String) -> String? {
        guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return raw
    }
}
