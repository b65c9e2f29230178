import Foundation
import XCTest
@testable import Store

/// BUSOPS_WAL_CHECKPOINT (docs/REPLICATION.md, "Checkpoints"): busops leaves the WAL to Litestream when it replicates.
final class CheckpointOwnerTests: XCTestCase {
    func testAutoFollowsLitestreamsMetadataDirectory() throws {
        let t = TempStore()
        XCTAssertEqual(try CheckpointOwner.resolve(storePath: t.path, env: [:]), .busops)
        try FileManager.default.createDirectory(atPath: t.dir + "/.store.sqlite-litestream", withIntermediateDirectories: true)
        XCTAssertEqual(LitestreamFiles.metadataDirectory(storePath: t.path), t.dir + "/.store.sqlite-litestream")
        XCTAssertEqual(try CheckpointOwner.resolve(storePath: t.path, env: [:]), .litestream)
        XCTAssertEqual(try CheckpointOwner.resolve(storePath: t.path, env: ["BUSOPS_WAL_CHECKPOINT": "busops"]), .busops)
        XCTAssertEqual(try CheckpointOwner.resolve(storePath: t.path, env: ["BUSOPS_WAL_CHECKPOINT": "auto"]), .litestream)
        XCTAssertThrowsError(try CheckpointOwner.resolve(storePath: t.path, env: ["BUSOPS_WAL_CHECKPOINT": "x"]))
    }

    func testUnderLitestreamNoBusopsConnectionCheckpoints() throws {
        let t = TempStore()
        try FileManager.default.createDirectory(atPath: t.dir + "/.store.sqlite-litestream", withIntermediateDirectories: true)
        let store = try Store(path: t.path)
        XCTAssertEqual(try store.db.scalarInt("PRAGMA wal_autocheckpoint"), 0, "Litestream alone checkpoints")
        let plain = TempStore()
        XCTAssertEqual(try Store(path: plain.path).db.scalarInt("PRAGMA wal_autocheckpoint"), 1000)
    }

    func testBackupCopyAndCheck() throws {
        let t = TempStore()
        let store = try Store(path: t.path)
        try store.db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
        let pages = try StoreBackup.copy(from: t.path, to: t.dir + "/copy.sqlite")
        XCTAssertGreaterThan(pages, 0)
        let check = try StoreBackup.check(t.dir + "/copy.sqlite")
        XCTAssertTrue(check.ok)
        XCTAssertEqual(check.schemaVersion, Migrator.latestVersion)
    }
}
