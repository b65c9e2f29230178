import Foundation
import HTTP
import Qimen
import StandardStreams
import Store
import TOP

/// `busops serve`: the Qimen endpoint Fliggy calls, answering from the store the console
/// watches. Loopback unless --allow-remote (production sits behind nginx for TLS, see
/// docs/nginx-busops.conf); refuses to start without a Qimen secret.
enum ServeCommand {
    static let defaultListen = "127.0.0.1:8080"

    static let spec = CommandSpec(path: ["serve"], usage: "--db PATH [--listen \(defaultListen)]",
        summary: "The Qimen endpoint Fliggy calls (cities, schedules, seats, orders, tickets, refunds), answered from the store. "
            + "Needs BUSOPS_QIMEN_SECRET[_FILE] (test environment: BUSOPS_QIMEN_TEST_SECRET[_FILE]); BUSOPS_QIMEN_AUTO_ISSUE (on), "
            + "BUSOPS_QIMEN_AUTO_REFUND (off), BUSOPS_QIMEN_LOCK_SECONDS (900), BUSOPS_QIMEN_METHODS[_FILE] adjust it. "
            + "Prints the bound address; one access line per request on stderr; SIGTERM/SIGINT stop it gracefully.",
        options: [
            Commands.db,
            ServiceCommands.listen(default: defaultListen),
            OptionSpec("allow-remote", nil, "allow a non-loopback listen address (production belongs behind nginx for TLS)"),
            OptionSpec("workers", "N", "request worker threads (default 8)"),
            OptionSpec("env", "ENV", "which Qimen environments' signatures to accept: production, test or both (default both)"),
        ])

