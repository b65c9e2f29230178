/// Headless operator actions (same code path as the console's action keys).
enum ActionCommands {
    static let specs: [CommandSpec] = []
}
