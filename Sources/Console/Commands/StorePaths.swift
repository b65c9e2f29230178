import Foundation
import Store

/// Where the store lives when no --db is given (SPEC §7).
enum StorePaths {
    static func defaultPath(env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = env["BUSOPS_DB"], !p.isEmpty { return p }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return data + "/busops/busops.sqlite"
    }

    /// The store a command names with --db; commands other than the console require one explicitly
    /// or through $BUSOPS_DB so scripts never touch the operator's default store by accident.
    static func required(_ args: ParsedArguments, env: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let p = args.value("db") { return p }
        if let p = env["BUSOPS_DB"], !p.isEmpty { return p }
        throw UsageError(message: "--db PATH is required (or set BUSOPS_DB)")
    }

    /// Refuses a directory where a store file is named (`--db`, `--from`): SQLite would answer "disk I/O error",
    /// and restore would move the directory aside. `outcome` says what was left alone.
    static func refuseDirectory(_ path: String, _ outcome: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(message: "\(path) is a directory, not a busops store; \(outcome)")
        }
    }

    /// Opens an existing store for a command; a missing file is an error, not a new empty store.
    static func open(_ path: String, readOnly: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(message: "no store at \(path) (create one with: busops demo --db \(path))")
        }
        do { return try Store(path: path, readOnly: readOnly, create: false) }
        catch let e as StoreError where readOnly && e.kind == .invalid && Store.isWritable(path: path) {
            // A store from an older busops: bring it up to date once (a writable open migrates), then read.
            do {
                _ = try Store(path: path, readOnly: false, create: false)
                return try Store(path: path, readOnly: true, create: false)
            } catch let e as StoreError { throw CommandFailure(message: e.message) }
        }
        catch let e as StoreError { throw CommandFailure(message: e.message) }
    }
}
