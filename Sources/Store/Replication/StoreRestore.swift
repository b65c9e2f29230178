import Foundation

/// `busops restore`: puts a backup (or a Litestream restore) in place of a store, never blindly. The copy is
/// checked first (integrity, schema version this busops understands); an existing store is replaced only when
/// asked (`force`) and is kept aside, with its WAL, under `PATH.replaced-TIMESTAMP`; the new file arrives by
/// one rename, so a reader sees the old store or the new one, never a half-written file (docs/REPLICATION.md).
public enum StoreRestore {
    public struct Outcome: Sendable, Equatable {
        public let check: StoreBackup.Check
        /// Where the replaced store now is (nil: there was none).
        public let keptAside: String?
    }

    public static func restore(from source: String, to path: String, force: Bool, now: Date = Date()) throws -> Outcome {
        let exists = FileManager.default.fileExists(atPath: path)
        if exists && !force {
            throw StoreError(.conflict, "a store already exists at \(path); nothing was changed (add --force to replace it; it is kept aside)")
        }
        let before = try StoreBackup.check(source)
        guard before.ok else { throw refusal(source, before) }
        // Copy through SQLite first: the source may be a live WAL store, and the result must be one file.
        let incoming = path + ".restoring-\(getpid())"
        try StoreBackup.copy(from: source, to: incoming)
        let after = try StoreBackup.check(incoming)
        guard after.ok else {
            StoreBackup.removeStore(at: incoming)
            throw refusal(incoming, after)
        }
        var keptAside: String?
        if exists {
            let aside = path + ".replaced-" + stamp(now)
            // The WAL holds committed transactions not yet in the main file: it moves with it.
            for suffix in ["-wal", ""] where FileManager.default.fileExists(atPath: path + suffix) {
                guard rename(path + suffix, aside + suffix) == 0 else {
                    let reason = String(cString: strerror(errno))
                    StoreBackup.removeStore(at: incoming)
                    throw StoreError(.invalid, "cannot move \(path + suffix) aside: \(reason); nothing was replaced")
                }
            }
            unlink(path + "-shm")
            keptAside = aside
        }
        guard rename(incoming, path) == 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.invalid, "cannot move the restored copy into \(path): \(reason) (the copy is at \(incoming))")
        }
        return Outcome(check: after, keptAside: keptAside)
    }

    static func refusal(_ path: String, _ check: StoreBackup.Check) -> StoreError {
        let kind: StoreError.Kind = check.schemaVersion > Migrator.latestVersion && check.integrity == "ok" ? .newerSchema : .invalid
        return StoreError(kind, "\(path): \(check.problem ?? "refused"); nothing was replaced")
    }

    /// A sortable UTC timestamp for file names: 20261201T142233Z.
    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return f.string(from: date)
    }
}
