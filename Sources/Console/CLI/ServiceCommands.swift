/// Long-running services and tools: serve, simulate, dispatch, fake-top, config check.
enum ServiceCommands {
    static let specs: [CommandSpec] = []
}
