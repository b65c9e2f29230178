/// Keeping the store safe: backup, restore, status (docs/REPLICATION.md).
enum ReplicationCommands {
    static let specs: [CommandSpec] = [backup, restore, status]

    static let backup = CommandSpec(path: ["backup"], usage: "--db PATH --to FILE",
        summary: "Write a consistent copy of the store to FILE while serve, dispatch and consoles keep running (SQLite's online backup). "
            + "Refuses an existing FILE.",
        options: [Commands.db, OptionSpec("to", "FILE", "where the copy goes (a new file; written beside it, then renamed)")])

    static let restore = CommandSpec(path: ["restore"], usage: "--from FILE --db PATH [--force]",
        summary: "Put a backup (or a litestream restore) in place of the store. Checks the copy (integrity, schema version) first; "
            + "refuses to replace an existing store without --force and keeps the replaced one as PATH.replaced-TIMESTAMP. "
            + "Stop serve, dispatch, consoles and litestream on PATH first.",
        options: [Commands.db, OptionSpec("from", "FILE", "the copy to restore"),
                  OptionSpec("force", nil, "replace an existing store (kept aside, never deleted)")])

    static let status = CommandSpec(path: ["status"], usage: "--db PATH [--replica-dir DIR] [--max-lag S]",
        summary: "The store (schema, size, WAL, checkpoints) and its replication: when Litestream last captured and replicated a commit, "
            + "from Litestream's own LTX files. Exit status 1 with a warning when replication lags more than --max-lag seconds.",
        options: [Commands.db, OptionSpec("replica-dir", "DIR", "a file replica's directory (the path: of a type: file replica in litestream.yml)"),
                  OptionSpec("max-lag", "S", "warn when a write waited longer than S seconds for replication (default 10)"),
                  Commands.json])
}

enum ReplicationHandlers {
    static let all: [String: CommandLineRouter.Handler] = [
        "backup": BackupCommand.run, "restore": RestoreCommand.run, "status": StatusCommand.run,
    ]
}
