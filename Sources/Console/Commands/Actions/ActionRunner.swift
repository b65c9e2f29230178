import Foundation
import Operations
import StandardStreams
import Store

/// Runs one operator action from the command line: preview, print it, and only with --yes execute it bound to
/// the previewed version. Refusals become the console's one-line ActionError (exit 1).
enum ActionRunner {
    static func run(_ args: ParsedArguments, _ action: OperatorAction) throws -> Int32 {
        let path = try StorePaths.required(args)
        let store = try StorePaths.open(path)
        let actor = Actor(operatorName: OperatorIdentity.name(), source: OperatorIdentity.source())
        let ops = Operations(store: store, actor: actor, now: { ChinaTime.now() })
        do {
            let preview = try ops.preview(action)
            print(preview)
            guard args.has("yes") else {
                Output.line("dry run: nothing was changed; add --yes to do it")
                return 0
            }
            // Nothing half done (docs/HARDENING.md): a preview that never reached its reader
            // does not turn into a change.
            guard Output.outputIntact else {
                throw ActionError(message: "cannot write to standard output (\(StandardStream.output.failure ?? "unknown error")): nothing was changed")
            }
            let result = try ops.execute(action, confirming: preview, progress: progressPrinter())
            Output.line("done: " + result.summary)
            if !Output.outputIntact {
                throw ActionError(message: "done: \(result.summary); but standard output failed (\(StandardStream.output.failure ?? "unknown error"))")
            }
            return 0
        } catch let e as OperationError {
            throw ActionError(message: e.message)
        }
    }

    static func print(_ p: ActionPreview) {
        Output.line(p.title)
        for l in p.lines { Output.line("  " + l) }
        let shown = p.params.prefix(3)
        for body in shown { Output.line("  params: " + body) }
        if p.params.count > shown.count { Output.line("  ... and \(p.params.count - shown.count) more callbacks") }
    }

    /// Long actions (stopping a full schedule) report progress on stderr about every tenth of the way.
    static func progressPrinter() -> (Int, Int) -> Void {
        var last = 0
        return { done, total in
            guard total >= 20 else { return }
            let tenth = done * 10 / total
            if tenth > last || done == total {
                last = tenth
                Output.note("  \(done)/\(total) orders\n")
            }
        }
    }

    /// The single positional id a command acts on.
    static func id(_ args: ParsedArguments, _ what: String) throws -> String {
        guard let first = args.positionals.first else { throw UsageError(message: "which \(what)? give its id") }
        guard args.positionals.count == 1 else { throw UsageError(message: "unexpected argument '\(args.positionals[1])'") }
        return first
    }

    static func required(_ args: ParsedArguments, _ name: String) throws -> String {
        guard let v = args.value(name) else { throw UsageError(message: "--\(name) is required") }
        return v
    }

    static func requiredInt(_ args: ParsedArguments, _ name: String) throws -> Int {
        guard let v = try args.int(name) else { throw UsageError(message: "--\(name) is required") }
        return v
    }
}
