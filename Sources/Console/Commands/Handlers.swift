import Operations

/// Every operator action's command, one generic handler each (the unit says what it takes).
enum ActionHandlers {
    static let all: [String: CommandLineRouter.Handler] = Dictionary(uniqueKeysWithValues: ActionUnits.all.map { unit in
        (unit.command.joined(separator: " "), { @Sendable args in try ActionRunner.run(args, unit) })
    })
}

enum ServiceHandlers {
    static let all: [String: CommandLineRouter.Handler] = [
        "dispatch": DispatchCommand.run, "fake-top": FakeTopCommand.run, "config check": ConfigCheckCommand.run,
    ].merging(qimen) { a, _ in a }

    // MARK: - Qimen endpoint: serve, simulate, selftest
    static let qimen: [String: CommandLineRouter.Handler] = [
        "serve": ServeCommand.run, "simulate": SimulateCommand.run, "selftest": SelftestCommand.run,
    ]
}
