import Foundation

/// A position in Litestream's log: the highest transaction id of an LTX file and the time Litestream
/// stamped in its header. Read from files only (Litestream 0.5's LTX format: "LTX1" magic, max TXID at
/// byte 24, milliseconds since 1970 at byte 32, big-endian), so `busops status` needs no running daemon.
public struct LTXPosition: Sendable, Equatable {
    public let txid: UInt64
    public let timestamp: Date?
    public let file: String

    /// The newest LTX file under `directory` (`ltx/LEVEL/MIN-MAX.ltx`, any level), nil when there is none.
    public static func newest(in directory: String) -> LTXPosition? {
        all(in: directory).max { $0.txid < $1.txid }
    }

    /// Every LTX file under `directory/ltx`, with its header read.
    public static func all(in directory: String) -> [LTXPosition] {
        let root = directory + "/ltx"
        guard let levels = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        var found: [LTXPosition] = []
        for level in levels {
            let dir = root + "/" + level
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix(".ltx") {
                let parts = name.dropLast(4).split(separator: "-")
                guard parts.count == 2, let max = UInt64(parts[1], radix: 16) else { continue }
                found.append(LTXPosition(txid: max, timestamp: headerTimestamp(dir + "/" + name), file: dir + "/" + name))
            }
        }
        return found
    }

    static func headerTimestamp(_ path: String) -> Date? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        guard let data = try? h.read(upToCount: 40), data.count == 40, data.prefix(4) == Data("LTX1".utf8) else { return nil }
        let ms = data[32..<40].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return ms == 0 ? nil : Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// Litestream's spelling of a transaction id: 16 hex digits.
    public static func hex(_ txid: UInt64) -> String { String(format: "%016llx", txid) }

    /// The follower's applied transaction (`litestream restore -f` writes it to `FOLLOWER-txid`) and when.
    public static func follower(_ followerPath: String) -> (txid: UInt64, at: Date)? {
        let file = LitestreamFiles.followerTXIDFile(followerPath: followerPath)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8),
              let txid = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16),
              let attrs = try? FileManager.default.attributesOfItem(atPath: file),
              let at = attrs[.modificationDate] as? Date else { return nil }
        return (txid, at)
    }
}

/// Replication health of a primary store, from Litestream's own files (docs/REPLICATION.md, "Health").
public struct ReplicationHealth: Sendable {
    /// The store's last write (its WAL's, else the file's, modification time).
    public let lastWrite: Date?
    /// Litestream's newest cut of the WAL beside the store (nil: Litestream never ran here).
    public let local: LTXPosition?
    /// The newest file on the replica, when its directory was given (a file replica).
    public let replica: LTXPosition?

    public init(storePath: String, replicaDirectory: String?) {
        let fm = FileManager.default
        let wal = (try? fm.attributesOfItem(atPath: storePath + "-wal"))?[.modificationDate] as? Date
        let main = (try? fm.attributesOfItem(atPath: storePath))?[.modificationDate] as? Date
        lastWrite = [wal, main].compactMap { $0 }.max()
        local = LTXPosition.newest(in: LitestreamFiles.metadataDirectory(storePath: storePath))
        replica = replicaDirectory.flatMap { LTXPosition.newest(in: $0) }
    }

    /// When the store was last replicated: the replica's newest transaction if known, else Litestream's local cut.
    public var lastReplicated: Date? { (replica ?? local)?.timestamp }

    /// How long the store's last write has waited for replication (0 when replication has caught up).
    public var lag: TimeInterval? {
        guard let lastReplicated else { return nil }
        guard let lastWrite else { return 0 }
        return max(0, lastWrite.timeIntervalSince(lastReplicated))
    }

    /// A warning, or nil when replication is current within `threshold` seconds.
    public func warning(threshold: TimeInterval) -> String? {
        guard local != nil || replica != nil else { return "not replicated: no Litestream state beside the store (see docs/REPLICATION.md)" }
        if let replica, let local, replica.txid < local.txid, let t = replica.timestamp,
           let lt = local.timestamp, lt.timeIntervalSince(t) > threshold {
            return "replica is behind: txid \(LTXPosition.hex(replica.txid)) < local \(LTXPosition.hex(local.txid)), \(Int(lt.timeIntervalSince(t))) s"
        }
        if let lag, lag > threshold { return "last write waited \(Int(lag)) s for replication (threshold \(Int(threshold)) s): is litestream replicate running?" }
        return nil
    }
}

