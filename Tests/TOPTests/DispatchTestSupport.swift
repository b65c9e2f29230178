// Shared pieces for the dispatcher tests: a store in a temp directory, outbox rows, an
// in-process fake-top on an ephemeral loopback port, and a clock tests can move forward.

import Foundation
import XCTest
import Store
@testable import TOP
import TestFixtures

let testSecret = "dispatch-test-secret"
let testAppKey = "12345678"

/// A store file that disappears with the test (TestFixtures' TemporaryStore), with the outbox helpers.
final class DispatchTempStore {
    let temp: TemporaryStore
    let store: Store
    var dir: String { temp.dir }
    var path: String { temp.path }

    init(demoOrders: Int? = nil) throws {
        temp = TemporaryStore(label: "busops-top")
        if let demoOrders {
            store = try temp.demo(orders: demoOrders, seed: 5, now: ChinaTime.now())
        } else {
            store = try temp.open()
        }
    }

    /// Queues `count` refund confirmations with unique transaction ids, due now (TestFixtures' raw-SQL rows).
    @discardableResult
    func queueRefunds(_ count: Int, prefix: String = "RT", now: Int = Int(Date().timeIntervalSince1970)) throws -> [String] {
        try store.queueRefundConfirmations(count, prefix: prefix, now: now)
    }

    func states() throws -> [String: Int] { try store.outboxStates() }

    func row(key: String) throws -> (state: String, attempts: Int, next: Int, code: String?, subCode: String?, msg: String?,
                                     request: String?, response: String?) {
        let r = try store.outboxRow(key: key)
        return (r.state, r.attempts, r.next, r.code, r.subCode, r.msg, r.request, r.response)
    }
}

/// A fake-top on 127.0.0.1, port chosen by the kernel.
final class RunningFakeTop {
    /// A loopback port with nobody listening: a fake gateway binds port 0, and the port is read back and closed.
    static func closedPort() throws -> UInt16 {
        let top = try RunningFakeTop()
        let port = top.server.port
        top.server.stop()
        return port
    }


    let gateway: FakeTopGateway
    let server: FakeTopServer

    init(fault: FakeTopFaultSpec? = nil, hangCapMillis: Int = 1500, logPath: String? = nil) throws {
        gateway = FakeTopGateway(secret: testSecret, appKey: testAppKey, fault: fault, logPath: logPath)
        gateway.banSeconds = 3
        gateway.slowMillis = 200
        server = FakeTopServer(gateway: gateway, port: 0, workers: 4, hangCapMillis: hangCapMillis)
        try server.start()
    }

    var config: TopConfig {
        TopConfig(gateway: server.url, appKey: testAppKey, secret: Secret(testSecret))
    }

    deinit { server.stop() }
}

/// Real time plus an offset the test moves forward, so retries become due without waiting
/// (the fake's 10-minute timestamp window still holds).
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0
    func now() -> Date { lock.withLock { Date().addingTimeInterval(offset) } }
    func advance(_ seconds: TimeInterval) { lock.withLock { offset += seconds } }
}

func fastSettings(timeout: TimeInterval = 1, maxAttempts: Int = 12) -> DispatcherSettings {
    var s = DispatcherSettings()
    s.requestTimeout = timeout
    s.leaseSeconds = 10
    s.idleSleep = 0.05
    s.maxAttempts = maxAttempts
    return s
}
