import Foundation
import HTTP
import Qimen
import TOP

/// `busops selftest`: plays Fliggy against a Qimen endpoint and checks every answer against
/// docs/PROTOCOL.md (Qimen) (exit 0 all pass, 1 any failure, 2 usage); with `--explain-sign`, takes a
/// captured request apart to show why its signature does or does not match.
enum SelftestCommand {
    static let spec = CommandSpec(path: ["selftest"], usage: "--qimen URL | --explain-sign --url URL --body BODY",
        summary: "Plays Fliggy against a Qimen endpoint (signed with BUSOPS_QIMEN_SECRET[_FILE]): every interface with the "
            + "published request shapes, every answer's fields, types and formats and the schedule rules checked against "
            + "docs/PROTOCOL.md; one ok/FAIL line per check, exit 1 on any failure. Places real orders: use a test store. "
            + "With --explain-sign: the canonical string, expected and given sign of a captured request (never the secret).",
        options: [
            ServiceCommands.qimenURL,
            OptionSpec("days", "N", "days searched for a schedule with seats, today first (default 7)"),
            OptionSpec("timeout", "S", "bound on one request in seconds (default 10)"),
            ServiceCommands.signAs,
            OptionSpec("secret-file", "FILE", "the Qimen secret (mode 0600) instead of the environment"),
            OptionSpec("explain-sign", nil, "explain the signature of a captured request instead of testing"),
        ] + explainSignOnly)

    /// The options that only go with --explain-sign, listed once: for --help and for refusing them without it.
    static let explainSignOnly = [
        OptionSpec("url", "URL", "with --explain-sign: the captured URL with its query"),
        OptionSpec("body", "BODY", "with --explain-sign: the captured raw body"),
        OptionSpec("body-file", "FILE", "with --explain-sign: the captured raw body, from a file (bytes as sent)"),
        OptionSpec("header", "NAME:VALUE", "with --explain-sign: a request header (for top-sign-list); repeatable", repeatable: true),
    ]

    static func run(_ args: ParsedArguments) throws -> Int32 {
        if args.has("explain-sign") { return try explainSign(args) }
        for option in explainSignOnly where args.value(option.name) != nil {
            throw UsageError(message: "--\(option.name) goes with --explain-sign")
        }
        guard let url = args.value("qimen") else { throw UsageError(message: "--qimen URL is required (or --explain-sign)") }
        guard url.hasPrefix("http://") else {
            throw UsageError(message: "--qimen expects an http:// URL (our client speaks plain HTTP; use the loopback listener, not nginx)")
        }
        let days = try args.int("days", range: 1...60) ?? 7
        let timeout = try SimulateCommand.double(args, "timeout", default: 10, range: 0.1...300)
        let (secret, methods) = try secretAndMethods(args)
        let client = QimenClient(url: url, secret: secret, methods: methods)
        Output.note("busops selftest: playing Fliggy against \(url) (places real orders: use a test store)\n")
        let selftest = QimenSelftest(client: client, options: .init(days: days, timeout: timeout),
                                     emit: { Output.line($0.text) })
        let report = selftest.run()
        Output.line(report.summary)
        return report.exitCode
    }

    /// The secret serve checks (BUSOPS_QIMEN_SECRET[_FILE], or the test one with --env test,
    /// or --secret-file) and the scene's method names, as `simulate` reads them.
    static func secretAndMethods(_ args: ParsedArguments) throws -> (Secret, QimenMethodTable) {
        let config: QimenConfig
        do { config = try QimenConfig.fromEnvironment() } catch let e as QimenConfigError { throw CommandFailure(message: e.reason) }
        if let env = args.value("env"), env != "test" && env != "production" {
            throw UsageError(message: "--env expects production or test, got '\(env)'")
        }
        if let file = args.value("secret-file") {
            do { return (try SecretFile.read(file, variable: "--secret-file"), config.methods) } catch let e as TopConfigError {
                throw CommandFailure(message: e.message)
            }
        }
        let useTest = args.value("env") == "test"
        guard let secret = config.secrets[useTest ? .test : .production] else {
            throw CommandFailure(message: "selftest signs like Qimen and needs the secret serve checks: --secret-file FILE or "
                + (useTest ? "BUSOPS_QIMEN_TEST_SECRET[_FILE]" : "BUSOPS_QIMEN_SECRET or BUSOPS_QIMEN_SECRET_FILE"))
        }
        return (secret, config.methods)
    }

    /// Exit 0 when the given sign matches, 1 when it does not (or is missing).
    static func explainSign(_ args: ParsedArguments) throws -> Int32 {
        if args.value("qimen") != nil { throw UsageError(message: "--explain-sign takes --url, not --qimen") }
        guard let url = args.value("url") else { throw UsageError(message: "--explain-sign needs --url URL (the captured request's URL with its query)") }
        let body: [UInt8]
        switch (args.value("body"), args.value("body-file")) {
        case (.some, .some): throw UsageError(message: "give --body or --body-file, not both")
        case (let text?, nil): body = Array(text.utf8)
        case (nil, let path?):
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure(message: "--body-file \(path): cannot read") }
            body = Array(data)  // raw bytes: the signature covers them exactly
        case (nil, nil): throw UsageError(message: "--explain-sign needs --body BODY or --body-file FILE (use --body '' for an empty body)")
        }
        var headers = HTTPHeaders()
        for header in args.multi["header"] ?? [] {
            guard let colon = header.firstIndex(of: ":") else { throw UsageError(message: "--header expects NAME:VALUE, got '\(header)'") }
            headers.add(String(header[..<colon]).trimmingCharacters(in: .whitespaces),
                        String(header[header.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
        }
        let (secret, _) = try secretAndMethods(args)
        let explanation = SignatureExplanation(url: url, body: body, secret: secret, headers: headers)
        for line in explanation.lines { Output.line(line) }
        return explanation.matches ? 0 : 1
    }
}
