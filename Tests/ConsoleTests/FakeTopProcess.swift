import Foundation
import XCTest

/// `busops fake-top` on an ephemeral loopback port, for console tests that watch callbacks arrive. Its
/// JSON-lines call log says what was received and whether the signature verified.
final class FakeTopProcess {
    static let appKey = "12345678"
    static let secret = "console-test-secret-0123456789"

    let pid: pid_t
    let url: String
    let logPath: String

    /// The environment that points a dispatcher at this gateway (merged into the console's).
    var env: [String: String] {
        ["BUSOPS_TOP_GATEWAY": url, "BUSOPS_TOP_APP_KEY": Self.appKey, "BUSOPS_TOP_SECRET": Self.secret]
    }

    init(dir: String) throws {
        logPath = dir + "/fake-top.jsonl"
        let out = dir + "/fake-top.out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let args = [TmuxSession.binary, "fake-top", "--listen", "127.0.0.1:0", "--log", logPath, "--app-key", Self.appKey]
        var environment = ProcessInfo.processInfo.environment
        environment["BUSOPS_TOP_SECRET"] = Self.secret
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, args[0], &actions, nil, &argv, &envp)
        guard rc == 0 else { throw XCTSkip("cannot start fake-top: \(String(cString: strerror(rc)))") }
        pid = child
        // It prints "fake-top listening on http://127.0.0.1:PORT/..." once bound (port 0: the kernel picks one).
        var found: String?
        let deadline = Date().addingTimeInterval(10)
        while found == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
            found = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init)
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            throw NSError(domain: "fake-top", code: 1, userInfo: [NSLocalizedDescriptionKey: "fake-top printed no address: "
                + ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "")])
        }
        url = found
    }

    deinit { stop() }

    private var stopped = false

    /// SIGTERM, then SIGKILL if it has not gone within five seconds; always reaped.
    func stop() {
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); return }
            usleep(20_000)
        }
    }

    /// Logged calls as parsed JSON objects.
    func calls() -> [[String: Any]] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// Waits (bounded) for a call with this de-duplication key ("refund:RT…", "book:BO…").
    func waitForCall(key: String, timeout: TimeInterval = 15) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let c = calls().first(where: { $0["idempotency_key"] as? String == key }) { return c }
            usleep(50_000)
        }
        return nil
    }
}
