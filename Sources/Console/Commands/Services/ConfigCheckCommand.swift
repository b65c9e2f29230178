import TOP

/// `busops config check`: what the environment configures for TOP callbacks and where each
/// value came from. Secrets appear only as "set" and their length.
enum ConfigCheckCommand {
    static let spec = CommandSpec(path: ["config", "check"], usage: "",
        summary: "Show the TOP configuration from the environment and where each value comes from, never a secret. "
            + "Exit status 1 when callbacks cannot be sent or a setting is wrong.",
        options: [])

    static func run(_ args: ParsedArguments) throws -> Int32 {
        let config: TopConfig
        do {
            config = try TopConfig.fromEnvironment()
        } catch let e as TopConfigError {
            Output.line("error: \(e.message)")
            Output.line("not ready: TOP callbacks are not sent until this is fixed")
            return 1
        }
        for line in config.checkReport() { Output.line(line) }
        return config.sendingBlocker == nil ? 0 : 1
    }
}
