import Foundation
import XCTest

/// The console on awkward terminals and hostile data, through tmux: read-only mode, resizing, small
/// windows, NO_COLOR, TERM=vt100, names carrying escape sequences, and every way of leaving.
final class ConsoleTerminalTmuxTests: TmuxStoreTestCase {
    func testReadOnlyShowsTheBadgeRefusesActionKeysAndWritesNothing() throws {
        let before = storeFingerprint()
        let t = try startConsole("--read-only")
        XCTAssertTrue(t.screen().contains("READ-ONLY"), t.screen())
        t.send("3"); expect(t, "most urgent first", "Refunds")
        t.send("A")
        let s = expect(t, "read-only: approve refund is not available", "A answers read-only")
        XCTAssertTrue(messageLine(s).contains("--read-only"), "the reason is named:\n\(s)")
        walk(t, [
            ("R", "read-only: reject refund is not available", "R answers read-only"),
            ("4", "sub_code", "Callbacks"),
            ("T", "read-only: re-fire a failed callback is not available", "T answers read-only"),
            ("2", "prev/next day", "Seats"),
            ("S", "read-only: stop schedule", "S answers read-only"),
        ])
        // Revealing personal data writes an audit row: read-only cannot reveal (never unaudited).
        let phone = SQLiteCLI.query(db, "SELECT contact_phone FROM orders WHERE agent_order_id = '\(newestId)'").first ?? "?"
        t.send("1"); expect(t, "飞猪订单号", "Orders")
        t.send("Enter"); expect(t, "订单 Order \(newestId)", "detail")
        t.send("v")
        let d = expect(t, "read-only: reveal personal data", "v answers read-only")
        XCTAssertFalse(d.contains(phone), "the phone stays masked:\n\(d)")
        XCTAssertFalse(d.contains("revealed"), d)
        t.send("q"); expect(t, "飞猪订单号", "q goes back from the detail (issue 12)")
        t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
        XCTAssertEqual(storeFingerprint(), before, "a read-only session leaves every table as it was")
    }

    /// Row counts and states that any action would change.
    func storeFingerprint() -> [String] {
        SQLiteCLI.query(db, """
            SELECT (SELECT count(*) FROM audit), (SELECT group_concat(status) FROM refunds),
                   (SELECT group_concat(state || attempts) FROM outbox), (SELECT group_concat(on_sale) FROM schedules),
                   (SELECT sum(seats_sold) FROM schedules)
            """)
    }

    func testResizeRedrawsAndBelowTheMinimumSaysTerminalTooSmall() throws {
        let t = try startConsole()
        t.resize(width: 70, height: 20)
        // Wait for the finished frame, not the first one showing the new width: tmux may be read mid-redraw.
        let small = t.waitFor { s in
            s.contains(newestId) && s.split(separator: "\n").count <= 20 && !s.contains("飞猪订单号") && s.contains("live")
                && s.split(separator: "\n").filter { $0.hasPrefix(" BO") }.count == 15
        }
        let lines = small.screen.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(small.ok, "70x20 redraws the list (the Fliggy id column gives way first):\n\(small.screen)")
        XCTAssertTrue(lines.first?.hasPrefix(" Orders  Seats") ?? false, small.screen)
        XCTAssertTrue(small.screen.contains("live"), "status line kept:\n\(small.screen)")
        XCTAssertEqual(lines.filter { $0.hasPrefix(" BO") }.count, 15, "20 rows less header, sub-header, titles, status and message:\n\(small.screen)")
        for (w, h) in [(59, 20), (70, 15)] {
            t.resize(width: w, height: h)
            let tiny = t.waitFor("\(w)x\(h), need 60x16", timeout: 5)
            XCTAssertTrue(tiny.ok, "\(w)x\(h):\n\(tiny.screen)")
            XCTAssertTrue(tiny.screen.contains("Terminal too small"), tiny.screen)
            XCTAssertFalse(tiny.screen.contains(newestId), "no broken layout underneath:\n\(tiny.screen)")
        }
        t.resize(width: 120, height: 40)
        let big = t.waitFor { $0.contains("飞猪订单号") && !$0.contains("Terminal too small") && $0.split(separator: "\n").filter { $0.hasPrefix(" BO") }.count == 35 }
        XCTAssertTrue(big.ok, "back to 120x40:\n\(big.screen)")
        XCTAssertEqual(big.screen.split(separator: "\n").filter { $0.hasPrefix(" BO") }.count, 35, big.screen)
        // Keys still work after all that.
        t.send("2"); expect(t, "prev/next day", "Seats after resizing")
    }

    func testNoColorDrawsWithoutColourButKeepsTheSelectionVisible() throws {
        let coloured = try startConsole()
        XCTAssertFalse(TmuxSession.colourSelections(in: coloured.styledScreen()).isEmpty,
                       "the default theme uses colour on xterm-256color (else this test proves nothing)")
        let t = try startConsole(env: ["NO_COLOR": "1"])
        let styled = t.styledScreen()
        XCTAssertEqual(TmuxSession.colourSelections(in: styled), [], "NO_COLOR: no colour at all")
        XCTAssertTrue(styled.contains("\u{1B}[7m") || styled.contains(";7m") || styled.contains("\u{1B}[1m"),
                      "selection and header still stand out (reverse or bold):\n\(styled.prefix(400))")
        t.send("Tab"); expect(t, "prev/next day", "keys work under NO_COLOR")
    }

