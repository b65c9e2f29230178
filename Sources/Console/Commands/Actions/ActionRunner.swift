import Foundation
import Operations
import StandardStreams
import Store
import Views

/// Runs one operator action from the command line: build its request from the flags its unit declares, preview,
/// print it, and only with --yes execute it bound to the preview. Refusals become one-line CommandFailures (exit 1);
/// an argument of the wrong shape (`OperationError.malformed`: `sending bogus`, `--reason-code 5`) is a usage error (exit 2).
enum ActionRunner {
    static func run(_ args: ParsedArguments, _ unit: ActionUnit) throws -> Int32 {
        let request = try self.request(args, unit)
        let path = try StorePaths.required(args)
        let store = try StorePaths.open(path)
        let actor = Actor(operatorName: OperatorIdentity.name(), source: OperatorIdentity.source())
        let ops = Operations(store: store, actor: actor, now: { ChinaTime.now() })
        do {
            let preview = try ops.preview(request)
            print(preview)
            guard args.has("yes") else {
                Output.line("dry run: nothing was changed; add --yes to do it")
                return 0
            }
            // Nothing half done (docs/HARDENING.md): a preview that never reached its reader
            // does not turn into a change.
            guard Output.outputIntact else {
                throw CommandFailure(message: "cannot write to standard output (\(StandardStream.output.failure ?? "unknown error")): nothing was changed")
            }
            let result = try ops.execute(request, confirming: preview, progress: progressPrinter())
            Output.line("done: " + TerminalText.sanitize(result.summary))
            if !Output.outputIntact {
                throw CommandFailure(message: "done: \(result.summary); but standard output failed (\(StandardStream.output.failure ?? "unknown error"))")
            }
            return 0
        } catch OperationError.malformed(let m) {
            throw UsageError(message: m)
        } catch let e as OperationError {
            throw CommandFailure(message: e.message)
        }
    }

    /// The positional names the row; each field comes from its flag. Money is given in fen here (README).
    static func request(_ args: ParsedArguments, _ unit: ActionUnit) throws -> ActionRequest {
        guard let subject = args.positionals.first else {
            throw UsageError(message: "which \(unit.subject.rawValue.lowercased())? give it as the first argument")
        }
        guard args.positionals.count == 1 else { throw UsageError(message: "unexpected argument '\(args.positionals[1])'") }
        var values: [String: String] = [:]
        for field in unit.fields {
            guard let v = args.value(field.name) else {
                if field.required { throw UsageError(message: "--\(field.name) is required") }
                continue
            }
            if field.kind != .text, Int(v.trimmingCharacters(in: .whitespaces)) == nil {
                throw UsageError(message: "--\(field.name) expects a whole number\(field.kind == .money ? " of fen" : ""), got '\(v)'")
            }
            values[field.name] = v
        }
        return ActionRequest(unit: unit.id, subject: subject, values: values)
    }

    /// Names and reasons in a preview come from Fliggy or another operator: every line passes TerminalText.sanitize,
    /// so an ESC or C1 in a passenger's name is shown (`\e`), not obeyed by the terminal. The ticket password is
    /// masked, in the lines and in the params: the command names the order, which reveals its personal data, but a
    /// credential typed on the command line has no reason to be echoed into a terminal's scrollback or a log.
    static func print(_ p: ActionPreview) {
        let secrets = Redaction(secrets: p.personal.secrets)
        Output.line(TerminalText.sanitize(p.title))
        for l in p.lines { Output.line("  " + TerminalText.sanitize(secrets.apply(l))) }
        let shown = p.params.prefix(3)
        for body in shown { Output.line("  params: " + TerminalText.sanitize(maskingSecrets(body))) }
        if p.params.count > shown.count { Output.line("  ... and \(p.params.count - shown.count) more callbacks") }
    }

    /// A business JSON body with its credentials masked (`fetch_tickets_pwd`); the rest as it will be signed.
    static func maskingSecrets(_ body: String) -> String {
        guard let json = try? JSON.parse(body) else { return body }
        let masked = PersonalFields.maskSecrets(json)
        return masked == json ? body : masked.compactText
    }

    /// Long actions (stopping a full schedule) report progress on stderr about every tenth of the way.
    static func progressPrinter() -> (Int, Int) -> Void {
        var last = 0
        return { done, total in
            guard total >= 20 else { return }
            let tenth = done * 10 / total
            if tenth > last || done == total {
                last = tenth
                Output.error("  \(done)/\(total) orders")
            }
        }
    }
}
