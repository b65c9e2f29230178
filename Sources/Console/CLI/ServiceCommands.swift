/// Long-running services and tools: serve, simulate, dispatch, fake-top, config check.
enum ServiceCommands {
    static let specs: [CommandSpec] = qimenSpecs + topSpecs

    // MARK: - Options more than one service takes, worded once

    static func listen(default address: String) -> OptionSpec {
        OptionSpec("listen", "HOST:PORT", "address to listen on (default \(address); port 0 picks a free one)")
    }

    /// simulate and selftest play Fliggy against this endpoint.
    static let qimenURL = OptionSpec("qimen", "URL", "the endpoint, e.g. http://127.0.0.1:8080/")
    static let signAs = OptionSpec("env", "ENV", "sign as the production (default) or test environment")

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
            listen(default: "127.0.0.1:8090"),
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

    // MARK: - Qimen endpoint: serve, simulate, selftest

    static let qimenSpecs: [CommandSpec] = [serve, simulate, selftest]

    static let serve = CommandSpec(path: ["serve"], usage: "--db PATH [--listen 127.0.0.1:8080]",
        summary: "The Qimen endpoint Fliggy calls (cities, schedules, seats, orders, tickets, refunds), answered from the store. "
            + "Needs BUSOPS_QIMEN_SECRET[_FILE] (test environment: BUSOPS_QIMEN_TEST_SECRET[_FILE]); BUSOPS_QIMEN_AUTO_ISSUE (on), "
            + "BUSOPS_QIMEN_AUTO_REFUND (off), BUSOPS_QIMEN_LOCK_SECONDS (900), BUSOPS_QIMEN_METHODS[_FILE] adjust it. "
            + "Prints the bound address; one access line per request on stderr; SIGTERM/SIGINT stop it gracefully.",
        options: [
            Commands.db,
            listen(default: "127.0.0.1:8080"),
            OptionSpec("allow-remote", nil, "allow a non-loopback listen address (production belongs behind nginx for TLS)"),
            OptionSpec("workers", "N", "request worker threads (default 8)"),
            OptionSpec("env", "ENV", "which Qimen environments' signatures to accept: production, test or both (default both)"),
        ])

    static let simulate = CommandSpec(path: ["simulate"], usage: "--qimen URL [--rate R] [--duration S]",
        summary: "Fliggy-side traffic against a Qimen endpoint, signed with BUSOPS_QIMEN_SECRET[_FILE]: searches, seat queries, "
            + "seat locks, payments and tickets, cancels, closes, refund fees and refunds. Prints requests by interface and retCode.",
        options: [
            qimenURL,
            OptionSpec("rate", "R", "requests per second (default 20)"),
            OptionSpec("duration", "S", "seconds to run (default 60)"),
            OptionSpec("seed", "N", "random seed: the same seed makes the same choices (default 1)"),
            OptionSpec("workers", "N", "concurrent buyers (default 4)"),
            signAs,
        ])

    static let selftest = CommandSpec(path: ["selftest"], usage: "--qimen URL | --explain-sign --url URL --body BODY",
        summary: "Plays Fliggy against a Qimen endpoint (signed with BUSOPS_QIMEN_SECRET[_FILE]): every interface with the "
            + "published request shapes, every answer's fields, types and formats and the schedule rules checked against "
            + "PROTOCOL.md; one ok/FAIL line per check, exit 1 on any failure. Places real orders: use a test store. "
            + "With --explain-sign: the canonical string, expected and given sign of a captured request (never the secret).",
        options: [
            qimenURL,
            OptionSpec("days", "N", "days searched for a schedule with seats, today first (default 7)"),
            OptionSpec("timeout", "S", "bound on one request in seconds (default 10)"),
            signAs,
            OptionSpec("secret-file", "FILE", "the Qimen secret (mode 0600) instead of the environment"),
            OptionSpec("explain-sign", nil, "explain the signature of a captured request instead of testing"),
            OptionSpec("url", "URL", "with --explain-sign: the captured URL with its query"),
            OptionSpec("body", "BODY", "with --explain-sign: the captured raw body"),
            OptionSpec("body-file", "FILE", "with --explain-sign: the captured raw body, from a file (bytes as sent)"),
            OptionSpec("header", "NAME:VALUE", "with --explain-sign: a request header (for top-sign-list); repeatable"),
        ])
}
