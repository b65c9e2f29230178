import Foundation
import StandardStreams

// busops: every command goes through one router so options, help and exit codes behave alike.
let handlers: [String: CommandLineRouter.Handler] = [
    "": ConsoleCommand.run,
    "demo": DemoCommand.run,
    "stats": StatsCommand.run,
    "list": ListCommand.run,
    "report day": ReportCommand.run,
].merging(ActionHandlers.all) { a, _ in a }.merging(ServiceHandlers.all) { a, _ in a }
    .merging(ReplicationHandlers.all) { a, _ in a }.merging(["due": DueCommand.run]) { a, _ in a }

// A closed pipe on stdout or stderr must fail the write (EPIPE, counted by StandardStream), not kill us.
StandardStream.ignoreBrokenPipe()
exit(CommandLineRouter.run(Array(CommandLine.arguments.dropFirst()), handlers: handlers))
