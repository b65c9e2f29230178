// Where TOP callbacks go and how they are signed, read from the environment (injectable so
// tests never touch the real one). Missing values are not errors here: the dispatcher refuses
// to send until `sendingBlocker` is nil. Bad values are errors, with a message that names them.

import Foundation

public struct TopConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

public struct TopConfig: Sendable {
    public static let productionGateway = URL(string: "https://eco.taobao.com/router/rest")!
    public static let sandboxGateway = URL(string: "https://gw.api.tbsandbox.com/router/rest")!

    public var gateway: URL?
    public var appKey: String?
    public var secret: Secret?
    public var signMethod: SignMethod
    /// The authorisation token some APIs need; as sensitive as the secret.
    public var session: Secret?
    /// Ask for the flat response form. Off by default: the wrapped form names the API,
    /// which catches a mis-routed answer.
    public var simplify: Bool
    public var partnerId: String?

    /// Where each value came from, for `checkReport` (never the values of secrets).
    var sources: [String: String] = [:]

    public init(gateway: URL?, appKey: String?, secret: Secret?, signMethod: SignMethod = .md5,
                session: Secret? = nil, simplify: Bool = false, partnerId: String? = nil) {
        self.gateway = gateway
        self.appKey = appKey
        self.secret = secret
        self.signMethod = signMethod
        self.session = session
        self.simplify = simplify
        self.partnerId = partnerId
    }

    /// Why callbacks cannot be sent with this configuration, or nil when they can.
    public var sendingBlocker: String? {
        var missing: [String] = []
        if gateway == nil { missing.append("BUSOPS_TOP_GATEWAY") }
        if appKey == nil { missing.append("BUSOPS_TOP_APP_KEY") }
        if secret == nil { missing.append("BUSOPS_TOP_SECRET or BUSOPS_TOP_SECRET_FILE") }
        return missing.isEmpty ? nil : "TOP callbacks are not sent: set " + missing.joined(separator: ", ")
    }
}

extension TopConfig {
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> TopConfig {
        func value(_ name: String) -> String? {
            guard let v = env[name]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v
        }
        var config = TopConfig(gateway: nil, appKey: nil, secret: nil)

        if let g = value("BUSOPS_TOP_GATEWAY") {
            config.gateway = try parseGateway(g)
            config.sources["gateway"] = "BUSOPS_TOP_GATEWAY=\(g)"
        }
        if let key = value("BUSOPS_TOP_APP_KEY") {
            config.appKey = key
            config.sources["app_key"] = "BUSOPS_TOP_APP_KEY"
        }

        let inline = env["BUSOPS_TOP_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let file = value("BUSOPS_TOP_SECRET_FILE")
        switch (inline, file) {
        case (.some, .some):
            throw TopConfigError("set BUSOPS_TOP_SECRET or BUSOPS_TOP_SECRET_FILE, not both")
        case let (.some(s), nil):
            config.secret = Secret(s)
            config.sources["secret"] = "BUSOPS_TOP_SECRET"
        case let (nil, .some(path)):
            config.secret = try SecretFile.read(path, variable: "BUSOPS_TOP_SECRET_FILE")
            config.sources["secret"] = "BUSOPS_TOP_SECRET_FILE \(path)"
        case (nil, nil):
            break
        }

        if let m = value("BUSOPS_TOP_SIGN_METHOD") {
            guard let method = SignMethod(rawValue: m.lowercased()) else {
                throw TopConfigError("BUSOPS_TOP_SIGN_METHOD must be md5, hmac or hmac-sha256 (got \"\(m)\")")
            }
            config.signMethod = method
            config.sources["sign_method"] = "BUSOPS_TOP_SIGN_METHOD"
        }
        if let s = env["BUSOPS_TOP_SESSION"], !s.isEmpty {
            config.session = Secret(s)
            config.sources["session"] = "BUSOPS_TOP_SESSION"
        }
        return config
    }

    /// `production`, `sandbox`, or an http(s) URL with a host.
    static func parseGateway(_ text: String) throws -> URL {
        switch text.lowercased() {
        case "production": return productionGateway
        case "sandbox": return sandboxGateway
        default: break
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty
        else {
            throw TopConfigError("BUSOPS_TOP_GATEWAY must be production, sandbox or an http(s) URL (got \"\(text)\")")
        }
        return url
    }

    /// Lines for `busops config check`: what is set and where from. Secrets show only their length.
    public func checkReport() -> [String] {
        var lines: [String] = []
        if let gateway {
            var line = "gateway: \(gateway.absoluteString) (from \(sources["gateway"] ?? "code"))"
            if gateway.scheme?.lowercased() == "http", !Self.isLoopback(gateway.host) {
                line += " WARNING: plain http to a non-loopback host"
            }
            lines.append(line)
        } else {
            lines.append("gateway: not set (BUSOPS_TOP_GATEWAY: production, sandbox or a URL); callbacks are not sent")
        }
        if let appKey {
            lines.append("app_key: \(appKey) (from \(sources["app_key"] ?? "code"))")
        } else {
            lines.append("app_key: not set (BUSOPS_TOP_APP_KEY)")
        }
        if let secret {
            lines.append("secret: set (from \(sources["secret"] ?? "code"), \(secret.byteCount) bytes)")
        } else {
            lines.append("secret: not set (BUSOPS_TOP_SECRET or BUSOPS_TOP_SECRET_FILE)")
        }
        lines.append("sign_method: \(signMethod.rawValue) (\(sources["sign_method"].map { "from \($0)" } ?? "default"))")
        if let session {
            lines.append("session: set (from \(sources["session"] ?? "code"), \(session.byteCount) bytes)")
        } else {
            lines.append("session: not set (BUSOPS_TOP_SESSION; taobao.bus.item.notify likely needs it)")
        }
        lines.append(sendingBlocker ?? "ready: TOP callbacks can be sent")
        return lines
    }

    /// The badge the console shows for a gateway (issue 12): PROD and SANDBOX for Taobao's two, LOCAL for a loopback
    /// URL (the fake gateway, `busops fake-top`), CUSTOM for any other URL.
    public static func environmentBadge(_ gateway: URL) -> String {
        if gateway == productionGateway { return "PROD" }
        if gateway == sandboxGateway { return "SANDBOX" }
        return isLoopback(gateway.host) ? "LOCAL" : "CUSTOM"
    }

    static func isLoopback(_ host: String?) -> Bool {
        guard let host else { return false }
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
