import Foundation
import HTTP
import Qimen
import TOP

/// `busops simulate`: Fliggy-side traffic against a Qimen endpoint, signed with the same
/// secret `serve` checks, so the console shows orders arriving, paid, cancelled and refunded.
enum SimulateCommand {
    static let spec = CommandSpec(path: ["simulate"], usage: "--qimen URL [--rate R] [--duration S]",
        summary: "Fliggy-side traffic against a Qimen endpoint, signed with BUSOPS_QIMEN_SECRET[_FILE]: searches, seat queries, "
            + "seat locks, payments and tickets, cancels, closes, refund fees and refunds. Prints requests by interface and retCode.",
        options: [
            ServiceCommands.qimenURL,
            OptionSpec("rate", "R", "requests per second (default 20)"),
            OptionSpec("duration", "S", "seconds to run (default 60)"),
            OptionSpec("seed", "N", "random seed: the same seed makes the same choices (default 1)"),
            OptionSpec("workers", "N", "concurrent buyers (default 4)"),
            ServiceCommands.signAs,
        ])

    static func run(_ args: ParsedArguments) throws -> Int32 {
        guard let url = args.value("qimen") else { throw UsageError(message: "--qimen URL is required") }
        guard url.hasPrefix("http://") else {
            throw UsageError(message: "--qimen expects an http:// URL (our client speaks plain HTTP; use the loopback listener, not nginx)")
        }
        var options = QimenSimulator.Options()
        options.rate = try double(args, "rate", default: options.rate, range: 0.1...100_000)
        options.duration = try double(args, "duration", default: options.duration, range: 0.1...86_400)
        options.seed = try args.int("seed", range: 0...Int.max).map(UInt64.init) ?? options.seed
        options.workers = try args.int("workers", range: 1...64) ?? options.workers
        let config: QimenConfig
        do { config = try QimenConfig.fromEnvironment() } catch let e as QimenConfigError { throw CommandFailure(message: e.reason) }
        let useTest = args.value("env") == "test"
        if let env = args.value("env"), env != "test" && env != "production" {
            throw UsageError(message: "--env expects production or test, got '\(env)'")
        }
        guard let secret = config.secrets[useTest ? .test : .production] else {
            throw CommandFailure(message: "simulate signs like Qimen and needs the same secret as serve: set "
                + (useTest ? "BUSOPS_QIMEN_TEST_SECRET[_FILE]" : "BUSOPS_QIMEN_SECRET or BUSOPS_QIMEN_SECRET_FILE"))
        }
        let client = QimenClient(url: url, secret: secret, methods: config.methods)
        let simulator = QimenSimulator(client: client, options: options)
        Output.note("busops simulate: \(options.rate) req/s for \(options.duration)s against \(url) (seed \(options.seed))\n")
        let summary = simulator.run()
        Output.line(summary.text)
        // Nothing answered at all means the endpoint is down or the secret is wrong: say so in the status.
        let answered = summary.counts.values.reduce(0) { $0 + $1.filter { $0.key != "transport-error" && $0.key != "sign-check-failure" }.values.reduce(0, +) }
        if answered == 0 {
            Output.error("simulate: no request was accepted (is serve running, with the same secret?)")
            return 1
        }
        return 0
    }

    static func double(_ args: ParsedArguments, _ name: String, default value: Double, range: ClosedRange<Double>) throws -> Double {
        guard let text = args.value(name) else { return value }
        guard let n = Double(text), range.contains(n) else {
            throw UsageError(message: "--\(name) expects a number between \(range.lowerBound) and \(range.upperBound), got '\(text)'")
        }
        return n
    }
}
