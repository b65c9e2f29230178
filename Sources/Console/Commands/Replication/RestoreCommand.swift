import Foundation
import Store

/// `busops restore --from FILE --db PATH [--force]`: checked, atomic, and the replaced store kept aside
/// (docs/REPLICATION.md, "Restore").
enum RestoreCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        let path = try StorePaths.required(args)
        guard let from = args.value("from") else { throw UsageError(message: "--from FILE is required") }
        guard (from as NSString).standardizingPath != (path as NSString).standardizingPath else {
            throw UsageError(message: "--from and --db name the same file")
        }
        try StorePaths.refuseDirectory(from, "nothing was replaced")
        try StorePaths.refuseDirectory(path, "nothing was replaced (name the store file, not its directory)")
        do {
            let outcome = try StoreRestore.restore(from: from, to: path, force: args.has("force"))
            Output.line("restored \(path) from \(from): schema \(outcome.check.schemaVersion), \(outcome.check.orders) orders, integrity ok")
            if let aside = outcome.keptAside { Output.line("the replaced store is kept at \(aside)") }
            if FileManager.default.fileExists(atPath: LitestreamFiles.metadataDirectory(storePath: path)) {
                Output.error("note: Litestream state for the old store is at \(LitestreamFiles.metadataDirectory(storePath: path)); "
                    + "see docs/REPLICATION.md before starting litestream replicate again")
            }
            return 0
        } catch let e as StoreError { throw CommandFailure(message: e.message) }
    }
}
