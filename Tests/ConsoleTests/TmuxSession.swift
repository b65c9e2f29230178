import Foundation
import TestFixtures
import XCTest

/// Drives the real `busops` binary inside a detached tmux session, as an operator would:
/// send keys, read the screen with capture-pane. Every wait is bounded, so a broken console fails, never hangs.
final class TmuxSession {
    let name: String
    let socket: String
    /// The session's home, socket and exit-status file (TestFixtures' temp directory, removed after the server is killed).
    private let temp: TempDirectory
    var dir: String { temp.dir }

    /// The busops binary next to the test bundle (swift build / swift test put both in the same folder).
    static var binary: String {
        let candidates = [
            Bundle.main.bundlePath, Bundle(for: TmuxSession.self).bundlePath,
            ProcessInfo.processInfo.arguments.first ?? "",
        ].map { ($0 as NSString).deletingLastPathComponent + "/busops" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static func requireTmux() throws {
        if run(["/usr/bin/env", "tmux", "-V"]).status != 0 {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("tmux is required in CI (.ci/run installs it)")
            }
            throw XCTSkip("tmux is not installed")
        }
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            XCTFail("busops binary not found at \(binary); run swift build first")
            throw XCTSkip("no binary")
        }
    }

    init(width: Int = 120, height: Int = 40, command: String, env: [String: String] = [:]) throws {
        try TmuxSession.requireTmux()
        name = "busops-test-\(UUID().uuidString.prefix(8))"
        temp = TempDirectory(name)
        socket = temp.file("tmux.sock")
        var envArgs: [String] = []
        let base = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": dir, "XDG_DATA_HOME": dir + "/data",
                    "XDG_CONFIG_HOME": dir + "/config", "BUSOPS_OPERATOR": "tester"]
        for (k, v) in base.merging(env, uniquingKeysWith: { $1 }) { envArgs += ["-e", "\(k)=\(v)"] }
        // The exit status lands in a file so tests can check a clean exit after `q`.
        let wrapped = "\(command); echo $? > \(dir)/exit-status; sleep 30"
        let r = TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", name,
                                 "-x", String(width), "-y", String(height)] + envArgs + ["sh", "-c", wrapped])
        guard r.status == 0 else { throw NSError(domain: "tmux", code: Int(r.status), userInfo: [NSLocalizedDescriptionKey: r.output]) }
    }

    deinit {
        _ = TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "kill-server"])
    }

    func send(_ keys: String...) {
        _ = TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "send-keys", "-t", name] + keys)
    }

    /// Literal text (no key-name interpretation).
    func type(_ text: String) {
        _ = TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "send-keys", "-t", name, "-l", text])
    }

    func screen() -> String {
        TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "capture-pane", "-p", "-t", name]).output
    }

    func resize(width: Int, height: Int) {
        _ = TmuxSession.run(["/usr/bin/env", "tmux", "-S", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen until `predicate` holds; returns the last screen either way.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen()
            if predicate(last) { return (true, last) }
            usleep(20_000)
        }
        return (false, last)
    }

    func waitFor(_ text: String, timeout: TimeInterval = 10) -> (ok: Bool, screen: String) {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// The console's exit status once it has ended (nil if it has not within the timeout).
    func exitStatus(timeout: TimeInterval = 10) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // The shell creates the file before it writes the number: an empty read is "not yet", not "no status"
            // (read in that gap, a clean exit was reported as nil once in CI).
            if let s = try? String(contentsOfFile: dir + "/exit-status", encoding: .utf8),
               let status = Int(s.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return status
            }
            usleep(20_000)
        }
        return nil
    }

    /// Runs a program to completion with posix_spawn + waitpid (no RunLoop: Foundation's Process.waitUntilExit
    /// can wait forever when a child such as `tmux new-session` leaves a daemon behind). Output goes to a file,
    /// not a pipe, for the same reason.
    @discardableResult
    static func run(_ args: [String], env: [String: String]? = nil) -> (status: Int32, output: String) {
        let temp = TempDirectory("busops-run")
        let out = temp.file("output")
        let pid: pid_t
        switch ChildSpawn.start(args, env: env ?? ProcessInfo.processInfo.environment, output: out) {
        case .success(let p): pid = p
        case .failure(let rc): return (127, "cannot run \(args[0]): \(rc.message)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let data = (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), String(decoding: data, as: UTF8.self))
    }

    /// Runs busops itself (for demo, tick, stats, actions) with a bounded wait.
    @discardableResult
    static func busops(_ args: [String], env: [String: String] = [:]) -> (status: Int32, output: String) {
        var e = ProcessInfo.processInfo.environment
        for (k, v) in env { e[k] = v }
        return run([binary] + args, env: e)
    }
}