    static func run(_ args: ParsedArguments) throws -> Int32 {
        let path = try StorePaths.required(args)
        let (host, port) = try FakeTopCommand.listenAddress(args.value("listen") ?? defaultListen)
        if !FakeTopCommand.isLoopback(host) && !args.has("allow-remote") {
            throw CommandFailure(message: "serve listens on loopback only; refusing \(host) "
                + "(put nginx in front for TLS, see docs/nginx-busops.conf, or pass --allow-remote)")
        }
        let workers = try args.int("workers", range: 1...256) ?? 8
        let environments = try environmentsOption(args.value("env") ?? "both")
        let config: QimenConfig
        let settings: QimenSalesSettings
        let listener: HTTPServer.Options
        do {
            config = try QimenConfig.fromEnvironment()
            settings = try QimenSalesSettings.fromEnvironment()
            listener = try QimenListenerSettings.fromEnvironment()
        } catch let e as QimenConfigError {
            throw CommandFailure(message: e.reason)
        }
        let usable = environments.filter { config.secrets[$0] != nil }
        guard !usable.isEmpty else {
            let wanted = environments == [.test] ? "BUSOPS_QIMEN_TEST_SECRET or BUSOPS_QIMEN_TEST_SECRET_FILE"
                : "BUSOPS_QIMEN_SECRET or BUSOPS_QIMEN_SECRET_FILE"
            throw CommandFailure(message: "serve needs the Qimen app secret to check signatures: set \(wanted) "
                + "(a file must be mode 0600 or stricter)")
        }
        _ = try StorePaths.open(path)  // a clear message for a missing store, before any socket
        // From here on a full log volume or a closed stdout loses log lines (counted), never
        // requests (docs/HARDENING.md "Output that cannot be written").
        Output.isService = true
        // Every connection is a descriptor: a soft limit of 1,024 would cap the listener well
        // below its connection limit (docs/HARDENING.md "Qimen listener").
        FileLimit.raiseToHard()
        // Under Litestream the WAL is Litestream's to checkpoint (docs/REPLICATION.md, "Checkpoints").
        let owner: CheckpointOwner
        do { owner = try CheckpointOwner.resolve(storePath: path) } catch let e as StoreError { throw UsageError(message: e.message) }
        let pool = try StorePool(path: path, deferCheckpoints: true)
        let handler = QimenStoreHandler(pool: pool, settings: settings) { problem in
            Output.error("serve: \(problem)")
        }
        let router = QimenRouter(config: config, handler: handler, environments: usable)
        let log = QimenAccessLog()
        let server = HTTPServer(host: host, port: port, workers: workers, options: listener, handler: router.httpHandler)
        server.onAccess = { log.record($0) }
        let sweeper = LockSweeper(path: path, onSweep: { result in
            switch result {
            case .success(let n): Output.error("serve: released " + Plural.count(n, "expired seat lock"))
            case .failure(let error): Output.error("serve: lock sweep failed: \(error)")
            }
        })
        SignalFlags.install()
        do { try server.start() } catch { throw CommandFailure(message: "serve cannot listen on \(host):\(port): \(error)") }
        let checkpointer = WALCheckpointer(path: path) { body in handler.excludingWriters(body) }
        do { try sweeper.start(); if owner == .busops { try checkpointer.start() } } catch {
            server.stop(graceTimeout: 0)
            sweeper.stop()
            throw CommandFailure(message: "serve cannot open \(path) for its lock sweeper and checkpointer: \(error)")
        }
        // The start check runs beside serving (seconds on a large store); its result refuses money-moving actions.
        let sentinel = StoreSentinel(path: path, name: "serve")
        do { try sentinel.start(checkFirst: true) } catch { Output.error("serve: cannot start the store sentinel: \(error)") }
        Output.line("busops serve listening on http://\(host):\(server.port)/ (store \(path))")
        let sources = config.sources.sorted { $0.key < $1.key }.map { "\($0.key) from \($0.value)" }.joined(separator: ", ")
        Output.error("serve: \(settings.summary); environments \(usable.map(\.rawValue).sorted().joined(separator: ", ")); "
            + "\(workers) workers; WAL checkpoints by \(owner.rawValue); \(QimenListenerSettings.summary(listener))"
            + (sources.isEmpty ? "" : "; \(sources)"))
        // The scene's method names, where they differ from docs/PROTOCOL.md's defaults: a wrong one answers
        // method-not-found to every call, so the operator sees at start which names this endpoint expects.
        let renamed = QimenInterface.allCases.filter { config.methods.methodName($0) != QimenMethodTable.defaults.methodName($0) }
        if !renamed.isEmpty {
            Output.error("serve: Qimen methods " + renamed.map { "\($0.shortName)=\(config.methods.methodName($0))" }.joined(separator: ", "))
        }
        // Qimen traffic per minute for every console's dashboard (issue 13), one transaction a second at most.
        // Checkpoints stay with the checkpointer (or Litestream), as for serve's other connections.
        let trafficStore = try? StorePaths.open(path)
        try? trafficStore?.deferCheckpoints()
        var flushedAt = Date()
        func flushTraffic() {
            do { try trafficStore?.addQimenTraffic(log.takeTraffic()) } catch { Output.error("serve: traffic counters not written: \(error)") }
        }
        while SignalFlags.received == 0 {
            Thread.sleep(forTimeInterval: 0.05)
            if Date().timeIntervalSince(flushedAt) >= 1 { flushTraffic(); flushedAt = Date() }
        }
        Output.error("serve: stopping (in-flight requests finish)")
        server.stop(graceTimeout: 10)
        sweeper.stop()
        if owner == .busops { checkpointer.stop() }
        sentinel.stop()
        flushTraffic()
        let stopped = "serve: stopped after \(log.summary); \(server.counters.summary)"
        // Lost log lines are told here at the latest; if stderr is still full, on stdout instead.
        if !StandardStream.error.write("busops: " + stopped + Output.lossSummary + "\n") {
            Output.line(stopped + Output.lossSummary)
        }
        return 0
    }

    static func environmentsOption(_ text: String) throws -> Set<QimenEnvironment> {
        switch text {
        case "both": return Set(QimenEnvironment.allCases)
        case "production", "test": return [QimenEnvironment(rawValue: text)!]
        default: throw UsageError(message: "--env expects production, test or both, got '\(text)'")
        }
    }
}
