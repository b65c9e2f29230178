import Foundation
import Store

/// `busops backup --db PATH --to FILE`: an online, consistent copy (docs/REPLICATION.md, "Backups without Litestream").
enum BackupCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        let path = try StorePaths.required(args)
        guard let to = args.value("to") else { throw UsageError(message: "--to FILE is required") }
        guard FileManager.default.fileExists(atPath: path) else { throw CommandFailure(message: "no store at \(path)") }
        try StorePaths.refuseDirectory(path, "nothing was written")
        if FileManager.default.fileExists(atPath: to) {
            throw CommandFailure(message: "\(to) already exists; nothing was written (name a new file)")
        }
        let started = Date()
        do {
            let pages = try StoreBackup.copy(from: path, to: to)
            let check = try StoreBackup.check(to)
            if let problem = check.problem {
                // A copy that could never be restored is not kept under a name that looks like a backup.
                StoreBackup.removeStore(at: to)
                throw CommandFailure(message: "cannot back up \(path): \(problem); nothing was written")
            }
            let ms = Int(Date().timeIntervalSince(started) * 1000)
            Output.line("backed up \(path) to \(to): \(pages) pages, schema \(check.schemaVersion), \(check.orders) orders, integrity ok, \(ms) ms")
            return 0
        } catch let e as StoreError { throw CommandFailure(message: e.message) }
    }
}
