enum ActionHandlers { static let all: [String: CommandLineRouter.Handler] = [:] }
enum ServiceHandlers {
    static let all: [String: CommandLineRouter.Handler] = [
        "dispatch": DispatchCommand.run, "fake-top": FakeTopCommand.run, "config check": ConfigCheckCommand.run,
    ]
}
