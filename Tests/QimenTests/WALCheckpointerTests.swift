import Foundation
@testable import Qimen
import Store
import TOP
import XCTest

/// With the pool's own checkpoints off, the checkpointer must keep the WAL from growing:
/// after its round the next commit starts the WAL over.
final class WALCheckpointerTests: XCTestCase {
    func testRoundLetsTheNextCommitRestartTheWAL() throws {
        let f = try QimenStoreFixture()
        let pool = try StorePool(path: f.path, deferCheckpoints: true)
        XCTAssertEqual(try pool.with { try $0.db.scalarInt("PRAGMA wal_autocheckpoint") }, 0, "requests never checkpoint")
        XCTAssertEqual(try StorePool(path: f.path).with { try $0.db.scalarInt("PRAGMA wal_autocheckpoint") }, 1000)
        let handler = QimenStoreHandler(pool: pool)
        func create(_ n: Int) throws {
            let body = try f.orderBody(alitripId: "67\(100_000 + n)", scheduleId: QimenGoldenTests.perOrder, seed: n)
            guard case .success = handler.handle(.createOrder, body: body, now: QimenStoreFixture.nowDate) else {
                return XCTFail("create \(n) refused")
            }
        }
        for n in 0..<20 { try create(n) }
        let grown = WALCheckpointer.round(f.observer, restartFrames: 0) { body in handler.excludingWriters(body) }
        XCTAssertGreaterThan(grown, 50)
        try create(20)
        XCTAssertLessThan(WALCheckpointer.passive(f.observer), grown / 4, "the next commit started the WAL over")
    }

    func testStopRunsAFinalRoundAndReturns() throws {
        let f = try QimenStoreFixture()
        let handler = QimenStoreHandler(pool: try StorePool(path: f.path, deferCheckpoints: true))
        let checkpointer = WALCheckpointer(path: f.path, interval: 10) { body in handler.excludingWriters(body) }
        try checkpointer.start()
        let started = Date()
        checkpointer.stop()
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "stop does not wait out the interval")
    }
}
