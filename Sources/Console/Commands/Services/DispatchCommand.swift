import Foundation
import Store
import TOP

/// `busops dispatch`: the outbox dispatcher without a console. Several may run against one
/// store (and alongside consoles): claims keep them from sending the same callback twice.
enum DispatchCommand {
    static let spec = CommandSpec(path: ["dispatch"], usage: "--db PATH [--once]",
        summary: "Send pending TOP callbacks (for hosts without a console). Configuration from BUSOPS_TOP_* (see busops config check). "
            + "Runs until SIGTERM/SIGINT; with --once drains what is due now and prints: sent N, retried N, dead-lettered N.",
        options: [
            Commands.db,
            OptionSpec("once", nil, "one pass over every callback due now, then exit"),
            OptionSpec("lease", "SECONDS", "how long a claimed callback is held before another dispatcher may take it (default 60)"),
            OptionSpec("timeout", "SECONDS", "bound on one HTTP exchange with the gateway (default 10)"),
            OptionSpec("batch", "N", "callbacks claimed per transaction (default 32)"),
        ])

    static func run(_ args: ParsedArguments) throws -> Int32 {
        let path = try StorePaths.required(args)
        let config = try TopEnvironment.load()
        if let blocker = config.sendingBlocker {
            // Refusing up front, before any claim: every callback stays pending, nothing is lost.
            throw CommandFailure(message: blocker + " (callbacks stay pending; see busops config check)")
        }
        var settings = DispatcherSettings()
        if let lease = try args.int("lease", range: 1...86_400) { settings.leaseSeconds = lease }
        if let timeout = try args.int("timeout", range: 1...600) { settings.requestTimeout = TimeInterval(timeout) }
        if let batch = try args.int("batch", range: 1...1000) { settings.batchSize = batch }
        let store = try StorePaths.open(path)
        StoreSentinel.check(store, name: "dispatch", quietWhenOK: args.has("once"))   // at start, before anything is sent (docs/STORE-SAFETY.md)
        let dispatcher = OutboxDispatcher(store: store, config: config, settings: settings)

        if args.has("once") {
            let report = try dispatcher.drain()
            Output.line(report.summary)
            return 0
        }
        SignalFlags.install()
        Output.isService = true   // a full log volume must not stop the sending (docs/HARDENING.md)
        let sentinel = StoreSentinel(path: path, name: "dispatch")   // the daily check, and the store file watched every second
        try sentinel.start(checkFirst: false)
        defer { sentinel.stop() }
        Output.note("busops dispatch: sending from \(path) as \(dispatcher.dispatcherId)\n")
        let total = dispatcher.run(until: { SignalFlags.received != 0 }, log: { Output.error($0) })
        Output.line(total.summary + Output.lossSummary)
        return 0
    }
}
