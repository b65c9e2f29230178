// Several dispatchers on one store, the kill switch, a missing configuration, and the thread
// wrapper the console uses.

import Foundation
import XCTest
import Store
@testable import TOP

final class DispatcherConcurrencyTests: XCTestCase {
    /// Two dispatchers, each on its own connection and thread, drain 300 rows at once: every row
    /// reaches the gateway exactly once (a concurrent double send would show as a duplicate).
    func testTwoDispatchersNeverSendTheSameRow() throws {
        let t = try DispatchTempStore()
        let keys = try t.queueRefunds(300)
        let top = try RunningFakeTop()
        let config = top.config
        let path = t.path
        let reports = ReportBox()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let store = try Store(path: path, create: false)
                    var settings = fastSettings()
                    settings.batchSize = 8  // small batches interleave the two claimers
                    let d = OutboxDispatcher(store: store, config: config, transport: HTTPClientTransport(), settings: settings)
                    reports.add(try d.drain())
                } catch {
                    reports.fail("\(error)")
                }
            }.start()
        }
        XCTAssertEqual(group.wait(timeout: .now() + 60), .success)
        XCTAssertNil(reports.error)
        XCTAssertEqual(reports.all.map(\.sent).reduce(0, +), 300)
        XCTAssertTrue(reports.all.allSatisfy { $0.sent > 0 }, "both dispatchers took part: \(reports.all.map(\.sent))")
        let calls = top.gateway.calls
        XCTAssertEqual(calls.count, 300)
        XCTAssertFalse(calls.contains { $0.duplicate })
        XCTAssertEqual(Set(calls.compactMap(\.idempotencyKey)), Set(keys.map { "refund:\($0)" }))
        XCTAssertEqual(try t.states(), ["sent": 300])
    }

    func testPausedStoreSendsNothingUntilResumed() throws {
        let t = try DispatchTempStore()
        try t.queueRefunds(5)
        let top = try RunningFakeTop()
        try t.store.db.run("INSERT INTO meta (key, value) VALUES ('sending_paused', '1')")
        let d = OutboxDispatcher(store: t.store, config: top.config, transport: HTTPClientTransport(), settings: fastSettings())
        let paused = try d.drain()
        XCTAssertTrue(paused.paused)
        XCTAssertEqual(paused.claimed, 0)
        XCTAssertTrue(top.gateway.calls.isEmpty)
        XCTAssertEqual(try t.states(), ["pending": 5])
        try t.store.db.run("UPDATE meta SET value = '0' WHERE key = 'sending_paused'")
        XCTAssertEqual(try d.drain().sent, 5)
    }

    func testMissingConfigurationRefusesAndKeepsRowsPending() throws {
        let t = try DispatchTempStore()
        try t.queueRefunds(2)
        let config = TopConfig(gateway: URL(string: "http://127.0.0.1:9/router/rest"), appKey: nil, secret: nil)
        let report = try OutboxDispatcher(store: t.store, config: config, transport: HTTPClientTransport()).drain()
        XCTAssertEqual(report.claimed, 0)
        let reason = try XCTUnwrap(report.refused)
        XCTAssertTrue(reason.contains("BUSOPS_TOP_APP_KEY"), reason)
        XCTAssertEqual(try t.states(), ["pending": 2])
    }

    /// The console's thread: sends on its own connection, notices a pause, stops when asked.
    func testDispatcherThreadSendsAndStops() throws {
        let t = try DispatchTempStore()
        try t.queueRefunds(20)
        let top = try RunningFakeTop()
        let problems = ReportBox()
        let handle = DispatcherThread.start(storePath: t.path, config: top.config, settings: fastSettings(),
                                            transport: HTTPClientTransport(), log: { problems.fail($0) })
        defer { handle.stop() }
        XCTAssertTrue(waitUntil { top.gateway.calls.count == 20 })
        XCTAssertTrue(waitUntil { (try? t.states()) == ["sent": 20] })
        try t.store.db.run("INSERT INTO meta (key, value) VALUES ('sending_paused', '1')")
        XCTAssertTrue(waitUntil { handle.lastProblem == "sending is paused" })
        try t.queueRefunds(3, prefix: "LATE")
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(top.gateway.calls.count, 20, "nothing sent while paused")
        try t.store.db.run("UPDATE meta SET value = '0' WHERE key = 'sending_paused'")
        XCTAssertTrue(waitUntil { top.gateway.calls.count == 23 })
        XCTAssertTrue(waitUntil { handle.lastProblem == nil })
        XCTAssertTrue(handle.stop(timeout: 5))
    }

    private func waitUntil(seconds: TimeInterval = 10, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition()
    }
}

final class ReportBox: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [DispatchReport] = []
    private var firstError: String?
    func add(_ r: DispatchReport) { lock.withLock { reports.append(r) } }
    func fail(_ e: String) { lock.withLock { if firstError == nil { firstError = e } } }
    var all: [DispatchReport] { lock.withLock { reports } }
    var error: String? { lock.withLock { firstError } }
}
