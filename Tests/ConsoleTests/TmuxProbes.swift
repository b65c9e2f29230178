import Foundation
import XCTest

/// What an operator's terminal knows beyond the visible text: the pane title, whether the alternate
/// screen and cursor are on, the styled screen, and the console's process id (to signal it).
extension TmuxSession {
    /// A tmux format (e.g. `#{pane_title}`) evaluated for this session's pane.
    func display(_ format: String) -> String {
        TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "display-message", "-p", "-t", name, format])
            .output.trimmingCharacters(in: .newlines)
    }

    /// The screen with its SGR escape sequences (capture-pane -e), to check colours and attributes.
    func styledScreen() -> String {
        TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "capture-pane", "-e", "-p", "-t", name]).output
    }

    /// The pid of the first `busops` process below the pane's shell, waiting for it to start.
    func busopsPid(timeout: TimeInterval = 5) -> pid_t? {
        guard let root = pid_t(display("#{pane_pid}")) else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let pid = TmuxSession.descendant(of: root, named: "busops") { return pid }
            usleep(20_000)
        }
        return nil
    }

    /// Searches /proc for a process named `comm` whose ancestry includes `root`.
    static func descendant(of root: pid_t, named comm: String) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parent: [pid_t: pid_t] = [:]
        var names: [pid_t: String] = [:]
        for e in entries {
            guard let pid = pid_t(e), let stat = try? String(contentsOfFile: "/proc/\(e)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { continue }
            names[pid] = String(stat[stat.index(after: open)..<close])
            // Fields after the name: state, ppid, …
            let rest = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            if rest.count > 1, let pp = pid_t(rest[1]) { parent[pid] = pp }
        }
        for (pid, n) in names where n == comm {
            var p = parent[pid]
            var hops = 0
            while let cur = p, cur > 1, hops < 32 {
                if cur == root { return pid }
                p = parent[cur]; hops += 1
            }
        }
        return nil
    }

    /// SGR parameter lists that select a colour (foreground, background, 256-colour or truecolor).
    static func colourSelections(in styled: String) -> [String] {
        var found: [String] = []
        var rest = Substring(styled)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            let params = rest[..<end]
            if rest[end] == "m" {
                for p in params.split(separator: ";") {
                    // 39 and 49 only go back to the terminal's default colours.
                    if let n = Int(p), n != 39 && n != 49, (30...49).contains(n) || (90...107).contains(n) { found.append(String(params)); break }
                }
            }
            rest = rest[end...]
        }
        return found
    }
}

/// The sqlite3 command-line tool, to read a store the way an engineer would and to plant rows the
/// demo generator never writes (e.g. names with escape sequences).
enum SQLiteCLI {
    static func require() throws {
        if TmuxSession.run(["/usr/bin/env", "sqlite3", "-version"]).status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("the sqlite3 CLI is required in CI (apt package sqlite3)") }
            throw XCTSkip("sqlite3 CLI is not installed")
        }
    }

    /// Rows of `sql`, one string per line (columns separated by `|`).
    static func query(_ db: String, _ sql: String) -> [String] {
        let r = TmuxSession.run(["/usr/bin/env", "sqlite3", "-batch", db, sql])
        XCTAssertEqual(r.status, 0, "sqlite3 \(sql): \(r.output)")
        return r.output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
