import Foundation
import TOP

/// What the status line says about sending to Fliggy, always (issue 12: the "not sending" warning vanished after
/// one key press, and nothing said the gateway was down). Filled from the console's dispatcher thread
/// (`ConsoleDispatcher`), reaching the state through `Event.gatewayChecked` like every other change.
struct GatewayStatus: Equatable {
    /// PROD / SANDBOX / LOCAL / CUSTOM from BUSOPS_TOP_GATEWAY; nil when no gateway is configured.
    var badge: String?
    /// Why this console sends nothing (a setting unset, read-only, --no-dispatch); nil while its dispatcher runs.
    var notSending: String?
    var health = GatewayHealth()

    /// The badge for the configured gateway, read from the environment as the dispatcher reads it.
    static func badge(env: [String: String]) -> String? {
        guard let config = try? TopConfig.fromEnvironment(env), let url = config.gateway else { return nil }
        return TopConfig.environmentBadge(url)
    }

    /// The status line's words, the same in fewer columns, and whether they are bad news.
    /// (The failing line has no short form: only its error, after ": ", may be cut.)
    func line() -> (text: String, short: String?, failing: Bool) {
        if let why = notSending { return ("TOP " + why, "TOP not sending", true) }
        if let since = health.failingSince {
            let error = health.lastError.map { ": " + $0 } ?? ""
            return ("✖ TOP failing since " + String(ChinaTime.clock(since).prefix(5)) + error, nil, true)
        }
        return ("TOP ok", nil, false)
    }
}
