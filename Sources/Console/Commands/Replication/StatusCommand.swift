import Foundation
import Store

/// `busops status --db PATH`: the store and how far its replication is behind (docs/REPLICATION.md, "Health").
enum StatusCommand {
    static func run(_ args: ParsedArguments) throws -> Int32 {
        let path = try StorePaths.required(args)
        let maxLag = Double(try args.int("max-lag", range: 1...86_400) ?? 10)
        let replicaDir = args.value("replica-dir").map { $0.hasPrefix("file://") ? String($0.dropFirst(7)) : $0 }
        let check: StoreBackup.Check
        do {
            _ = try StorePaths.open(path, readOnly: true)
            check = try StoreBackup.quickCheck(path)
        } catch let e as StoreError { throw CommandFailure(message: e.message) }
        let owner = (try? CheckpointOwner.resolve(storePath: path)).map(\.rawValue) ?? "invalid BUSOPS_WAL_CHECKPOINT"
        let health = ReplicationHealth(storePath: path, replicaDirectory: replicaDir)
        let warning = health.warning(threshold: maxLag)
        let size = { (p: String) in ((try? FileManager.default.attributesOfItem(atPath: p))?[.size] as? Int) ?? 0 }
        func ago(_ d: Date?) -> String { d.map { "\(Int(max(0, Date().timeIntervalSince($0)))) s ago" } ?? "never" }
        func pos(_ p: LTXPosition?) -> String { p.map { "txid \(LTXPosition.hex($0.txid)), \(ago($0.timestamp))" } ?? "none" }
        if args.has("json") {
            var o: [String: Any] = ["store": path, "schema": check.schemaVersion, "integrity": check.integrity,
                                    "bytes": size(path), "wal_bytes": size(path + "-wal"), "checkpoints": owner,
                                    "last_write_age_s": health.lastWrite.map { Int(Date().timeIntervalSince($0)) } as Any,
                                    "litestream_txid": health.local.map { LTXPosition.hex($0.txid) } as Any,
                                    "replica_txid": health.replica.map { LTXPosition.hex($0.txid) } as Any,
                                    "last_replicated_age_s": health.lastReplicated.map { Int(Date().timeIntervalSince($0)) } as Any,
                                    "lag_s": health.lag as Any, "warning": warning as Any]
            o = o.mapValues { v in (v as Any?).flatMap { $0 } ?? NSNull() }
            let data = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
            Output.line(String(decoding: data, as: UTF8.self))
        } else {
            Output.line("store       \(path): schema \(check.schemaVersion), \(size(path)) bytes, WAL \(size(path + "-wal")) bytes, quick_check \(check.integrity)")
            Output.line("checkpoints by \(owner) (BUSOPS_WAL_CHECKPOINT)")
            Output.line("last write  \(ago(health.lastWrite))")
            Output.line("litestream  \(pos(health.local))  (its newest cut of the WAL beside the store)")
            if replicaDir != nil { Output.line("replica     \(pos(health.replica))") }
            Output.line("replicated  " + (health.lastReplicated.map { _ in ago(health.lastReplicated) + (health.lag.map { ", lag \(String(format: "%.1f", $0)) s" } ?? "") } ?? "never"))
        }
        if let warning { Output.error("warning: \(warning)"); return 1 }
        return 0
    }
}
