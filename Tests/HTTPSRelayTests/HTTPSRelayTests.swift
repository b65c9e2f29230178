// The real `busops-https` relay, driven the way the dispatcher drives it: answers come back whole,
// failures keep their kind, a dead relay is replaced, a missing one is named, and an untrusted
// certificate is a TLS failure (a real handshake against `openssl s_server` on loopback).

import Foundation
import TestFixtures
@testable import TOP
import XCTest

final class HTTPSRelayTests: XCTestCase {
    /// TOP's fake gateway on 127.0.0.1, port chosen by the kernel, stopped when the test's value goes.
    final class FakeGateway {
        let server = FakeTopServer(gateway: FakeTopGateway(secret: "relay-test-secret", appKey: "12345678", fault: nil, logPath: nil),
                                   port: 0, workers: 2)
        init() throws { try server.start() }
        deinit { server.stop() }
    }

    /// The relay next to the test bundle (`swift build` puts every product in the same folder).
    static func relay() throws -> String {
        let candidates = [Bundle.main.bundlePath, Bundle(for: HTTPSRelayTests.self).bundlePath, CommandLine.arguments.first ?? ""]
            .map { ($0 as NSString).deletingLastPathComponent + "/busops-https" }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("busops-https not built next to the tests") }
        throw XCTSkip("busops-https not built (run swift build)")
    }

    func testAnswersAndRefusalsComeBackThroughTheRelay() throws {
        let transport = HTTPSRelayTransport(executable: try Self.relay())
        let top = try FakeGateway()
        // URLSession in the relay speaks plain HTTP too, so fake-top on loopback can answer it.
        let answered = transport.post(url: top.server.url, body: Array("a=1".utf8), contentType: TopRequest.contentType, timeout: 5)
        guard case let .answered(status, body) = answered else { return XCTFail("\(answered)") }
        XCTAssertEqual(status, 200)
        XCTAssertEqual(try TopResponse.parse(body), .platformError(code: 40, msg: "Missing Required Arguments", subCode: nil, subMsg: nil))

        let port = try LoopbackPort.unused()
        let refused = transport.post(url: URL(string: "https://127.0.0.1:\(port)/router/rest")!, body: [],
                                     contentType: TopRequest.contentType, timeout: 3)
        XCTAssertEqual(refused, .failed(.connectionRefused))
    }

    func testGatewayTransportSendsHTTPSThroughTheRelay() throws {
        let port = try LoopbackPort.unused()
        let gateway = GatewayTransport(relay: try Self.relay())
        XCTAssertEqual(gateway.post(url: URL(string: "https://127.0.0.1:\(port)/router/rest")!, body: [],
                                    contentType: TopRequest.contentType, timeout: 3), .failed(.connectionRefused))
        let missing = GatewayTransport(relay: "/nonexistent/busops-https")
        guard case .failed(.other(let why)) = missing.post(url: URL(string: "https://127.0.0.1:\(port)/")!, body: [],
                                                           contentType: TopRequest.contentType, timeout: 1) else {
            return XCTFail("a missing relay is a failure")
        }
        XCTAssertTrue(why.contains("/nonexistent/busops-https") && why.contains("swift build --product busops-https"), why)
    }

    func testAKilledRelayIsReplacedOnTheNextCall() throws {
        let transport = HTTPSRelayTransport(executable: try Self.relay())
        let top = try FakeGateway()
        let first = transport.post(url: top.server.url, body: [], contentType: TopRequest.contentType, timeout: 5)
        guard case .answered = first, let pid = transport.relayPid else { return XCTFail("\(first)") }
        kill(pid, SIGKILL)
        usleep(50_000)
        let lost = transport.post(url: top.server.url, body: [], contentType: TopRequest.contentType, timeout: 5)
        XCTAssertEqual(lost, .failed(.other("HTTPS relay stopped")), "the call in flight on a dead relay fails, for the retry policy")
        let again = transport.post(url: top.server.url, body: [], contentType: TopRequest.contentType, timeout: 5)
        guard case .answered(200, _) = again else { return XCTFail("\(again)") }
        XCTAssertNotEqual(transport.relayPid, pid)
    }

    func testAnUntrustedCertificateIsATLSFailure() throws {
        let relay = try Self.relay()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("openssl is required in CI (.ci/run installs it)") }
            throw XCTSkip("openssl not installed")
        }
        let temp = TempDirectory("busops-tls")
        let dir = temp.dir
        XCTAssertEqual(run(["/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1",
                            "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem"]), 0)
        let port = try LoopbackPort.unused()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        server.arguments = ["s_server", "-accept", "127.0.0.1:\(port)", "-cert", dir + "/cert.pem", "-key", dir + "/key.pem", "-www", "-quiet"]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        let transport = HTTPSRelayTransport(executable: relay)
        var result = TransportResult.failed(.connectionRefused)
        for _ in 0..<50 where result == .failed(.connectionRefused) {   // s_server needs a moment to listen
            usleep(100_000)
            result = transport.post(url: URL(string: "https://127.0.0.1:\(port)/router/rest")!, body: [],
                                    contentType: TopRequest.contentType, timeout: 5)
        }
        guard case .failed(.other(let why)) = result else { return XCTFail("a self-signed certificate must not be trusted: \(result)") }
        XCTAssertTrue(why.hasPrefix("TLS failure"), why)
    }

    private func run(_ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: args[0])
        p.arguments = Array(args.dropFirst())
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
