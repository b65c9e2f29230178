/// The command table: the one place that names every command, its options and its help.
enum Commands {
    static let db = OptionSpec("db", "PATH", "the store (default: $BUSOPS_DB, else $XDG_DATA_HOME/busops/busops.sqlite)")
    static let json = OptionSpec("json", nil, "one JSON object a line")

    static let console = CommandSpec(path: [], usage: "", summary: "The operations console over a busops store.", options: [
        db, OptionSpec("theme", "NAME", "colour theme from themes/ (default, light, high-contrast, mono)"),
        OptionSpec("read-only", nil, "view only: every action answers read-only and nothing is written"),
        OptionSpec("mouse", nil, "enable mouse: click selects a row, the wheel scrolls"),
        OptionSpec("no-dispatch", nil, "do not send callbacks from this console (another process does)"),
        OptionSpec("replica", nil, "--db names a follower kept by litestream restore -f: live, read-only, actions refused (detected from FOLLOWER-txid)"),
        OptionSpec("primary", "WHERE", "on a replica: where operators act instead, shown when an action is refused (default $BUSOPS_PRIMARY)"),
        OptionSpec("replica-dir", "DIR", "on a replica: the file replica's directory, to measure the lag (default $BUSOPS_REPLICA_DIR)"),
    ])
    static let demo = CommandSpec(path: ["demo"], usage: "--db PATH", summary: "Create a demo store, or with --tick add new orders to one.", options: [
        db, OptionSpec("orders", "N", "orders to generate (default 2000)"), OptionSpec("seed", "S", "random seed (default 1)"),
        OptionSpec("force", nil, "replace an existing store"),
        OptionSpec("tick", "N", "add N new orders and move some along their life cycle; prints the new agent order ids"),
    ])
    static let stats = CommandSpec(path: ["stats"], usage: "--db PATH", summary: "Counts of orders, tickets, refunds, callbacks and today's seats.", options: [db, json])
    static let list = CommandSpec(path: ["list"], usage: "orders|tickets|refunds|schedules|callbacks|notes --db PATH",
        summary: "Rows for scripts, newest first. --status takes seed codes for orders and tickets, names for refunds (pending, approved, rejected, done, failed) and callbacks (pending, sent, failed).",
        options: [db, OptionSpec("status", "S", "only rows in this status"), OptionSpec("limit", "N", "at most N rows (default 50)"), json, csv])

    static let csv = OptionSpec("csv", nil, "CSV: UTF-8, a header row, RFC 4180 quoting, formula-like cells prefixed with '")
    static let report = CommandSpec(path: ["report", "day"], usage: "[DATE] --db PATH",
        summary: "The daily settlement of DATE (yyyy-MM-dd, GMT+8; default today): per route and in total, orders and tickets sold "
            + "(paid that day), money taken, refunds decided that day by kind (online, offline, money-only, force), fees kept and net, "
            + "in yuan; then the money-moving callbacks of the day Fliggy has not acknowledged and the orders whose status disagrees "
            + "with their tickets. --csv writes the settlement table only.",
        options: [db, json, csv])

    static let all: [CommandSpec] = [console, demo, stats, list, report, DueCommand.spec] + ActionCommands.specs + ServiceCommands.specs + ReplicationCommands.specs

    static func find(_ path: [String]) -> CommandSpec? { all.first { $0.path == path } }

    /// Options that take a value in any command: needed to find the subcommand among the arguments.
    static var valueOptions: Set<String> {
        Set(all.flatMap { $0.options.filter { $0.value != nil }.map(\.name) })
    }

    static var overview: String {
        (["busops — Fliggy bus operations console and integration", "", "commands:"] + listing(all)
            + ["", "Run any command with --help for its options."]).joined(separator: "\n")
    }

    /// `busops ticket --help`: the group's subcommands, each with its usage and summary.
    static func groupHelp(_ word: String) -> String {
        (["commands:"] + listing(all.filter { $0.path.first == word })
            + ["", "Run busops \(word) SUB --help for a subcommand's options."]).joined(separator: "\n")
    }

    private static func listing(_ commands: [CommandSpec]) -> [String] {
        commands.flatMap { c in ["  " + c.name + (c.usage.isEmpty ? "" : " " + c.usage), "      " + c.summary] }
    }
}