    func testVT100() throws {
        let t = try startConsole(env: ["TERM": "vt100"])
        let s = t.screen()
        XCTAssertTrue(s.contains(" Orders  Seats  Refunds  Callbacks"), s)
        XCTAssertTrue(s.contains("飞猪订单号"), s)
        XCTAssertEqual(TmuxSession.colourSelections(in: t.styledScreen()), [], "vt100 has no colours")
        t.send("Down"); t.send("Enter")
        expect(t, "订单 Order BO0000000299", "arrow keys and Enter decode on vt100")
        t.send("Escape"); t.send("?")
        expect(t, "Help", "help box draws on vt100")
        t.send("Escape"); t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
    }

    func testNamesWithEscapeSequencesShowAsVisibleTextAndLeaveTitleAndScreenAlone() throws {
        let evil = "'x' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J'"
        _ = SQLiteCLI.query(db, """
            UPDATE orders SET contact_name = \(evil) WHERE agent_order_id = '\(newestId)';
            UPDATE tickets SET name = 'y' || char(27) || '[31m' || char(155) || 'z' || char(8238) || 'w'
              WHERE order_id = (SELECT id FROM orders WHERE agent_order_id = '\(newestId)');
            UPDATE stations SET name = name || char(27) || ']2;station-pwned' || char(7);
            """)
        let t = try startConsole()
        let title = t.display("#{pane_title}")
        XCTAssertFalse(title.contains("pwned"))
        t.send("Enter")
        expect(t, "订单 Order \(newestId)", "detail")
        t.send("v")                                  // names are masked until revealed
        let s = expect(t, "x\\e]0;pwned\\x07\\e[2J", "the contact name as visible escapes")
        XCTAssertTrue(s.contains("y\\e[31m") , "the passenger name as visible escapes:\n\(s)")
        XCTAssertTrue(s.contains("\\e]2;station-pwned"), "station names pass the sanitizer too:\n\(s)")
        XCTAssertEqual(t.display("#{pane_title}"), title, "the pane title is unchanged")
        XCTAssertEqual(TmuxSession.colourSelections(in: t.styledScreen()).filter { $0.hasPrefix("31") }, [],
                       "the planted SGR did not colour anything")
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines.first?.hasPrefix(" Orders  Seats") ?? false, "header intact (no clear-screen):\n\(s)")
        XCTAssertTrue(s.contains("乘客 Passengers") && s.contains("live"), "body and status line intact:\n\(s)")
        t.send("Escape"); t.send("q")
        XCTAssertEqual(t.exitStatus(), 0)
        XCTAssertEqual(t.display("#{pane_title}"), title)
    }

    func testQuitCtrlCSigtermAndSighupEachExitZeroAndRestoreTheTerminal() throws {
        for way in ["q", "C-c", "TERM", "HUP"] {
            let stty = dir + "/stty-\(way)"
            // After the console exits, record the terminal modes it left behind.
            let t = try startConsole(wrap: { "(\($0); s=$?; stty -a > \(stty); exit $s)" })
            XCTAssertEqual(t.display("#{alternate_on}"), "1", "the console runs on the alternate screen")
            switch way {
            case "q", "C-c": t.send(way)
            default:
                guard let pid = t.busopsPid() else { XCTFail("no busops process in the pane"); continue }
                kill(pid, way == "TERM" ? SIGTERM : SIGHUP)
            }
            XCTAssertEqual(t.exitStatus(), 0, "\(way): exit status")
            XCTAssertEqual(t.display("#{alternate_on}"), "0", "\(way): back on the normal screen")
            XCTAssertEqual(t.display("#{cursor_flag}"), "1", "\(way): cursor visible again")
            let modes = (try? String(contentsOfFile: stty, encoding: .utf8)) ?? ""
            for mode in ["icanon", "echo", "icrnl", "isig"] {
                XCTAssertTrue(modes.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains(Substring(mode)),
                              "\(way): \(mode) restored:\n\(modes)")
            }
            XCTAssertFalse(t.screen().contains(newestId), "\(way): the console's screen is gone")
        }
    }
}

/// An idle console sleeps (no polling 25 times a second), yet another process's commit still shows at once.
final class ConsoleIdleLiveTmuxTests: TmuxStoreTestCase {
    func testCommitsShowPromptlyAfterTheConsoleWentIdle() throws {
        let t = try startConsole()
        for _ in 0..<3 {
            usleep(1_500_000)                       // longer than any settling: the console is asleep
            let tick = TmuxSession.busops(["demo", "--db", db, "--tick", "1"])
            let committed = Date()
            XCTAssertEqual(tick.status, 0, tick.output)
            let id = tick.output.trimmingCharacters(in: .whitespacesAndNewlines)
            let shown = t.waitFor(id, timeout: 5)
            XCTAssertTrue(shown.ok, "\(id) on screen:\n\(shown.screen)")
            // A 1 s safety poll alone would miss this bound most of the time; the WAL watch meets it.
            XCTAssertLessThan(Date().timeIntervalSince(committed), 0.4, "\(id) shown within 400 ms of the commit")
        }
    }
}
