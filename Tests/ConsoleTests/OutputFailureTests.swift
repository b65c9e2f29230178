import Foundation
import HTTP
import XCTest

/// Issue 15, "every write to stdout or stderr may fail" (docs/HARDENING.md "Output that cannot
/// be written"): the command line exits 1 with one line and nothing half done; `serve` keeps
/// answering with its log volume full. Real binary, real /dev/full.
final class OutputFailureTests: XCTestCase {
    var fx: ActionStoreFixture!

    override func setUpWithError() throws {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("busops binary not built") }
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        fx = try ActionStoreFixture()
    }

    override func tearDown() { fx = nil }

    /// Runs busops with stdout and stderr each to its own file (or device); status and stderr.
    func run(_ args: [String], stdout: String, env: [String: String] = [:]) -> (status: Int32, stderr: String) {
        let errors = fx.dir + "/stderr-" + UUID().uuidString
        let environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        guard case .success(let pid) = ChildSpawn.start([TmuxSession.binary] + args, env: environment, output: stdout,
                                                        errors: errors) else { return (127, "cannot start") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }

    func testStatsWithStdoutOnAFullDiskExitsOneWithOneLine() {
        for args in [["stats"], ["stats", "--json"], ["list", "orders"]] {
            let r = run(args + ["--db", fx.path], stdout: "/dev/full")
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")   // was 132 (a trap in FileHandle.write)
            XCTAssertEqual(r.stderr, "busops: cannot write to standard output: No space left on device\n", "\(args)")
        }
        let fine = run(["stats", "--db", fx.path], stdout: fx.dir + "/stats.out")
        XCTAssertEqual(fine.status, 0, fine.stderr)
        XCTAssertEqual(fine.stderr, "")
    }

    func testActionWhosePreviewCannotBeWrittenChangesNothing() throws {
        let r = try fx.refundableRow().refund
        let before = try fx.footprint()
        let out = run(["refund", "approve", r.refundId, "--yes", "--db", fx.path], stdout: "/dev/full",
                      env: ["BUSOPS_OPERATOR": "carol"])
        XCTAssertEqual(out.status, 1, out.stderr)
        XCTAssertEqual(out.stderr, "busops: cannot write to standard output (No space left on device): nothing was changed\n")
        XCTAssertEqual(try fx.footprint(), before, "nothing half done: no approval nobody saw announced")
    }

    func testServeKeepsAnsweringWithItsLogVolumeFull() throws {
        let secret = "devfull-test-secret"
        let serve = try ListeningProcess(args: [TmuxSession.binary, "serve", "--db", fx.path, "--listen", "127.0.0.1:0"],
                                         env: ["BUSOPS_QIMEN_SECRET": secret], outputPath: fx.dir + "/serve.out",
                                         errorPath: "/dev/full")
        defer { serve.stop() }
        let client = HTTPClient()
        for i in 0..<20 {   // each one's access line is lost on the full stderr
            let response = try client.post(url: serve.url + "qimen?probe=\(i)", body: Array("{}".utf8), timeout: 3)
            XCTAssertGreaterThanOrEqual(response.status, 200, "request \(i) answered")
        }
        XCTAssertEqual(serve.stop(), 0, "a clean stop, not a crash")
        // With stderr still full, the shutdown line falls back to stdout and counts the losses.
        let out = serve.output
        XCTAssertTrue(out.contains("serve: stopped after 20 requests"), out)
        XCTAssertTrue(out.contains("lines lost on standard error (No space left on device)"), out)
    }

    func testServeListenerLimitsComeFromTheEnvironment() throws {
        let bad = run(["serve", "--db", fx.path, "--listen", "127.0.0.1:0"], stdout: fx.dir + "/bad.out",
                      env: ["BUSOPS_QIMEN_SECRET": "s", "BUSOPS_SERVE_HEAD_TIMEOUT": "soon"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, "busops: BUSOPS_SERVE_HEAD_TIMEOUT must be seconds between 0.1 and 3600\n")

        let serve = try ListeningProcess(args: [TmuxSession.binary, "serve", "--db", fx.path, "--listen", "127.0.0.1:0"],
                                         env: ["BUSOPS_QIMEN_SECRET": "s", "BUSOPS_SERVE_HEAD_TIMEOUT": "1"],
                                         outputPath: fx.dir + "/serve.out")
        defer { serve.stop() }
        guard let port = UInt16(serve.url.split(separator: ":").last?.filter(\.isNumber) ?? "") else { return XCTFail(serve.url) }
        // One byte every 100 ms: closed with 408 about a second after connecting, not pushed back.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var tv = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        let started = Date()
        var answer = ""
        for byte in Array("GET / HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 30) {
            var b = byte
            _ = send(fd, &b, 1, Int32(MSG_NOSIGNAL))
            var buf = [UInt8](repeating: 0, count: 256)
            let n = recv(fd, &buf, buf.count, 0)
            if n > 0 { answer = String(decoding: buf[0..<n], as: UTF8.self); break }
            if n == 0 { break }
        }
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 "), answer)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2.5)
    }
}
