import Foundation
import TOP

/// `busops fake-top`: FakeTopGateway on a socket, for demos, tests and the benchmark.
enum FakeTopCommand {
    static let defaultListen = "127.0.0.1:8090"

    static let spec = CommandSpec(path: ["fake-top"], usage: "[--listen \(defaultListen)] [--fault KIND[:N]]",
        summary: "A local TOP gateway for demos and tests: checks signatures and timestamps, answers in TOP's JSON, "
            + "de-duplicates refunds by transaction id, logs every call. Prints the bound address; SIGTERM stops it.",
        options: [
            ServiceCommands.listen(default: defaultListen),
            OptionSpec("allow-remote", nil, "allow a non-loopback listen address"),
            OptionSpec("fault", "KIND[:N]", "inject a fault, on every call or the first N: refuse, timeout, http500, malformed, isv, isp, ban, not-success, slow"),
            OptionSpec("log", "FILE", "append every call as a JSON line (no secrets)"),
            OptionSpec("secret-file", "FILE", "the app secret to verify with (mode 0600); default BUSOPS_TOP_SECRET / BUSOPS_TOP_SECRET_FILE"),
            OptionSpec("app-key", "KEY", "the app key to accept; default BUSOPS_TOP_APP_KEY"),
        ])

    static func run(_ args: ParsedArguments) throws -> Int32 {
        let (host, port) = try listenAddress(args.value("listen") ?? defaultListen)
        if !isLoopback(host) && !args.has("allow-remote") {
            throw CommandFailure(message: "fake-top accepts unauthenticated calls; refusing to listen on \(host) "
                + "(use a 127.x address, or --allow-remote if you really mean it)")
        }
        var fault: FakeTopFaultSpec?
        if let text = args.value("fault") {
            guard let spec = FakeTopFaultSpec(parsing: text) else {
                throw UsageError(message: "--fault expects \(FakeTopFaultSpec.usage), got '\(text)'")
            }
            fault = spec
        }
        let (secret, appKey) = try credentials(args)
        let gateway = FakeTopGateway(secret: secret.revealForSigning(), appKey: appKey, fault: fault, logPath: args.value("log"))
        let server = FakeTopServer(gateway: gateway, host: host, port: port, workers: 8)
        SignalFlags.install()
        do { try server.start() } catch { throw CommandFailure(message: "fake-top cannot listen on \(host):\(port): \(error)") }
        Output.line("fake-top listening on \(server.url.absoluteString)" + (fault.map { " (fault \($0.fault.rawValue)\($0.count.map { ":\($0)" } ?? ""))" } ?? ""))
        while SignalFlags.received == 0 { Thread.sleep(forTimeInterval: 0.05) }
        server.stop()
        let calls = gateway.calls
        Output.error("fake-top: \(calls.count) calls, \(gateway.processedCount) processed, \(calls.filter(\.duplicate).count) duplicates")
        return 0
    }

    /// `HOST:PORT`, IPv4 (the HTTP server's socket is IPv4).
    static func listenAddress(_ text: String) throws -> (String, UInt16) {
        guard let colon = text.lastIndex(of: ":"), let port = UInt16(text[text.index(after: colon)...]) else {
            throw UsageError(message: "--listen expects HOST:PORT, got '\(text)'")
        }
        var host = String(text[..<colon])
        if host == "localhost" { host = "127.0.0.1" }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
            throw UsageError(message: "--listen expects an IPv4 address, got '\(host)'")
        }
        return (host, port)
    }

    static func isLoopback(_ host: String) -> Bool { host.hasPrefix("127.") }

    /// The secret from --secret-file (mode-checked) or the environment; the app key from
    /// --app-key or the environment. The same variables `dispatch` reads, so one env serves both.
    static func credentials(_ args: ParsedArguments) throws -> (Secret, String) {
        var secret: Secret?
        if let file = args.value("secret-file") {
            do { secret = try SecretFile.read(file, variable: "--secret-file") } catch let e as TopConfigError {
                throw CommandFailure(message: e.message)
            }
        }
        let env = try TopEnvironment.load()
        guard let s = secret ?? env.secret else {
            throw CommandFailure(message: "fake-top needs the app secret: --secret-file FILE, BUSOPS_TOP_SECRET or BUSOPS_TOP_SECRET_FILE")
        }
        guard let key = args.value("app-key") ?? env.appKey else {
            throw CommandFailure(message: "fake-top needs the app key: --app-key KEY or BUSOPS_TOP_APP_KEY")
        }
        return (s, key)
    }
}
