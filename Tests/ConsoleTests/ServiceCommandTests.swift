// The real binary's `fake-top`, `dispatch --once` and `config check`, end to end on loopback.

import Foundation
import Store
import TestFixtures
import XCTest

/// Console's service commands (specs beside their handlers in Sources/Console/Commands/Serve and Services, listed in
/// Sources/Console/CLI/ServiceCommands.swift) through the real binary.
final class ServiceCommandTests: XCTestCase {
    private let testSecret = "dispatch-test-secret"
    private let testAppKey = "12345678"
    /// TestFixtures' temp store: the store at `temp.path`, secrets and logs next to it in `dir`.
    private var temp: TemporaryStore!
    private var dir: String { temp.dir }

    override func setUpWithError() throws {
        temp = TemporaryStore(label: "busops-cli")
    }

    override func tearDown() { temp = nil }

    private func binary() throws -> String {
        guard FileManager.default.isExecutableFile(atPath: TmuxSession.binary) else { throw XCTSkip("busops binary not built (run swift build)") }
        return TmuxSession.binary
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
        XCTAssertTrue(FileManager.default.createFile(atPath: out, contents: nil))
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
        let store = try temp.open()
        let keys = try store.queueRefundConfirmations(25)
        let env = ["BUSOPS_TOP_APP_KEY": testAppKey, "BUSOPS_TOP_SECRET_FILE": secret]

        let fake = Process()
        fake.executableURL = URL(fileURLWithPath: b)
        fake.arguments = ["fake-top", "--listen", "127.0.0.1:0", "--log", dir + "/calls.jsonl", "--fault", "http500:2"]
        fake.environment = env
        let outPath = dir + "/fake.out"
        XCTAssertTrue(FileManager.default.createFile(atPath: outPath, contents: nil))
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

        let (status, output) = try run(["dispatch", "--db", temp.path, "--once"], env: env.merging(["BUSOPS_TOP_GATEWAY": gateway]) { a, _ in a })
        XCTAssertEqual(status, 0, output)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), "sent 23, retried 2, dead-lettered 0")
        XCTAssertEqual(try store.outboxStates(), ["sent": 23, "pending": 2])

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

    /// README: "Every command takes --help". A group word (ticket, refund, …) with --help used to exit 2 with
    /// "'ticket' needs one of …" on stderr; it now lists the group's subcommands with their usage on stdout.
    func testEveryCommandGroupAnswersHelpWithItsSubcommands() throws {
        for (group, subs) in [("ticket", ["ticket issue ORDER", "ticket fail ORDER"]), ("refund", ["refund approve", "refund money"]),
                              ("schedule", ["schedule stop", "schedule change"]), ("config", ["config check"])] {
            let (status, output) = try run([group, "--help"], env: [:])
            XCTAssertEqual(status, 0, output)
            for sub in subs { XCTAssertTrue(output.contains("busops " + sub), output) }
            XCTAssertFalse(output.contains("needs one of"), output)
        }
        let (status, output) = try run(["ticket"], env: [:])
        XCTAssertEqual(status, 2, "without --help a bare group is still a usage error")
        XCTAssertTrue(output.contains("needs one of"), output)
    }

    /// A word where a command takes none was ignored: `busops stats EXTRA --db X` printed X's counts, `backup` and
    /// `dispatch` ran. It is a usage error now (exit 2); commands with positionals keep them.
    func testAStrayWordIsAUsageErrorWhereACommandTakesNone() throws {
        for args in [["stats", "EXTRA", "--db", temp.path], ["due", "EXTRA", "--db", temp.path], ["status", "EXTRA", "--db", temp.path],
                     ["config", "check", "EXTRA"], ["backup", "EXTRA", "--to", dir + "/never.sqlite", "--db", temp.path],
                     ["demo", "EXTRA", "--tick", "1", "--db", temp.path]] {
            let (status, output) = try run(args, env: [:])
            XCTAssertEqual(status, 2, "\(args): \(output)")
            XCTAssertTrue(output.contains("unexpected argument 'EXTRA'"), "\(args): \(output)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/never.sqlite"))
        let (status, output) = try run(["list", "orders", "--db", temp.path, "--limit", "1"], env: [:])
        XCTAssertNotEqual(status, 2, output)
    }

    /// `demo --tick 5 --orders 100` added 5 orders and ignored --orders without a word. Each option that only
    /// shapes a new store is refused beside --tick (exit 2, one line naming it) and the store is left as it was.
    func testDemoTickRefusesTheOptionsItWouldIgnore() throws {
        _ = try temp.demo(orders: 5, seed: 1)
        let list = ["list", "orders", "--db", temp.path, "--limit", "1000"]
        let (_, before) = try run(list, env: [:])
        for extra in [["--orders", "100"], ["--seed", "7"], ["--force"]] {
            let (status, output) = try run(["demo", "--db", temp.path, "--tick", "3"] + extra, env: [:])
            XCTAssertEqual(status, 2, "\(extra): \(output)")
            XCTAssertTrue(output.contains("\(extra[0]) is only for creating one"), "\(extra): \(output)")
        }
        XCTAssertEqual(try run(list, env: [:]).1, before, "a refused tick added orders")
        let (status, output) = try run(["demo", "--db", temp.path, "--tick", "2"], env: [:])
        XCTAssertEqual(status, 0, output)
        XCTAssertNotEqual(try run(list, env: [:]).1, before, "a tick alone still adds orders")
    }

    func testSelftestRefusesEachExplainSignOptionWithoutExplainSign() throws {
        let (_, help) = try run(["selftest", "--help"], env: [:])
        for (option, value) in [("url", "http://x/?a=1"), ("body", "a=1"), ("body-file", "/nonexistent"), ("header", "a:b")] {
            let (status, output) = try run(["selftest", "--qimen", "http://127.0.0.1:1/", "--\(option)", value], env: [:])
            XCTAssertEqual(status, 2, output)
            XCTAssertTrue(output.contains("--\(option) goes with --explain-sign"), output)
            XCTAssertTrue(help.contains("--\(option) "), help)
        }
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
        let store = try temp.open()
        try store.queueRefundConfirmations(3)
        let (status, output) = try run(["dispatch", "--db", temp.path, "--once"], env: [:])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(output.contains("callbacks stay pending"), output)
        XCTAssertEqual(try store.outboxStates(), ["pending": 3])
    }
}
