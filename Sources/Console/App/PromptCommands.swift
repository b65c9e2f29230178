import Store

/// The `:` commands (issue 12: "`:` takes aliases and completes"): each command's name, the aliases that also run
/// it and what it takes. The unknown-command message, Tab completion and `:help`'s line are read from here.
enum PromptCommands {
    struct Command: Equatable {
        let name: String
        let aliases: [String]
        /// What follows the name, for the command list ("DATE", "[ID]").
        let argument: String
        var names: [String] { [name] + aliases }
        var usage: String { ":" + name + (argument.isEmpty ? "" : " " + argument) }
    }

    static let all: [Command] = [
        Command(name: "orders", aliases: ["order", "o"], argument: "[ID]"),
        Command(name: "seats", aliases: ["seat", "s"], argument: "[DATE]"),
        Command(name: "refunds", aliases: ["refund", "r"], argument: ""),
        Command(name: "callbacks", aliases: ["callback", "cb", "c"], argument: ""),
        Command(name: "due", aliases: ["d"], argument: ""),
        Command(name: "dash", aliases: ["dashboard"], argument: ""),
        Command(name: "report", aliases: [], argument: "[DATE]"),
        Command(name: "export", aliases: ["export!"], argument: "FILE"),
        Command(name: "status", aliases: ["check"], argument: ""),
        Command(name: "help", aliases: ["h"], argument: ""),
        Command(name: "quit", aliases: ["q", "q!"], argument: ""),
    ]

    static func named(_ word: String) -> Command? {
        all.first { $0.names.contains(word.lowercased()) }
    }

    /// Every command, as the unknown-command message and the help list them.
    static var list: String { all.map(\.usage).joined(separator: " ") }

    /// What Tab makes of the typed command name: one command → its name and a space; several → their common
    /// prefix and the candidates to show; none (or an argument being typed) → nil.
    static func complete(_ text: String) -> (text: String, candidates: [String])? {
        guard !text.contains(" ") else { return nil }
        let typed = text.lowercased()
        // Names first ("c" is callbacks, not status by its alias "check"); aliases when no name fits.
        let byName = all.filter { $0.name.hasPrefix(typed) }
        let matches = byName.isEmpty ? all.filter { c in c.aliases.contains { $0.hasPrefix(typed) } } : byName
        guard !matches.isEmpty else { return nil }
        if matches.count == 1 { return (matches[0].name + " ", []) }
        let names = matches.map(\.name)
        var common = names[0]
        for n in names.dropFirst() { while !n.hasPrefix(common) { common.removeLast() } }
        return (common.count > typed.count ? common : text, names)
    }

    /// A day word or a date: today, tomorrow, yesterday or yyyy-MM-dd, as the GMT+8 midnight it names.
    static func day(_ word: String, now: Int) -> Int? {
        let today = ChinaTime.startOfDay(now)
        switch word.lowercased() {
        case "today": return today
        case "tomorrow": return today + 86400
        case "yesterday": return today - 86400
        default: return ChinaTime.parseDate(word)
        }
    }
}
