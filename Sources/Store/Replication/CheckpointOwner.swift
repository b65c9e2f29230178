import Foundation

/// Who checkpoints the store's WAL: busops (serve's `WALCheckpointer`, SQLite's automatic checkpoints) or
/// Litestream. Litestream copies every WAL frame to its replicas before it checkpoints, and holds a read
/// transaction so nobody restarts the WAL under it; a checkpoint by busops that restarts the WAL between
/// Litestream's syncs makes it start a new snapshot (docs/REPLICATION.md, "Checkpoints"). So when
/// Litestream replicates a store, busops leaves checkpoints to it.
///
/// `BUSOPS_WAL_CHECKPOINT`: `busops`, `litestream`, or `auto` (the default): Litestream's when its metadata
/// directory (`.NAME-litestream`, created by `litestream replicate`) sits beside the store.
public enum CheckpointOwner: String, Sendable, Equatable {
    case busops, litestream

    public static func resolve(storePath: String,
                               env: [String: String] = ProcessInfo.processInfo.environment) throws -> CheckpointOwner {
        let setting = (env["BUSOPS_WAL_CHECKPOINT"] ?? "").lowercased()
        switch setting {
        case "busops": return .busops
        case "litestream": return .litestream
        case "", "auto":
            var isDir: ObjCBool = false
            let found = FileManager.default.fileExists(atPath: LitestreamFiles.metadataDirectory(storePath: storePath), isDirectory: &isDir)
            return found && isDir.boolValue ? .litestream : .busops
        default:
            throw StoreError(.invalid, "BUSOPS_WAL_CHECKPOINT must be auto, busops or litestream, not '\(setting)'")
        }
    }
}

/// Where Litestream 0.5 keeps its state beside a store and a follower (checked against litestream 0.5.17).
public enum LitestreamFiles {
    /// `litestream replicate` keeps the LTX files it has cut from the WAL here (`ltx/0/MIN-MAX.ltx`).
    public static func metadataDirectory(storePath: String) -> String {
        let url = URL(fileURLWithPath: storePath)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + "-litestream").path
    }

    /// `litestream restore -f` writes the transaction id it has applied to the follower here (hex, one line).
    public static func followerTXIDFile(followerPath: String) -> String { followerPath + "-txid" }
}
