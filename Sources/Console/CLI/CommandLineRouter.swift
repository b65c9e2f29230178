/// Finds the subcommand among the arguments (options may come first) and runs it.
enum CommandLineRouter {
    typealias Handler = @Sendable (ParsedArguments) throws -> Int32

    static func run(_ argv: [String], handlers: [String: Handler]) -> Int32 {
        // Locate the command words: positionals not consumed as option values.
        let valueOptions = Commands.valueOptions
        var positions: [Int] = []
        var i = 0
        while i < argv.count {
            let a = argv[i]
            if a == "--" { break }
            if a.hasPrefix("--") {
                let name = String(a.dropFirst(2).prefix { $0 != "=" })
                if !a.contains("=") && valueOptions.contains(name) { i += 1 }
            } else if !a.hasPrefix("-") { positions.append(i) }
            i += 1
        }
        var spec = Commands.console
        var commandIndexes: [Int] = []
        for depth in [2, 1] where positions.count >= depth {
            let words = positions.prefix(depth).map { argv[$0] }
            if let s = Commands.find(words) { spec = s; commandIndexes = Array(positions.prefix(depth)); break }
        }
        if commandIndexes.isEmpty, let first = positions.first {
            let word = argv[first]
            let groups = Set(Commands.all.compactMap(\.path.first))
            if groups.contains(word), argv.prefix { $0 != "--" }.contains("--help") {
                Output.line(Commands.groupHelp(word))
                return Output.finish(0)
            } else if groups.contains(word) {
                let subs = Commands.all.filter { $0.path.first == word }.map { $0.path.joined(separator: " ") }
                Output.error("'\(word)' needs one of: \(subs.joined(separator: ", ")) (try busops \(word) SUB --help)")
            } else {
                Output.error("unknown command '\(word)'\n\n" + Commands.overview)
            }
            return 2
        }
        let rest = argv.enumerated().filter { !commandIndexes.contains($0.offset) }.map(\.element)
        do {
            let parsed = try ArgumentParser.parse(rest, spec: spec)
            if parsed.wantsHelp {
                Output.line(spec.path.isEmpty ? Commands.overview + "\n\n" + spec.helpText : spec.helpText)
                return Output.finish(0)
            }
            // `busops stats live.sqlite --db other.sqlite` must not quietly read other.sqlite.
            if !spec.path.isEmpty, !spec.takesPositionals, let stray = parsed.positionals.first {
                throw UsageError(message: "unexpected argument '\(stray)'")
            }
            guard let handler = handlers[spec.path.joined(separator: " ")] else {
                Output.error("\(spec.name) is not available in this build")
                return 1
            }
            return Output.finish(try handler(parsed))
        } catch let e as UsageError {
            Output.error(e.message + "\n" + "usage: \(spec.name) \(spec.usage) [options]  (see --help)")
            return 2
        } catch let e as CommandFailure {
            Output.error(e.message)
            return 1
        } catch {
            Output.error(String(describing: error))
            return 1
        }
    }
}
