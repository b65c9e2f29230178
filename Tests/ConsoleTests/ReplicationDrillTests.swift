import Foundation
import TestFixtures
import XCTest

/// Issue 14's restore drill (docs/REPLICATION.md, "The drill"): Litestream replicates a demo store to a file
/// replica while serve + simulate and an operator write to it; every process is killed with SIGKILL at a random
/// moment; the store restored from the replica passes integrity_check, holds every order, refund and outbox row
/// committed more than `promise` seconds before the kill, and dispatch sends each owed callback exactly once.
final class ReplicationDrillTests: XCTestCase {
    /// docs/REPLICATION.md, "What it promises": commits older than this at the failure are on the file replica.
    static let promise: TimeInterval = 5
    static let rounds = 3

    func testKillEverythingThenRestoreFromTheReplica() throws {
        let litestream = try LitestreamBinary.require()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("needs the sqlite3 CLI (.ci/run installs it)") }
        let started = Date()
        for round in 1...Self.rounds {
            try drill(round: round, litestream: litestream)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 150, "the drill stays bounded")
    }

    func drill(round: Int, litestream: String) throws {
        let temp = TemporaryStore(label: "busops-drill-\(round)")
        let dir = temp.dir
        let db = temp.path, replica = dir + "/replica"
        XCTAssertEqual(temp.busopsDemo(orders: 300, seed: round).status, 0)
        try """
        dbs:
          - path: \(db)
            replica:
              type: file
              path: \(replica)
              sync-interval: 1s
        """.write(toFile: dir + "/litestream.yml", atomically: true, encoding: .utf8)
        let ls = try ChildProcess([litestream, "replicate", "-config", dir + "/litestream.yml"], outputPath: dir + "/litestream.out")
        defer { ls.kill() }
        XCTAssertTrue(wait(10) { !LTXFiles.in(replica).isEmpty }, "litestream took its first snapshot:\n\(ls.output)")

        let secret = ["BUSOPS_QIMEN_SECRET": "drill-secret"]
        let serve = try temp.busopsServe(env: secret)
        defer { serve.stop() }
        let sim = try ChildProcess([TmuxSession.binary, "simulate", "--qimen", serve.url, "--rate", "40", "--duration", "60",
                                    "--seed", "\(round * 11)"], env: secret, outputPath: dir + "/simulate.out")
        defer { sim.kill() }

        // Load for a random while; an operator approves pending refunds; the primary is sampled twice a second.
        let killAfter = Double.random(in: 6...11)
        var samples: [(at: Date, rows: Set<String>)] = []
        var approved = 0
        let loadStart = Date()
        while Date().timeIntervalSince(loadStart) < killAfter {
            let t = Date()
            samples.append((t, Self.rows(db)))
            if let refund = Self.pendingRefund(db),
               TmuxSession.busops(["refund", "approve", refund, "--db", db, "--yes"], env: ["BUSOPS_OPERATOR": "drill"]).status == 0 {
                approved += 1
            }
            usleep(UInt32(max(0, 0.5 - Date().timeIntervalSince(t)) * 1_000_000))
        }
        // The failure: every writer and Litestream at once.
        let killedAt = Date()
        for pid in [serve.pid, sim.pid, ls.pid] { kill(pid, SIGKILL) }
        serve.stop(); sim.kill(); ls.kill()
        XCTAssertTrue(serve.output.contains("WAL checkpoints by litestream"), "serve leaves checkpoints to Litestream:\n\(serve.output.prefix(600))")

        let restored = dir + "/restored.sqlite"
        let r = TmuxSession.run([litestream, "restore", "-o", restored, "file://" + replica])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(TmuxSession.run(["/usr/bin/sqlite3", restored, "PRAGMA integrity_check"]).output.trimmingCharacters(in: .whitespacesAndNewlines), "ok")
        let have = Self.rows(restored)
        let owed = samples.last { killedAt.timeIntervalSince($0.at) > Self.promise }
        let due = try XCTUnwrap(owed, "a sample older than the promise").rows
        let missing = due.subtracting(have)
        XCTAssertTrue(missing.isEmpty, "round \(round): rows committed > \(Self.promise) s before the kill are restored; missing \(missing.sorted().prefix(10))")
        XCTAssertGreaterThan(due.filter { $0.hasPrefix("x") }.count, 0, "the drill had callbacks owed")

        // Every owed callback goes out once from the restored store, and a second pass sends nothing again.
        let gateway = try FakeTopProcess(dir: dir)
        defer { gateway.stop() }
        let pending = Int(TmuxSession.run(["/usr/bin/sqlite3", restored, "SELECT count(*) FROM outbox WHERE state IN ('pending','sending')"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
        let first = TmuxSession.busops(["dispatch", "--db", restored, "--once"], env: gateway.env)
        XCTAssertEqual(first.status, 0, first.output)
        let second = TmuxSession.busops(["dispatch", "--db", restored, "--once"], env: gateway.env)
        XCTAssertEqual(second.status, 0, second.output)
        let keys = gateway.calls().compactMap { $0["idempotency_key"] as? String }
        XCTAssertEqual(keys.count, Set(keys).count, "no callback reached the gateway twice")
        XCTAssertEqual(keys.count, pending, "each owed callback was sent: \(first.output) / \(second.output)")
        print("drill round \(round): killed after \(String(format: "%.1f", killAfter)) s, \(approved) refunds approved, "
              + "\(due.count) rows owed, \(have.count) restored, \(pending) callbacks sent once")
    }

    /// Orders, refunds and outbox rows as "o…", "r…", "x…" (read-only: the sqlite3 CLI must not checkpoint).
    static func rows(_ db: String) -> Set<String> {
        let out = TmuxSession.run(["/usr/bin/sqlite3", "-readonly", db,
            "SELECT 'o' || id FROM orders UNION ALL SELECT 'r' || id FROM refunds UNION ALL SELECT 'x' || idempotency_key FROM outbox"]).output
        return Set(out.split(separator: "\n").map(String.init).filter { !$0.contains(" ") })
    }

    static func pendingRefund(_ db: String) -> String? {
        let out = TmuxSession.busops(["list", "refunds", "--db", db, "--status", "pending", "--limit", "1", "--json"]).output
        guard let line = out.split(separator: "\n").first,
              let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return (o["refund_id"] ?? o["id"]).map { "\($0)" }
    }

    func wait(_ seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { if condition() { return true }; usleep(100_000) }
        return condition()
    }
}

enum LTXFiles {
    static func `in`(_ dir: String) -> [String] {
        (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".ltx") }
    }
}
