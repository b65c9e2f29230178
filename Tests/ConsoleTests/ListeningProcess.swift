import Foundation
import XCTest

/// A busops server command (`fake-top`, `serve`) started on an ephemeral loopback port. It prints its
/// `http://127.0.0.1:PORT/` once bound; this waits (bounded) for that address. Stopped with SIGTERM, then
/// SIGKILL after five seconds; always reaped.
final class ListeningProcess {
    let pid: pid_t
    let url: String
    let outputPath: String
    private var stopped = false

    init(args: [String], env: [String: String], outputPath: String) throws {
        self.outputPath = outputPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, args[0], &actions, nil, &argv, &envp)
        guard rc == 0 else { throw XCTSkip("cannot start \(args[0]): \(String(cString: strerror(rc)))") }
        pid = child
        var found: String?
        let deadline = Date().addingTimeInterval(10)
        while found == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            found = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init)
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
            throw NSError(domain: "busops", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(args.dropFirst().first ?? "") printed no address: "
                + ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "")])
        }
        url = found
    }

    deinit { stop() }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

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
}
