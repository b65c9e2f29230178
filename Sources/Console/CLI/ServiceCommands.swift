/// Long-running services and tools: serve, simulate, selftest (the Qimen endpoint), dispatch, fake-top,
/// config check (TOP callbacks). Each command's spec sits beside its handler; here, their order in `--help`
/// and the options more than one of them takes.
enum ServiceCommands {
    static let specs: [CommandSpec] = [ServeCommand.spec, SimulateCommand.spec, SelftestCommand.spec,
                                       DispatchCommand.spec, FakeTopCommand.spec, ConfigCheckCommand.spec]

    // MARK: - Options more than one service takes, worded once

    static func listen(default address: String) -> OptionSpec {
        OptionSpec("listen", "HOST:PORT", "address to listen on (default \(address); port 0 picks a free one)")
    }

    /// simulate and selftest play Fliggy against this endpoint.
    static let qimenURL = OptionSpec("qimen", "URL", "the endpoint, e.g. http://127.0.0.1:8080/")
    static let signAs = OptionSpec("env", "ENV", "sign as the production (default) or test environment")
}
