import Foundation
import TestFixtures
import XCTest

/// A replica console (docs/REPLICATION.md, "Replica consoles"): a follower kept by `litestream restore -f`,
/// opened with --replica, shows an order committed on the primary within 3 s and refuses actions, saying it
/// is a replica, how far behind, and where to act.
final class ReplicaConsoleTmuxTests: XCTestCase {
    func testReplicaConsoleFollowsThePrimaryAndRefusesActions() throws {
        try TmuxSession.requireTmux()
        let litestream = try LitestreamBinary.require()
        let temp = TemporaryStore(label: "busops-replica")
        let dir = temp.dir
        let db = temp.path, replica = dir + "/replica", follower = dir + "/follower.sqlite"
        XCTAssertEqual(temp.busopsDemo(orders: 200, seed: 3).status, 0)
        try "dbs:\n  - path: \(db)\n    replica:\n      type: file\n      path: \(replica)\n      sync-interval: 200ms\n"
            .write(toFile: dir + "/litestream.yml", atomically: true, encoding: .utf8)
        let ls = try ChildProcess([litestream, "replicate", "-config", dir + "/litestream.yml"], outputPath: dir + "/ls.out")
        defer { ls.kill(SIGTERM) }
        XCTAssertTrue(wait(10) { !LTXFiles.in(replica).isEmpty }, ls.output)
        let follow = try ChildProcess([litestream, "restore", "-f", "-follow-interval", "200ms", "-o", follower, "file://" + replica],
                                      outputPath: dir + "/follow.out")
        defer { follow.kill(SIGTERM) }
        XCTAssertTrue(wait(10) { FileManager.default.fileExists(atPath: follower + "-txid") }, follow.output)

        let console = try TmuxSession(width: 160, command: "\(TmuxSession.binary) --db \(follower) --replica --primary 'ssh ops@primary, busops --db \(db)'")
        XCTAssertTrue(console.waitFor("REPLICA").ok, console.screen())
        XCTAssertTrue(console.waitFor("BO0000000200").ok, "the demo's newest order:\n\(console.screen())")

        let tick = TmuxSession.busops(["demo", "--db", db, "--tick", "1"])
        XCTAssertEqual(tick.status, 0, tick.output)
        let newId = try XCTUnwrap(tick.output.split(whereSeparator: { $0 == "\n" || $0 == " " }).first { $0.hasPrefix("BO") }.map(String.init), tick.output)
        let committed = Date()
        let seen = console.waitFor(newId, timeout: 3)
        XCTAssertTrue(seen.ok, "committed on the primary, on the replica within 3 s:\n\(seen.screen)")
        print("replica console showed \(newId) \(String(format: "%.2f", Date().timeIntervalSince(committed))) s after the commit")

        console.send("P")
        let refused = console.waitFor("act on the primary")
        XCTAssertTrue(refused.ok, refused.screen)
        XCTAssertTrue(refused.screen.contains("replica ("), refused.screen)
        XCTAssertTrue(refused.screen.contains("ssh ops@primary"), refused.screen)
        XCTAssertEqual(TmuxSession.run(["/usr/bin/sqlite3", "-readonly", follower, "SELECT value FROM meta WHERE key = 'sending_paused'"]).output
            .trimmingCharacters(in: .whitespacesAndNewlines), "", "nothing was written")
        console.send("q")
        XCTAssertEqual(console.exitStatus(), 0)
    }

    func wait(_ seconds: TimeInterval, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline { if condition() { return true }; usleep(100_000) }
        return condition()
    }
}
