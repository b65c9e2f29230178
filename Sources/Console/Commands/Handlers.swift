enum ActionHandlers {
    static let all: [String: CommandLineRouter.Handler] = [
        "ticket issue": TicketActionCommands.issue,
        "ticket fail": TicketActionCommands.fail,
        "refund approve": RefundActionCommands.approve,
        "refund reject": RefundActionCommands.reject,
        "refund offline": RefundActionCommands.offline,
        "refund money": RefundActionCommands.money,
        "schedule stop": ScheduleActionCommands.stop,
        "schedule change": ScheduleActionCommands.change,
        "callback retry": OutboxActionCommands.retry,
        "sending": OutboxActionCommands.sending,
    ]
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
