import Foundation
import XCTest

/// `busops fake-top` on an ephemeral loopback port, for console tests that watch callbacks arrive. Its
/// JSON-lines call log says what was received and whether the signature verified.
final class FakeTopProcess {
    static let appKey = "12345678"
    static let secret = "console-test-secret-0123456789"

    let process: ListeningProcess
    let logPath: String
    var url: String { process.url }

    /// The environment that points a dispatcher at this gateway (merged into the console's).
    var env: [String: String] {
        ["BUSOPS_TOP_GATEWAY": url, "BUSOPS_TOP_APP_KEY": Self.appKey, "BUSOPS_TOP_SECRET": Self.secret]
    }

    /// `port` 0 lets the kernel pick; a test that saw a gateway refused on a port brings it up there.
    init(dir: String, port: Int = 0) throws {
        logPath = dir + "/fake-top.jsonl"
        process = try ListeningProcess(
            args: [TmuxSession.binary, "fake-top", "--listen", "127.0.0.1:\(port)", "--log", logPath, "--app-key", Self.appKey],
            env: ["BUSOPS_TOP_SECRET": Self.secret], outputPath: dir + "/fake-top.out")
    }

    func stop() { process.stop() }

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
