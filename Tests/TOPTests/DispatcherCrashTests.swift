// kill -9 the real `busops dispatch` at many points while it sends, restart it, and check the
// gateway's log: every callback arrived, and none was processed twice (re-sends of calls whose
// answer was lost show up as duplicates, which Fliggy, like the fake, does not act on again).

import Foundation
import XCTest
import Store
@testable import TOP

final class DispatcherCrashTests: XCTestCase {
    /// `BUSOPS_BIN`, else the busops binary next to the test bundle (a full `swift build`).
    static var binary: String? {
        if let p = ProcessInfo.processInfo.environment["BUSOPS_BIN"], FileManager.default.isExecutableFile(atPath: p) { return p }
        // On Linux Bundle.main is the build folder itself; the test executable's own path is the reliable anchor.
        let candidates = [Bundle.main.bundlePath, Bundle(for: DispatcherCrashTests.self).bundlePath, CommandLine.arguments.first ?? ""]
            .map { ($0 as NSString).deletingLastPathComponent + "/busops" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func testKilledDispatcherLosesNothingAndPaysNothingTwice() throws {
        guard let binary = Self.binary else { throw XCTSkip("busops binary not built (set BUSOPS_BIN or run swift build)") }
        let t = try DispatchTempStore()
        // Enough rows that three dozen kills land before everything is through (issue 15: a few dozen kills).
        let rows = 600
        let keys = try t.queueRefunds(rows)
        let top = try RunningFakeTop(fault: FakeTopFaultSpec(fault: .slow))
        top.gateway.slowMillis = 15  // processed first, answered late: a kill often lands in between
        let env = [
            "BUSOPS_TOP_GATEWAY": top.server.url.absoluteString, "BUSOPS_TOP_APP_KEY": testAppKey,
            "BUSOPS_TOP_SECRET": testSecret, "PATH": "/usr/bin:/bin",
        ]
        let args = ["dispatch", "--db", t.path, "--lease", "2", "--timeout", "1", "--batch", "4"]
        var rng = SystemRandomNumberGenerator()
        var kills = 0
        for _ in 0..<36 {
            let child = try spawn(binary, args, env: env)
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...0.3, using: &rng))
            if child.isRunning {
                kill(child.processIdentifier, SIGKILL)
                kills += 1
            }
            child.waitUntilExit()
            if try t.store.outboxUnfinishedCount() == 0 { break }
        }
        // Restart until everything is through; claims left by killed children lapse after the lease.
        let deadline = Date().addingTimeInterval(60)
        while try t.store.outboxUnfinishedCount() > 0, Date() < deadline {
            let child = try spawn(binary, args + ["--once"], env: env)
            child.waitUntilExit()
            XCTAssertEqual(child.terminationStatus, 0)
            if try t.store.outboxUnfinishedCount() > 0 { Thread.sleep(forTimeInterval: 0.5) }
        }
        XCTAssertGreaterThanOrEqual(kills, 24, "a few dozen kills mid-run")
        XCTAssertEqual(try t.states(), ["sent": rows])
        let calls = top.gateway.calls
        for key in keys {
            let mine = calls.filter { $0.idempotencyKey == "refund:\(key)" }
            XCTAssertEqual(mine.filter { !$0.duplicate }.count, 1, "\(key) processed once")
            XCTAssertTrue(mine.allSatisfy(\.signOK), key)
        }
        XCTAssertEqual(top.gateway.processedCount, rows)
        // Re-sends are the price of a kill between send and record; they must all be flagged.
        let duplicates = calls.filter(\.duplicate).count
        XCTAssertEqual(calls.count, rows + duplicates)
        print("crash test: \(kills) kills, \(duplicates) duplicate deliveries flagged, \(rows) rows processed once")
    }

    private func spawn(_ binary: String, _ args: [String], env: [String: String]) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }
}
