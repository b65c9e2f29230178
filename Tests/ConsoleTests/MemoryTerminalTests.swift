import TestFixtures
import XCTest
@testable import Console
import Store
import Views

/// The frame diff and the main loop without tmux (issue 11): frames go through `FrameDiff` into a `MemoryTerminal`,
/// whose screen is what a terminal would show.
final class MemoryTerminalTests: XCTestCase {
    func testOnlyChangedCellsAreWrittenAndAnIdenticalFrameWritesNothing() {
        let term = MemoryTerminal(width: 20, height: 3)
        var a = Screen(width: 20, height: 3)
        a.put(x: 0, y: 0, text: "订单 BO0000000012")
        term.draw(a)
        XCTAssertEqual(term.cellsWritten.last, 20 * 3 - 2, "the first frame writes every cell (a wide character is one write)")
        term.draw(a)
        XCTAssertEqual(term.cellsWritten.last, 0, "an identical frame writes nothing")
        var b = a
        b.put(x: 5, y: 0, text: "BO0000000013")
        term.draw(b)
        XCTAssertEqual(term.cellsWritten.last, 1, "one changed digit, one cell")
        XCTAssertEqual(term.text[0], "订单 BO0000000013")
        var wide = b
        wide.put(x: 0, y: 0, text: "退票")
        term.draw(wide)
        XCTAssertEqual(term.text[0], "退票 BO0000000013", "wide characters replace wide characters whole")
        term.draw(Screen(width: 30, height: 3))
        XCTAssertEqual(term.cellsWritten.last, 30 * 3, "a new size repaints")
    }

    /// The whole console loop on a demo store: frames drawn, keys handled, quit by its key — no terminal at all.
    func testTheConsoleRunsOnAMemoryTerminal() throws {
        let temp = TemporaryStore(label: "busops-memterm")
        let store = try temp.demo(orders: 120, seed: 2, now: ChinaTime.now())
        let term = MemoryTerminal(width: 100, height: 30, script: [nil, nil, .key(.char("3")), nil, nil, .key(.char("q"))])
        let session = SessionInfo(storePath: store.path, isDemo: true, readOnly: true, readOnlyReason: "--read-only")
        let app = ConsoleApp(store: store, session: session, options: ConsoleOptions(themeName: "default", mouse: false, dispatch: false),
                             terminal: term)
        XCTAssertEqual(try app.run(), 0)
        let screen = term.text.joined(separator: "\n")
        XCTAssertTrue(screen.contains("Refunds"), screen)
        XCTAssertTrue(screen.contains("most urgent first"), "3 opened the Refunds view:\n\(screen)")
        XCTAssertFalse(term.started, "the terminal is given back on quit")
    }
}
