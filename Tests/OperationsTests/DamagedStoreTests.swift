import Foundation
import XCTest
@testable import Operations
import Store

/// Issue 15: "in 15 of 28 trials on a store SQLite already reported as corrupt, refund approvals or ticket issues
/// still committed with exit 0". Here: copies of a demo store with whole pages overwritten, checked as serve and
/// dispatch check at start; every money-moving action must then refuse (docs/STORE-SAFETY.md "Damaged stores").
final class DamagedStoreTests: XCTestCase {
    func testEveryTrialOnACorruptedCopyRefusesMoneyMovingActions() throws {
        let f = try DemoFixture()
        let refund = try f.pendingRefund(perOrder: false, hoursAhead: 6)
        let awaiting = try f.order(status: .awaitingTicket)
        try f.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let pageSize = Int(try f.store.db.scalarInt("PRAGMA page_size") ?? 4096)
        let pages = Int(try f.store.db.scalarInt("PRAGMA page_count") ?? 0)
        var rng = SystemRandomNumberGenerator()
        var opened = 0
        for trial in 0..<12 {
            let copy = f.temp.dir + "/damaged-\(trial).sqlite"
            try FileManager.default.copyItem(atPath: f.store.path, toPath: copy)
            try Self.overwrite(pages: (0..<4).map { _ in Int.random(in: 2...pages - 1, using: &rng) }, of: copy, pageSize: pageSize)
            // Page 1 is intact, so the copy still opens (or says at once it is not a store: also a refusal).
            guard let damaged = try? Store(path: copy, create: false) else { continue }
            opened += 1
            let check = damaged.runQuickCheck(now: fixedNow)
            XCTAssertFalse(check.ok, "trial \(trial): quick_check found the overwritten pages")
            // A fresh connection (another CLI process) learns it from the recorded check, or from SQLite itself.
            let cli = try Store(path: copy, create: false)
            let ops = Operations(store: cli, actor: alice, now: { fixedNow })
            let actions: [ActionRequest] = [
                .approveRefund(refundId: refund, feeFen: 0),
                .issueTickets(IssueTickets(agentOrderId: awaiting, ticketNo: "T1", ticketPwd: "P1", gate: "A1")),
                .issueFailed(agentOrderId: awaiting, reason: "bus broke down"),
                .retryCallback(id: 1),
            ]
            for action in actions {
                XCTAssertThrowsError(try ops.run(action, shown: nil, progress: nil), "trial \(trial): \(action) must refuse") { error in
                    XCTAssertTrue("\(error)".contains(Store.damagedRefusal), "trial \(trial): \(error)")
                }
            }
        }
        XCTAssertGreaterThan(opened, 0, "some damaged copies opened, so the actions' refusal was tried")
    }

    func testSQLiteReportingCorruptionRefusesWithoutAnyCheckRecorded() throws {
        let f = try DemoFixture()
        let refund = try f.pendingRefund(perOrder: false, hoursAhead: 6)
        try f.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let copy = f.temp.dir + "/damaged.sqlite"
        try FileManager.default.copyItem(atPath: f.store.path, toPath: copy)
        // Every page of the refunds table and its indexes: the approval cannot avoid reading a bad one.
        let refundPages = try f.store.db.prepare("""
            SELECT rootpage FROM sqlite_master WHERE tbl_name = 'refunds' AND rootpage > 1
            """).all { $0.int(0) }
        try Self.overwrite(pages: refundPages, of: copy, pageSize: Int(try f.store.db.scalarInt("PRAGMA page_size") ?? 4096))
        let store = try Store(path: copy, create: false)
        XCTAssertNil(try store.lastCheck())
        let ops = Operations(store: store, actor: alice, now: { fixedNow })
        XCTAssertThrowsError(try ops.run(.approveRefund(refundId: refund, feeFen: 0), shown: nil, progress: nil)) { error in
            XCTAssertTrue("\(error)".hasPrefix(Store.damagedRefusal), "\(error)")
        }
        // From then on this connection refuses even what would not touch a bad page.
        XCTAssertNotNil(store.damageReason())
    }

    func testAFailedCheckRefusesUntilACheckPassesAgain() throws {
        let f = try DemoFixture()
        let refund = try f.pendingRefund(perOrder: false, hoursAhead: 6)
        Store.recordFailedCheckForTest(f.store)
        try assertRefused(f, .approveRefund(refundId: refund, feeFen: nil), kind: "notAllowed", contains: Store.damagedRefusal)
        // Pausing all sending is the one action a damaged store still allows.
        XCTAssertNoThrow(try f.run(.setSending(paused: true)))
        XCTAssertTrue(f.store.runQuickCheck(now: fixedNow).ok)
        XCTAssertNoThrow(try f.run(.approveRefund(refundId: refund, feeFen: nil)))
        XCTAssertEqual(try f.store.lastCheck()?.detail, "ok")
    }

    static func overwrite(pages: [Int], of path: String, pageSize: Int) throws {
        let h = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        defer { try? h.close() }
        for page in pages where page > 1 {
            try h.seek(toOffset: UInt64((page - 1) * pageSize))
            h.write(Data((0..<pageSize).map { _ in UInt8.random(in: 0...255) }))
        }
    }
}

extension Store {
    /// What `serve` records after a failed quick_check, without damaging anything.
    static func recordFailedCheckForTest(_ store: Store) {
        store.recordDamage("\(Store.damagedRefusal) (quick_check: Tree 12 page 40 cell 3: invalid page number)", now: fixedNow)
    }
}
