/// Our own small argument parser: a subcommand, positionals and `--options` in any order.
/// Options may come before or after positionals; `--name=value` and `--name value` both work; `--` ends options.
struct OptionSpec: Sendable {
    let name: String
    let value: String?      // placeholder for the value; nil for a flag
    let help: String
    /// May be given more than once (`--header`); any other value option given twice is a usage error.
    let repeatable: Bool
    init(_ name: String, _ value: String? = nil, _ help: String, repeatable: Bool = false) {
        self.name = name; self.value = value; self.help = help; self.repeatable = repeatable
    }
}

struct CommandSpec: Sendable {
    let path: [String]          // e.g. ["refund", "approve"]
    let usage: String           // positional part of the synopsis
    let summary: String
    let options: [OptionSpec]
    var name: String { (["busops"] + path).joined(separator: " ") }
    /// Whether the synopsis names a positional (`ORDER`, `orders|tickets|…`, `[DATE]`): one that starts with options
    /// takes none, and a stray word there is a mistake to report, not to ignore.
    var takesPositionals: Bool {
        guard let first = usage.split(separator: " ").first else { return false }
        return !first.hasPrefix("-") && !first.hasPrefix("[-")
    }

    var helpText: String {
        var lines = ["usage: \(name)\(usage.isEmpty ? "" : " " + usage)\(options.isEmpty ? "" : " [options]")", "", summary]
        if !options.isEmpty {
            lines.append("")
            lines.append("options:")
            let width = options.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
            for o in options {
                let left = "--\(o.name)" + (o.value.map { " " + $0 } ?? "")
                lines.append("  " + left + String(repeating: " ", count: max(1, width + 4 - left.count + 2)) + o.help)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// A usage mistake: printed with the command's synopsis, exit status 2.
struct UsageError: Error { let message: String }

/// A command that was refused or failed (an action refused, serve unable to start, a store that cannot be opened):
/// one line on stderr, exit status 1.
struct CommandFailure: Error { let message: String }

struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: String] = [:]
    var multi: [String: [String]] = [:]
    var flags: Set<String> = []
    var wantsHelp = false

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let v = values[name] else { return nil }
        guard let n = Int(v), range.map({ $0.contains(n) }) ?? true else {
            let bounds = range.map { " between \($0.lowerBound) and \($0.upperBound)" } ?? ""
            throw UsageError(message: "--\(name) expects a whole number\(bounds), got '\(v)'")
        }
        return n
    }
}

enum ArgumentParser {
    /// Parses `args` (without the subcommand words) against `spec`.
    static func parse(_ args: [String], spec: CommandSpec) throws -> ParsedArguments {
        var out = ParsedArguments()
        var i = 0
        var onlyPositionals = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositionals || !a.hasPrefix("--") || a == "-" {
                if !onlyPositionals && a.hasPrefix("-") && a.count > 1 && a != "-" {
                    if a == "-h" { out.wantsHelp = true; continue }
                    throw UsageError(message: "unknown option '\(a)'")
                }
                out.positionals.append(a)
                continue
            }
            if a == "--" { onlyPositionals = true; continue }
            var name = String(a.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if name == "help" { out.wantsHelp = true; continue }
            guard let opt = spec.options.first(where: { $0.name == name }) else {
                throw UsageError(message: "unknown option '--\(name)' for \(spec.name)")
            }
            if opt.value == nil {
                if inline != nil { throw UsageError(message: "--\(name) takes no value") }
                out.flags.insert(name)
            } else {
                let v: String
                if let inline { v = inline } else {
                    guard i < args.count else { throw UsageError(message: "--\(name) needs a value (\(opt.value!))") }
                    v = args[i]; i += 1
                    // `--reason --yes` would take --yes as the reason and quietly turn the action into a dry run.
                    if v.hasPrefix("--"), v == "--help" || spec.options.contains(where: { v == "--" + $0.name || v.hasPrefix("--" + $0.name + "=") }) {
                        throw UsageError(message: "--\(name) needs a value (\(opt.value!)), got the option '\(v)'")
                    }
                }
                // The last of two --amount values must not win silently: an action would do what was not meant.
                if !opt.repeatable, let first = out.values[name], first != v {
                    throw UsageError(message: "--\(name) is given twice ('\(first)' and '\(v)'); give it once")
                }
                out.values[name] = v
                out.multi[name, default: []].append(v)
            }
        }
        return out
    }
}
