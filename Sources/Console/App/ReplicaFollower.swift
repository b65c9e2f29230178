import Foundation
import Store

/// The replica console's link to a follower kept by `litestream restore -f` (docs/REPLICATION.md, "Replica
/// consoles"): copies each update into a private mirror the console reads, and says how far behind it is.
final class ReplicaFollower {
    let followerPath: String
    /// A file replica's directory (`--replica-dir`): with it the lag is measured against the replica's newest
    /// transaction; without it the console can only say how long ago the follower last changed.
    let sourceDirectory: String?
    let mirror: StoreMirror
    private(set) var appliedTXID: UInt64?
    private var appliedAt: Date?
    private var lastFollowerStamp: Date?

    init(followerPath: String, sourceDirectory: String?) throws {
        self.followerPath = followerPath
        self.sourceDirectory = sourceDirectory
        let dir = ProcessInfo.processInfo.environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        mirror = try StoreMirror(path: (dir as NSString).appendingPathComponent("busops-replica-\(getpid()).sqlite"))
        try refresh(force: true)
    }

    /// Copies the follower when Litestream applied something new (its `-txid` file changed). Cheap otherwise.
    @discardableResult
    func refresh(force: Bool = false) throws -> Bool {
        let applied = LTXPosition.follower(followerPath)
        let stamp = applied?.at ?? ((try? FileManager.default.attributesOfItem(atPath: followerPath))?[.modificationDate] as? Date)
        guard force || applied?.txid != appliedTXID || stamp != lastFollowerStamp else { return false }
        try mirror.refresh(from: followerPath)
        appliedTXID = applied?.txid
        appliedAt = applied?.at
        lastFollowerStamp = stamp
        return true
    }

    /// "2 s behind" (a replica source is known) or "updated 5 s ago" (only the follower is).
    func lagText(now: Date = Date()) -> String {
        if let sourceDirectory, let applied = appliedTXID {
            let newer = LTXPosition.all(in: sourceDirectory).filter { $0.txid > applied }
            guard let oldest = newer.compactMap(\.timestamp).min() else { return "0 s behind" }
            return "\(Int(now.timeIntervalSince(oldest).rounded())) s behind"
        }
        guard let at = appliedAt ?? lastFollowerStamp else { return "position unknown" }
        return "updated \(Int(max(0, now.timeIntervalSince(at)).rounded())) s ago"
    }

    /// A follower is a file `litestream restore -f` keeps: it writes the applied txid beside it.
    static func looksLikeFollower(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: LitestreamFiles.followerTXIDFile(followerPath: path))
    }
}
