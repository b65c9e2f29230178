// The real binary's `fake-top`, `dispatch --once` and `config check`, end to end on loopback.

import Foundation
import XCTest
import Store
@testable import TOP

final class ServiceCommandTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "busops-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func binary() throws -> String {
        guard let b = DispatcherCrashTests.binary else { throw XCTSkip("busops binary not built (set BUSOPS_BIN or run swift build)") }
        return b
    }

    private func secretFile(mode: Int) throws -> String {
        let path = dir + "/secret"
        try Data((testSecret + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    /// Runs to completion (bounded), returning status and stdout+stderr.
    private func run(_ args: [String], env: [String: String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = args
        p.environment = env.merging(["PATH": "/usr/bin:/bin"]) { a, _ in a }
        let out = dir + "/out-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        let deadline = Date().addingTimeInterval(30)
        while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        try handle.close()
        return (p.terminationStatus, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "")
    }

    func testFakeTopServesDispatchAndStopsOnSigterm() throws {
        let b = try binary()
        let secret = try secretFile(mode: 0o600)
        let store = try DispatchTempStore()
        let keys = try store.queueRefunds(25)
        let env = ["BUSOPS_TOP_APP_KEY": testAppKey, "BUSOPS_TOP_SECRET_FILE": secret]

        let fake = Process()
        fake.executableURL = URL(fileURLWithPath: b)
        fake.arguments = ["fake-top", "--listen", "127.0.0.1:0", "--log", dir + "/calls.jsonl", "--fault", "http500:2"]
        fake.environment = env
        let outPath = dir + "/fake.out"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        fake.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        fake.standardError = FileHandle.nullDevice
        try fake.run()
        defer { if fake.isRunning { kill(fake.processIdentifier, SIGKILL) } }
        var url: String?
        let deadline = Date().addingTimeInterval(10)
        while url == nil, Date() < deadline {
            let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
            url = text.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
            if url == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let gateway = try XCTUnwrap(url, "fake-top printed no address")

        let (status, output) = try run(["dispatch", "--db", store.path, "--once"], env: env.merging(["BUSOPS_TOP_GATEWAY": gateway]) { a, _ in a })
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "sent 23, retried 2, dead-lettered 0")
        XCTAssertEqual(try store.states(), ["sent": 23, "pending": 2])

        kill(fake.processIdentifier, SIGTERM)
        let stopBy = Date().addingTimeInterval(10)
        while fake.isRunning, Date() < stopBy { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(fake.isRunning, "fake-top did not stop on SIGTERM")
        let log = try String(contentsOfFile: dir + "/calls.jsonl", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(log.count, 25)
        XCTAssertEqual(log.filter { $0.contains("\"answer\":\"http 500\"") }.count, 2)
        XCTAssertTrue(log.contains { $0.contains("refund:\(keys[24])") })
        XCTAssertFalse(log.contains { $0.contains(testSecret) })
    }

    func testFakeTopRefusesNonLoopbackWithoutAllowRemote() throws {
        let secret = try secretFile(mode: 0o600)
        let (status, output) = try run(["fake-top", "--listen", "0.0.0.0:0", "--app-key", "k", "--secret-file", secret], env: [:])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("--allow-remote"), output)
    }

    func testConfigCheckNeverPrintsTheSecretAndRefusesAReadableFile() throws {
        let secret = try secretFile(mode: 0o600)
        let env = ["BUSOPS_TOP_APP_KEY": testAppKey, "BUSOPS_TOP_SECRET_FILE": secret, "BUSOPS_TOP_GATEWAY": "sandbox",
                   "BUSOPS_TOP_SESSION": "the-session-token"]
        let (ok, text) = try run(["config", "check"], env: env)
        XCTAssertEqual(ok, 0, text)
        XCTAssertTrue(text.contains("ready: TOP callbacks can be sent"), text)
        XCTAssertFalse(text.contains(testSecret))
        XCTAssertFalse(text.contains("the-session-token"))

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret)
        let (bad, reason) = try run(["config", "check"], env: env)
        XCTAssertEqual(bad, 1)
        XCTAssertTrue(reason.contains("0644"), reason)

        let (missing, why) = try run(["config", "check"], env: [:])
        XCTAssertEqual(missing, 1)
        XCTAssertTrue(why.contains("BUSOPS_TOP_GATEWAY"), why)
    }

    func testDispatchRefusesWithoutConfigurationAndKeepsRows() throws {
        let store = try DispatchTempStore()
        try store.queueRefunds(3)
        let (status, output) = try run(["dispatch", "--db", store.path, "--once"], env: [:])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("callbacks stay pending"), output)
        XCTAssertEqual(try store.states(), ["pending": 3])
    }
}
