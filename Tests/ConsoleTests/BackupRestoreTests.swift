import Foundation
import TestFixtures
import XCTest

/// `busops backup` and `busops restore` (docs/REPLICATION.md, "Backups without Litestream"): a consistent copy
/// while serve writes, a refused overwrite, a corrupt copy refused, the replaced store kept aside.
final class BackupRestoreTests: XCTestCase {
    /// TestFixtures' temp store: the store at `temp.path`, copies and logs next to it in `dir`.
    var temp: TemporaryStore!
    var dir: String { temp.dir }
    override func setUpWithError() throws {
        temp = TemporaryStore(label: "busops-backup")
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("no busops binary; swift build first") }
    }
    override func tearDown() { temp = nil }

    func sql(_ db: String, _ q: String) -> String {
        TmuxSession.run(["/usr/bin/sqlite3", "-readonly", db, q]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testBackupWhileServeWritesIsConsistentAndRestoreKeepsTheReplacedStore() throws {
        let db = temp.path, copy = dir + "/copy.sqlite"
        XCTAssertEqual(temp.busopsDemo(orders: 300).status, 0)
        let secret = ["BUSOPS_QIMEN_SECRET": "backup-secret"]
        let serve = try temp.busopsServe(env: secret)
        defer { serve.stop() }
        let sim = try ChildProcess([TmuxSession.binary, "simulate", "--qimen", serve.url, "--rate", "40", "--duration", "20"],
                                   env: secret, outputPath: dir + "/sim.out")
        defer { sim.kill() }
        usleep(1_500_000)
        let b = TmuxSession.busops(["backup", "--db", db, "--to", copy])
        XCTAssertEqual(b.status, 0, b.output)
        XCTAssertTrue(b.output.contains("integrity ok"), b.output)
        XCTAssertEqual(sql(copy, "PRAGMA integrity_check"), "ok")
        XCTAssertEqual(TmuxSession.busops(["backup", "--db", db, "--to", copy]).status, 1, "an existing file is never overwritten")
        sim.kill(SIGTERM); serve.stop()
        let orders = sql(copy, "SELECT count(*) FROM orders")

        // Over an existing store: refused without --force, nothing changed.
        let before = sql(db, "SELECT count(*) FROM orders")
        let refused = TmuxSession.busops(["restore", "--from", copy, "--db", db])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.output.contains("--force"), refused.output)
        XCTAssertEqual(sql(db, "SELECT count(*) FROM orders"), before)

        let r = TmuxSession.busops(["restore", "--from", copy, "--db", db, "--force"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(sql(db, "SELECT count(*) FROM orders"), orders, "the store is the copy")
        let aside = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix("store.sqlite.replaced-") && !$0.hasSuffix("-wal") })
        XCTAssertEqual(sql(dir + "/" + aside, "SELECT count(*) FROM orders"), before, "the replaced store is kept, with its WAL")
        XCTAssertEqual(TmuxSession.busops(["stats", "--db", db]).status, 0)
    }

    func testACorruptCopyIsRefusedAndNothingIsReplaced() throws {
        let db = temp.path, copy = dir + "/copy.sqlite"
        XCTAssertEqual(temp.busopsDemo(orders: 300).status, 0)
        XCTAssertEqual(TmuxSession.busops(["backup", "--db", db, "--to", copy]).status, 0)
        // Scribble over pages in the middle of the copy (not the header).
        let h = try XCTUnwrap(FileHandle(forUpdatingAtPath: copy))
        let size = try h.seekToEnd()
        try h.seek(toOffset: size / 2)
        h.write(Data(repeating: 0x5a, count: 40_000))
        try h.close()
        let before = sql(db, "SELECT count(*) FROM orders")
        let r = TmuxSession.busops(["restore", "--from", copy, "--db", db, "--force"])
        XCTAssertEqual(r.status, 1, r.output)
        XCTAssertTrue(r.output.contains("nothing was replaced"), r.output)
        XCTAssertEqual(sql(db, "SELECT count(*) FROM orders"), before)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.contains(".replaced-") || $0.contains(".restoring-") })

        // Not a store at all, and a newer schema, are refused too.
        try "hello".write(toFile: dir + "/junk.sqlite", atomically: true, encoding: .utf8)
        XCTAssertEqual(TmuxSession.busops(["restore", "--from", dir + "/junk.sqlite", "--db", dir + "/new.sqlite"]).status, 1)
        let newer = dir + "/newer.sqlite"
        XCTAssertEqual(TmuxSession.busops(["backup", "--db", db, "--to", newer]).status, 0)
        _ = TmuxSession.run(["/usr/bin/sqlite3", newer, "INSERT INTO schema_migrations VALUES (99, 0)"])
        let n = TmuxSession.busops(["restore", "--from", newer, "--db", dir + "/new.sqlite"])
        XCTAssertEqual(n.status, 1)
        XCTAssertTrue(n.output.contains("newer"), n.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/new.sqlite"))
        // Into a new path it just works.
        XCTAssertEqual(TmuxSession.busops(["restore", "--from", copy.replacingOccurrences(of: "copy", with: "store"), "--db", dir + "/new.sqlite"]).status, 0)
    }

    /// A source that could never be restored (newer schema, a plain SQLite file, a directory) is refused with the
    /// reason, and no file is left at --to (it used to say "failed its check: ok" and keep the copy).
    func testBackupOfWhatIsNotARestorableStoreSaysWhyAndLeavesNoCopy() throws {
        let db = temp.path
        XCTAssertEqual(temp.busopsDemo(orders: 20).status, 0)
        _ = TmuxSession.run(["/usr/bin/sqlite3", db, "INSERT INTO schema_migrations VALUES (99, 0)"])
        _ = TmuxSession.run(["/usr/bin/sqlite3", dir + "/plain.sqlite", "CREATE TABLE t(x)"])
        try FileManager.default.createDirectory(atPath: dir + "/folder.sqlite", withIntermediateDirectories: false)
        let cases = [(db, "newer than this busops understands"), (dir + "/plain.sqlite", "not a busops store"),
                     (dir + "/folder.sqlite", "is a directory")]
        for (source, reason) in cases {
            let to = dir + "/backup-of-" + (source as NSString).lastPathComponent
            let b = TmuxSession.busops(["backup", "--db", source, "--to", to])
            XCTAssertEqual(b.status, 1, b.output)
            XCTAssertTrue(b.output.contains(reason) && b.output.contains("nothing was written"), b.output)
            XCTAssertFalse(b.output.contains(": ok"), b.output)
            XCTAssertFalse(FileManager.default.fileExists(atPath: to), "no copy kept for \(source)")
        }
    }

    /// A directory as --db (with --force) used to be moved aside as PATH.replaced-TIME and replaced by the store;
    /// as --from it was "disk I/O error". Both are refused and the directory stays where it was.
    func testRestoreRefusesADirectoryOnEitherSide() throws {
        XCTAssertEqual(temp.busopsDemo(orders: 20).status, 0)
        let folder = dir + "/folder"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let into = TmuxSession.busops(["restore", "--from", temp.path, "--db", folder, "--force"])
        XCTAssertEqual(into.status, 1, into.output)
        XCTAssertTrue(into.output.contains("is a directory") && into.output.contains("nothing was replaced"), into.output)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue)
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: dir).contains { $0.contains(".replaced-") })
        let from = TmuxSession.busops(["restore", "--from", folder, "--db", dir + "/new.sqlite"])
        XCTAssertEqual(from.status, 1, from.output)
        XCTAssertTrue(from.output.contains("is a directory"), from.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/new.sqlite"))
    }

    func testStatusWarnsWithoutReplicationAndCheckpointSettingIsValidated() throws {
        let db = temp.path
        XCTAssertEqual(temp.busopsDemo(orders: 50).status, 0)
        let s = TmuxSession.busops(["status", "--db", db])
        XCTAssertEqual(s.status, 1, "no Litestream state: a warning")
        XCTAssertTrue(s.output.contains("not replicated"), s.output)
        XCTAssertTrue(s.output.contains("checkpoints by busops"), s.output)
        let bad = TmuxSession.busops(["serve", "--db", db, "--listen", "127.0.0.1:0"], env: ["BUSOPS_WAL_CHECKPOINT": "sometimes", "BUSOPS_QIMEN_SECRET": "x"])
        XCTAssertEqual(bad.status, 2, bad.output)
    }
}
