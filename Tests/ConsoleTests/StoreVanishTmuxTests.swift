import Foundation
import XCTest

/// Issue 15: the store deleted under a running console kept "● live", took an approval, sent its callback, and
/// lost the approval with the unlinked file. Now the console notices within 2 s, says so, refuses every action,
/// and its dispatcher sends nothing more (docs/STORE-SAFETY.md "A store that vanishes").
final class StoreVanishTmuxTests: TmuxStoreTestCase {
    func testDeletingTheStoreUnderTheConsoleStopsEverything() throws {
        let fake = try FakeTopProcess(dir: dir)
        defer { fake.stop() }
        let t = try startConsole(env: fake.env)
        // Let the dispatcher send the demo's due callbacks first: after the delete nothing more may arrive.
        var seen = -1
        let settle = Date().addingTimeInterval(15)
        while Date() < settle {
            let n = fake.calls().count
            if n == seen { break }
            seen = n
            Thread.sleep(forTimeInterval: 1.5)
        }
        try FileManager.default.removeItem(atPath: db)
        let deleted = Date()
        let screen = expect(t, "store gone", "the status line says the store vanished", timeout: 4)
        XCTAssertLessThan(Date().timeIntervalSince(deleted), 3, "noticed within ~2 s")
        XCTAssertTrue(screen.contains("✖ store gone"), screen)
        XCTAssertFalse(screen.contains("● live"), screen)
        let before = fake.calls().count
        t.send("3")
        t.send("A")
        let refused = expect(t, "refused: store gone", "an approve is refused with the reason")
        XCTAssertFalse(refused.contains("Approve refund RF"), "no form opened:\n\(refused)")
        Thread.sleep(forTimeInterval: 3)
        XCTAssertEqual(fake.calls().count, before, "nothing reached the gateway after the store vanished: \(fake.calls().suffix(3))")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing recreated the store")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }
}
