import Foundation
import XCTest
@testable import Store

/// Issue 15, the store's file: what busops agrees to open, what it creates, and what it does when the file
/// vanishes under it (docs/STORE-SAFETY.md).
final class StoreFileSafetyTests: XCTestCase {
    func testAnEmptyFileIsRefusedAndLeftUntouched() throws {
        let t = TempStore()
        XCTAssertTrue(FileManager.default.createFile(atPath: t.path, contents: Data()))
        XCTAssertThrowsError(try Store(path: t.path)) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .notAStore)
            XCTAssertTrue("\(error)".contains("empty file (0 bytes)"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: t.path)[.size] as? Int, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: t.path + "-wal"))
    }

    func testAForeignFileIsRefusedUntouched() throws {
        let t = TempStore()
        let text = Data("name,phone\nzhang,13800000000\n".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: t.path, contents: text))
        for readOnly in [false, true] {
            XCTAssertThrowsError(try Store(path: t.path, readOnly: readOnly)) { error in
                XCTAssertEqual((error as? StoreError)?.kind, .notAStore, "\(error)")
                XCTAssertTrue("\(error)".contains("not an SQLite database"), "\(error)")
            }
        }
        XCTAssertEqual(FileManager.default.contents(atPath: t.path), text)
    }

    func testAnotherApplicationsDatabaseIsRefused() throws {
        let t = TempStore()
        do {
            let other = try Connection(path: t.path)
            try other.execute("PRAGMA application_id = 7; CREATE TABLE notes (x)")
        }
        let before = FileManager.default.contents(atPath: t.path)
        XCTAssertThrowsError(try Store(path: t.path)) { XCTAssertTrue("\($0)".contains("another application"), "\($0)") }
        do {
            let other = try Connection(path: t.path)
            try other.execute("PRAGMA application_id = 0")
        }
        XCTAssertThrowsError(try Store(path: t.path)) { XCTAssertTrue("\($0)".contains("without busops's tables"), "\($0)") }
        _ = before
    }

    func testNewStoresCarryTheApplicationIdAndOlderOnesAreStampedOnOpen() throws {
        let t = TempStore()
        do {
            let store = try Store(path: t.path)
            XCTAssertEqual(try store.db.scalarInt("PRAGMA application_id"), StoreFileCheck.applicationId)
            try store.db.execute("PRAGMA application_id = 0")   // a store made before busops set it
        }
        XCTAssertNoThrow(try Store(path: t.path, readOnly: true))
        let reopened = try Store(path: t.path)
        XCTAssertEqual(try reopened.db.scalarInt("PRAGMA application_id"), StoreFileCheck.applicationId)
    }

    func testNewStoreAndItsWALAndSHMAreCreatedOwnerOnly() throws {
        let t = TempStore()
        let old = umask(0o022)
        defer { umask(old) }
        let store = try Store(path: t.path)
        try store.setMeta("probe", "1")   // the WAL and its index exist while the connection is open
        for file in [t.path, t.path + "-wal", t.path + "-shm"] {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600, file)
        }
    }

    func testNothingIsCommittedToADeletedStore() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        XCTAssertNil(store.fileProblem())
        try FileManager.default.removeItem(atPath: t.path)
        XCTAssertNotNil(store.fileProblem())
        XCTAssertThrowsError(try store.db.transaction { try store.setMeta("after", "1") }) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .vanished)
            XCTAssertTrue("\(error)".contains("store gone"), "\(error)")
        }
        // An autocommit write, outside any transaction, meets the commit hook.
        XCTAssertThrowsError(try store.setMeta("autocommit", "1")) { XCTAssertEqual(($0 as? StoreError)?.kind, .vanished) }
        XCTAssertNil(try store.metaValue("autocommit"), "rolled back")
    }

    func testAStoreReplacedUnderAConnectionIsNoticed() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        let other = t.dir + "/other.sqlite"
        _ = try Store(path: other)
        XCTAssertEqual(rename(other, t.path), 0)
        XCTAssertTrue(store.fileProblem()?.contains("replaced") ?? false, store.fileProblem() ?? "nil")
        XCTAssertThrowsError(try store.db.transaction { try store.setMeta("x", "1") })
        XCTAssertNil(try Store(path: t.path).metaValue("x"))
    }

    func testAFullDiskSaysDiskFull() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        // The page limit makes SQLite answer SQLITE_FULL exactly as a full filesystem does.
        let pages = try store.db.scalarInt("PRAGMA page_count") ?? 1
        try store.db.execute("PRAGMA max_page_count = \(pages)")
        XCTAssertThrowsError(try store.db.transaction {
            for i in 0..<200 { try store.setMeta("filler\(i)", String(repeating: "x", count: 4000)) }
        }) { error in
            XCTAssertEqual((error as? StoreError)?.kind, .diskFull)
            XCTAssertTrue("\(error)".hasPrefix("disk full"), "\(error)")
        }
    }

    /// `--read-only` on a directory nobody may write (as a read-only filesystem is): the store opens without its
    /// `-shm` (SQLite's immutable mode). Root may write anywhere, so the check needs an ordinary user.
    func testReadOnlyOpenWorksWhereNoSHMCanBeCreated() throws {
        let t = TempStore()
        do { let s = try Store(path: t.path); try s.setMeta("probe", "1") }   // closed: -wal and -shm removed
        if getuid() == 0 {
            // Root writes through 0555 directories, so as root the store goes on a real read-only filesystem: a tmpfs
            // remounted read-only (skipped only where mounting is not allowed).
            let mnt = t.dir + "/ro"
            try FileManager.default.createDirectory(atPath: mnt, withIntermediateDirectories: true)
            guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", mnt]) else { throw XCTSkip("cannot mount a tmpfs here") }
            defer { _ = Self.run("/bin/umount", [mnt]) }
            try FileManager.default.copyItem(atPath: t.path, toPath: mnt + "/store.sqlite")
            XCTAssertTrue(Self.run("/bin/mount", ["-o", "remount,ro", mnt]))
            XCTAssertTrue(Store.filesystemIsReadOnly(path: mnt + "/store.sqlite"))
            let store = try Store(path: mnt + "/store.sqlite", readOnly: true)
            XCTAssertEqual(try store.metaValue("probe"), "1")
            XCTAssertThrowsError(try Store(path: mnt + "/store.sqlite")) { e in
                XCTAssertTrue("\(e)".contains("read-only"), "\(e)")
            }
            return
        }
        XCTAssertEqual(chmod(t.dir, 0o555), 0)
        defer { chmod(t.dir, 0o755) }
        let store = try Store(path: t.path, readOnly: true)
        XCTAssertEqual(try store.metaValue("probe"), "1")
    }

    static func run(_ tool: String, _ args: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
