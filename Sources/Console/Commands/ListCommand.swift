import Foundation
import Store
import Views

/// `busops list KIND`: rows for scripts, newest first; `--json` prints one object a line, `--csv` a CSV file.
enum ListCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        guard let word = args.positionals.first else {
            throw UsageError(message: "list what? one of \(ListingKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard args.positionals.count == 1 else { throw UsageError(message: "unexpected argument '\(args.positionals[1])'") }
        guard let kind = ListingKind(rawValue: word) else {
            throw UsageError(message: "cannot list '\(word)'; one of \(ListingKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let limit = try args.int("limit", range: 0...10_000_000) ?? 50
        let store = try StorePaths.open(try StorePaths.required(args), readOnly: true)
        let table: ListingTable
        do { table = try store.listing(kind, status: args.value("status"), limit: limit) }
        catch let e as StoreError where e.kind == .invalid { throw UsageError(message: e.message) }
        if args.has("json") && args.has("csv") { throw UsageError(message: "--json and --csv: pick one") }
        if args.has("csv") {
            FileHandle.standardOutput.write(csv(table).data(using: .utf8)!)
        } else if args.has("json") {
            for row in table.rows {
                let fields = zip(table.columns, row).map { "\(JSONText.quote($0)):\(json($1))" }
                Output.line("{" + fields.joined(separator: ",") + "}")
            }
        } else {
            Output.line(table.columns.joined(separator: "\t"))
            for row in table.rows { Output.line(row.map(text).joined(separator: "\t")) }
        }
        return 0
    }

    /// CSV (issue 13 exports, `CSVText`): numbers stay numbers, text is quoted and defused, NULL is an empty cell.
    static func csv(_ table: ListingTable) -> String {
        var out = CSVText.row(table.columns.map { .text($0) })
        for row in table.rows { out += CSVText.row(row.map(csvCell)) }
        return out
    }

    static func csvCell(_ v: SQLValue) -> CSVText.Cell {
        switch v {
        case .int(let n): return .number(String(n))
        case .real(let d): return .text(String(d))
        case .text(let s): return .text(s)
        case .null: return .empty
        }
    }

    static func json(_ v: SQLValue) -> String {
        switch v {
        case .int(let n): return String(n)
        case .real(let d): return String(d)
        case .text(let s): return JSONText.quote(s)
        case .null: return "null"
        }
    }

    /// Tab-separated text for a terminal: tabs and newlines would break the columns, and ESC, C1 or a bidi override in
    /// a name would reach the terminal as itself, so every such character is a visible escape (`\t`, `\e`, `\u202E`).
    static func text(_ v: SQLValue) -> String {
        switch v {
        case .int(let n): return String(n)
        case .real(let d): return String(d)
        case .text(let s): return TerminalText.sanitize(s)
        case .null: return "-"
        }
    }
}
