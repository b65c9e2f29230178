import XCTest
@testable import Views

/// The primary's status line says when Litestream last replicated the store, and marks it when behind (issue 14).
final class ReplicationStatusTests: XCTestCase {
    func statusLine(_ m: ChromeModel) -> String {
        var screen = Screen(width: 120, height: 24)
        _ = Chrome.render(m, into: &screen)
        return screen.text().last { !$0.isEmpty && $0.contains("outbox") } ?? ""
    }

    func testLastReplicationIsOnTheStatusLineAndBehindIsMarkedWithoutColour() {
        var m = ChromeModel()
        m.live = true
        XCTAssertFalse(statusLine(m).contains("replicated"), "nothing when Litestream never ran beside the store")
        m.replication = "replicated 3s ago"
        XCTAssertTrue(statusLine(m).contains("⇄ replicated 3s ago"), statusLine(m))
        m.replicationBehind = true
        XCTAssertTrue(statusLine(m).contains("⚠ replicated 3s ago"), statusLine(m))
    }
}
