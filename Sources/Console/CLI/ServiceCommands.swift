/// Long-running services and tools: serve, simulate, dispatch, fake-top, config check.
enum ServiceCommands {
    static let specs: [CommandSpec] = topSpecs

    // MARK: - TOP callbacks: dispatch, fake-top, config check

    static let topSpecs: [CommandSpec] = [dispatch, fakeTop, configCheck]

    static let dispatch = CommandSpec(path: ["dispatch"], usage: "--db PATH [--once]",
        summary: "Send pending TOP callbacks (for hosts without a console). Configuration from BUSOPS_TOP_* (see busops config check). "
            + "Runs until SIGTERM/SIGINT; with --once drains what is due now and prints: sent N, retried N, dead-lettered N.",
        options: [
            Commands.db,
            OptionSpec("once", nil, "one pass over every callback due now, then exit"),
            OptionSpec("lease", "SECONDS", "how long a claimed callback is held before another dispatcher may take it (default 60)"),
            OptionSpec("timeout", "SECONDS", "bound on one HTTP exchange with the gateway (default 10)"),
            OptionSpec("batch", "N", "callbacks claimed per transaction (default 32)"),
        ])

    static let fakeTop = CommandSpec(path: ["fake-top"], usage: "[--listen 127.0.0.1:8090] [--fault KIND[:N]]",
        summary: "A local TOP gateway for demos and tests: checks signatures and timestamps, answers in TOP's JSON, "
            + "de-duplicates refunds by transaction id, logs every call. Prints the bound address; SIGTERM stops it.",
        options: [
            OptionSpec("listen", "HOST:PORT", "address to listen on (default 127.0.0.1:8090; port 0 picks a free one)"),
            OptionSpec("allow-remote", nil, "allow a non-loopback listen address"),
            OptionSpec("fault", "KIND[:N]", "inject a fault, on every call or the first N: refuse, timeout, http500, malformed, isv, isp, ban, not-success, slow"),
            OptionSpec("log", "FILE", "append every call as a JSON line (no secrets)"),
            OptionSpec("secret-file", "FILE", "the app secret to verify with (mode 0600); default BUSOPS_TOP_SECRET / BUSOPS_TOP_SECRET_FILE"),
            OptionSpec("app-key", "KEY", "the app key to accept; default BUSOPS_TOP_APP_KEY"),
        ])

    static let configCheck = CommandSpec(path: ["config", "check"], usage: "",
        summary: "Show the TOP configuration from the environment and where each value comes from, never a secret. "
            + "Exit status 1 when callbacks cannot be sent or a setting is wrong.",
        options: [])
}
