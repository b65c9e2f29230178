import Operations

/// `busops callback retry ID` and `busops sending pause|resume`.
enum OutboxActionCommands {
    static func retry(_ args: ParsedArguments) throws -> Int32 {
        let text = try ActionRunner.id(args, "callback")
        guard let id = Int64(text), id > 0 else { throw UsageError(message: "callback id must be a number, got '\(text)'") }
        return try ActionRunner.run(args, .retryCallback(id: id))
    }

    static func sending(_ args: ParsedArguments) throws -> Int32 {
        let word = try ActionRunner.id(args, "switch (pause or resume)")
        switch word {
        case "pause": return try ActionRunner.run(args, .setSending(paused: true))
        case "resume": return try ActionRunner.run(args, .setSending(paused: false))
        default: throw UsageError(message: "sending takes pause or resume, got '\(word)'")
        }
    }
}
