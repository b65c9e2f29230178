import Foundation
import TestFixtures
import XCTest

/// A fresh 300-order demo store per test, and a console started on it through tmux.
class TmuxStoreTestCase: XCTestCase {
    var dir = ""
    var db = ""
    /// TestFixtures' temp store: `dir` and `db` are its directory and file, removed in tearDown.
    private var temp: TemporaryStore?
    /// The newest order, first on screen when the console starts.
    let newestId = "BO0000000300"

    override func setUpWithError() throws {
        try TmuxSession.requireTmux()
        try SQLiteCLI.require()
        let temp = TemporaryStore(label: "busops-tmux")
        self.temp = temp
        dir = temp.dir
        db = temp.path
        let r = temp.busopsDemo(orders: 300, seed: 3)
        XCTAssertEqual(r.status, 0, r.output)
    }

    override func tearDown() { temp = nil }

    /// Starts the console (extra arguments after `--db`) and waits until the first rows are on screen.
    func startConsole(_ args: String = "", width: Int = 120, height: Int = 40, env: [String: String] = [:],
                      wrap: ((String) -> String)? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> TmuxSession {
        // tmux gives the pane its own TERM (default-terminal) and the server inherits the test runner's
        // environment (swift test sets NO_COLOR=1), so the terminal the console sees is set right here.
        let vars = ["TERM": "xterm-256color"].merging(env, uniquingKeysWith: { $1 })
        let unset = vars["NO_COLOR"] == nil ? "-u NO_COLOR " : ""
        let assignments = vars.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let command = "env \(unset)-u COLORTERM \(assignments) \(TmuxSession.binary) --db \(db) \(args)"
        let t = try TmuxSession(width: width, height: height, command: wrap?(command) ?? command, env: env)
        let first = t.waitFor(newestId)
        XCTAssertTrue(first.ok, "first rows on screen:\n\(first.screen)", file: file, line: line)
        return t
    }

    /// Waits for `text`, failing the test with the screen when it does not appear.
    @discardableResult
    func expect(_ t: TmuxSession, _ text: String, _ why: String, timeout: TimeInterval = 8,
                file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = t.waitFor(text, timeout: timeout)
        XCTAssertTrue(r.ok, "\(why): expected “\(text)” on screen:\n\(r.screen)", file: file, line: line)
        return r.screen
    }

    /// An operator's walk through the console: each step's key is sent, then its text awaited on screen (`why`
    /// names the step when it fails).
    func walk(_ t: TmuxSession, _ steps: [(key: String, shows: String, why: String)],
              file: StaticString = #filePath, line: UInt = #line) {
        for step in steps {
            t.send(step.key)
            expect(t, step.shows, step.why, file: file, line: line)
        }
    }

    /// The screen's last line: messages and prompts.
    func messageLine(_ screen: String) -> String {
        screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast(screen.hasSuffix("\n") ? 1 : 0).last.map(String.init) ?? ""
    }

    /// yyyy-MM-dd in GMT+8 (the console's zone), `days` from today.
    static func chinaDate(daysFromToday days: Int) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date().addingTimeInterval(Double(days) * 86400))
    }
}

extension TemporaryStore {
    /// `busops demo` through the real binary (the command itself, not just its generator) into this store file.
    @discardableResult
    func busopsDemo(orders: Int, seed: Int? = nil) -> (status: Int32, output: String) {
        TmuxSession.busops(["demo", "--db", path, "--orders", String(orders)] + (seed.map { ["--seed", String($0)] } ?? []))
    }

    /// `busops serve` on this store, on a loopback port the kernel picks, with `env` (its Qimen secret at least);
    /// its output in serve.out next to the store, and its access log (stderr) in serve.err when asked.
    func busopsServe(env: [String: String], accessLog: Bool = false) throws -> ListeningProcess {
        try ListeningProcess(args: [TmuxSession.binary, "serve", "--db", path, "--listen", "127.0.0.1:0"], env: env,
                             outputPath: file("serve.out"), errorPath: accessLog ? file("serve.err") : nil)
    }
}
