import Foundation
import Store

/// `busops report day [DATE]`: the daily settlement (issue 13) as text, one JSON object (`--json`) or CSV (`--csv`).
/// Money is fen inside; yuan text only here, on output.
enum ReportCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        guard args.positionals.count <= 1 else { throw UsageError(message: "unexpected argument '\(args.positionals[1])'") }
        if args.has("json") && args.has("csv") { throw UsageError(message: "--json and --csv: pick one") }
        let day = args.positionals.first ?? ChinaTime.date(ChinaTime.now())
        guard ChinaTime.parseDate(day) != nil else { throw UsageError(message: "'\(day)' is not a date (yyyy-MM-dd)") }
        let store = try StorePaths.open(try StorePaths.required(args), readOnly: true)
        let report = try store.dayReport(day: day)
        if args.has("json") {
            Output.line(ReportFormats.json(report))
        } else if args.has("csv") {
            // The settlement table only (finance's file); the reconciliation lists are for people: said on stderr.
            FileHandle.standardOutput.write(ReportFormats.csv(report).data(using: .utf8)!)
            if !report.unacknowledged.isEmpty || !report.mismatches.isEmpty {
                Output.error("reconciliation: \(report.unacknowledged.count) callbacks unacknowledged, \(report.mismatches.count) orders disagree with their tickets (see the text or --json report)")
            }
        } else {
            for l in ReportFormats.text(report) { Output.line(l) }
        }
        return 0
    }
}
