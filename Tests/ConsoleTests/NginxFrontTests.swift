import Foundation
import TestFixtures
import XCTest
import Qimen
import TOP

/// docs/nginx-busops.conf is a tested example: nginx accepts it (`nginx -t`), and a signed Qimen request sent
/// through it over TLS reaches `busops serve` with its query and body intact (the signature still verifies).
final class NginxFrontTests: XCTestCase {
    func testExampleConfigTerminatesTLSAndPassesSignedRequestsUnchanged() throws {
        guard let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("nginx is required in CI (.ci/run installs it)") }
            throw XCTSkip("nginx is not installed")
        }
        let temp = TemporaryStore(label: "busops-nginx")
        let dir = temp.dir
        try FileManager.default.createDirectory(atPath: dir + "/logs", withIntermediateDirectories: true)
        let cert = TmuxSession.run(["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                                    "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem"])
        XCTAssertEqual(cert.status, 0, cert.output)

        XCTAssertEqual(temp.busopsDemo(orders: 50).status, 0)
        let secret = "nginx-test-secret"
        let serve = try temp.busopsServe(env: ["BUSOPS_QIMEN_SECRET": secret])
        defer { serve.stop() }
        let upstream = serve.url.replacingOccurrences(of: "http://", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        let httpPort = try LoopbackPort.unused(), httpsPort = try LoopbackPort.unused()

        // The shipped file, with only the machine-specific parts swapped: ports, certificate, log and upstream paths.
        var site = try String(contentsOfFile: Self.repoRoot + "/docs/nginx-busops.conf", encoding: .utf8)
        for (from, to) in [("server 127.0.0.1:8080;", "server \(upstream);"), ("listen 80;", "listen 127.0.0.1:\(httpPort);"),
                           ("listen 443 ssl http2;", "listen 127.0.0.1:\(httpsPort) ssl;"),
                           ("/etc/nginx/tls/qimen.example-bus.cn.fullchain.pem", dir + "/cert.pem"),
                           ("/etc/nginx/tls/qimen.example-bus.cn.key", dir + "/key.pem"), ("/var/log/nginx/", dir + "/logs/")] {
            XCTAssertTrue(site.contains(from), "the example config still has \(from)")
            site = site.replacingOccurrences(of: from, with: to)
        }
        try site.write(toFile: dir + "/busops.conf", atomically: true, encoding: .utf8)
        let main = """
            daemon off; master_process off; pid \(dir)/nginx.pid; error_log \(dir)/logs/error.log warn;
            events { worker_connections 64; }
            http { access_log off; client_body_temp_path \(dir)/tmp; proxy_temp_path \(dir)/tmp; include \(dir)/busops.conf; }
            """
        try main.write(toFile: dir + "/nginx.conf", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: dir + "/tmp", withIntermediateDirectories: true)
        let check = TmuxSession.run([nginx, "-t", "-p", dir, "-c", dir + "/nginx.conf"])
        XCTAssertEqual(check.status, 0, "nginx -t:\n\(check.output)")

        guard case .success(let front) = ChildSpawn.start([nginx, "-p", dir, "-c", dir + "/nginx.conf"],
                                                          env: ProcessInfo.processInfo.environment, output: dir + "/nginx.out") else {
            throw XCTSkip("cannot start nginx")
        }
        defer { kill(front, SIGTERM); var st: Int32 = 0; waitpid(front, &st, 0) }
        let client = QimenClient(url: "https://127.0.0.1:\(httpsPort)/", secret: Secret(secret))
        let body = Array("{\"cityName\":\"杭\"}".utf8)
        let url = client.signedURL(method: QimenMethodTable.defaults.methodName(.fromCity), body: body, at: Date())
        var answer = ""
        for _ in 0..<50 {   // nginx needs a moment to bind
            let r = TmuxSession.run(["/usr/bin/curl", "-sk", "--max-time", "5", "-H", "Content-Type: application/json;charset=utf-8",
                                     "--data-binary", "{\"cityName\":\"杭\"}", url])
            answer = r.output
            if answer.contains("success") { break }
            usleep(100_000)
        }
        XCTAssertTrue(answer.contains("\"success\":true"), "signed request through nginx verified and answered:\n\(answer)")
        XCTAssertTrue(answer.contains("330100"), "Hangzhou's admin code in the answer:\n\(answer)")
        let log = (try? String(contentsOfFile: dir + "/logs/busops-access.log", encoding: .utf8)) ?? ""
        XCTAssertFalse(log.contains("sign="), "the edge access log never records the signed query:\n\(log)")
    }

    static var repoRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
