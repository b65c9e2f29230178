import Foundation
import XCTest

/// `busops list` (text mode) and the action previews print what Fliggy sent (names, phones): a name from a store
/// written before Qimen refused C1 controls, or by any other hand, must not reach the on-call engineer's terminal
/// as an escape sequence. Such characters are shown as visible escapes, as the console does (TerminalText).
final class TerminalSafeOutputTests: XCTestCase {
    var fx: ActionStoreFixture!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("busops binary not built") }
        fx = try ActionStoreFixture()
    }

    override func tearDown() { fx = nil }

    func testControlCharactersInANameAreShownAsEscapesNotSent() throws {
        let order = try fx.detail(status: .awaitingTicket).summary.agentOrderId
        // ESC ] 0 ; … BEL retitles a terminal; U+009B is CSI; U+202E reverses what follows.
        let name = "王\u{1B}]0;owned\u{07}五\u{9B}2J\u{202E}321"
        let hex = name.utf8.map { String(format: "%02X", $0) }.joined()
        let set = TmuxSession.run(["/usr/bin/sqlite3", fx.path,
                                   "UPDATE orders SET contact_name = CAST(X'\(hex)' AS TEXT) WHERE agent_order_id = '\(order)'"])
        XCTAssertEqual(set.status, 0, set.output)
        let out = TmuxSession.busops(["list", "orders", "--db", fx.path, "--limit", "100000"])
        XCTAssertEqual(out.status, 0, out.output)
        let line = try XCTUnwrap(out.output.split(separator: "\n").first { $0.hasPrefix(order) }, out.output)
        XCTAssertFalse(line.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E }, "\(line.debugDescription)")
        XCTAssertTrue(line.contains("王\\e]0;owned\\x07五\\x9B2J\\u202E321"), String(line))
        // JSON keeps the value exact (escaped by JSON itself), for scripts.
        let json = TmuxSession.busops(["list", "orders", "--db", fx.path, "--limit", "100000", "--json"])
        XCTAssertTrue(json.output.contains(#"\u001b]0;owned\u0007"#) || json.output.contains(#"\u001B]0;owned\u0007"#), json.output)
    }

    func testAnActionPreviewShowsAPassengerNameWithControlsAsEscapes() throws {
        let order = try fx.detail(status: .awaitingTicket).summary.agentOrderId
        let set = TmuxSession.run(["/usr/bin/sqlite3", fx.path, "UPDATE tickets SET name = 'A' || char(27) || ']0;owned' || char(7) || 'B' "
                                   + "WHERE order_id = (SELECT id FROM orders WHERE agent_order_id = '\(order)')"])
        XCTAssertEqual(set.status, 0, set.output)
        let before = try fx.footprint()
        let out = TmuxSession.busops(["ticket", "fail", order, "--reason", "no bus", "--db", fx.path])
        XCTAssertEqual(out.status, 0, out.output)
        XCTAssertFalse(out.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, out.output.debugDescription)
        XCTAssertTrue(out.output.contains("passengers: A\\e]0;owned\\x07B"), out.output)
        XCTAssertEqual(try fx.footprint(), before)
    }
}
