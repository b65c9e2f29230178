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

    init(args: [String], env: [String: String], outputPath: String, errorPath: String? = nil) throws {
        self.outputPath = outputPath
        let child: pid_t
        switch ChildSpawn.start(args, env: ProcessInfo.processInfo.environment.merging(env) { $1 }, output: outputPath,
                                errors: errorPath) {
        case .success(let p): child = p
        case .failure(let rc): throw XCTSkip("cannot start \(args[0]): \(rc.message)")
        }
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

    /// Exit status after SIGTERM (128 + signal when killed), nil if it was stopped before.
    @discardableResult
    func stop() -> Int32? {
        guard !stopped else { return nil }
        stopped = true
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); return 128 + SIGKILL }
            usleep(20_000)
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
