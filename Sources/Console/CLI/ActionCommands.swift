import Operations

/// Headless operator actions, one command per action unit: its positional id, a flag per field, its summary.
/// Without --yes each prints what it would send and changes nothing (the same code path as the console's keys).
enum ActionCommands {
    static let yes = OptionSpec("yes", nil, "do it; without --yes only show what would be sent (nothing changes)")

    static let specs: [CommandSpec] = ActionUnits.all.map(spec)

    static func spec(_ unit: ActionUnit) -> CommandSpec {
        let required = unit.fields.filter(\.required).map { "--\($0.name) \($0.placeholder)" }
        let optional = unit.fields.filter { !$0.required }.map { "[--\($0.name) \($0.placeholder)]" }
        let usage = ([unit.subject.rawValue] + required + optional + ["--yes"]).joined(separator: " ")
        let options = [Commands.db, yes] + unit.fields.map { f in
            OptionSpec(f.name, f.placeholder, f.help + (f.kind == .money ? " (fen)" : "") + (f.required ? "; required" : ""))
        }
        return CommandSpec(path: unit.command, usage: usage, summary: unit.summary, options: options)
    }
}
