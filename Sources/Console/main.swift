import Foundation

// busops: every command goes through one router so options, help and exit codes behave alike.
let handlers: [String: CommandLineRouter.Handler] = [
    "": ConsoleCommand.run,
    "demo": DemoCommand.run,
    "stats": StatsCommand.run,
    "list": ListCommand.run,
    "report day": ReportCommand.run,
].merging(ActionHandlers.all) { a, _ in a }.merging(ServiceHandlers.all) { a, _ in a }
    .merging(ReplicationHandlers.all) { a, _ in a }

exit(CommandLineRouter.run(Array(CommandLine.arguments.dropFirst()), handlers: handlers))
