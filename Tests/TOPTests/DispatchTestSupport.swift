// Shared pieces for the dispatcher tests: a store in a temp directory, outbox rows, an
// in-process fake-top on an ephemeral loopback port, and a clock tests can move forward.

import Foundation
import XCTest
import Store
@testable import TOP

let testSecret = "dispatch-test-secret"
let testAppKey = "12345678"

/// A store file that disappears with the test.
final class DispatchTempStore {
    let dir: String
    let path: String
    let store: Store

    init(demoOrders: Int? = nil) throws {
        dir = NSTemporaryDirectory() + "busops-top-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        path = dir + "/store.sqlite"
        if let demoOrders {
            store = try DemoGenerator.create(path: path, options: .init(orders: demoOrders, seed: 5), force: false)
        } else {
            store = try Store(path: path)
        }
    }

    /// Queues `count` refund confirmations with unique transaction ids, due now. Raw SQL on
    /// purpose: the dispatcher must cope with whatever a committed action left.
    @discardableResult
    func queueRefunds(_ count: Int, prefix: String = "RT", now: Int = Int(Date().timeIntervalSince1970)) throws -> [String] {
        var keys: [String] = []
        try store.db.transaction {
            for i in 0..<count {
                let key = "\(prefix)\(String(format: "%06d", i))"
                let params = "{\"agent_order_id\":\"A\(i)\",\"agent_return_ticket_status\":1,\"agent_return_ticket_type\":1,"
                    + "\"agent_refund_amount\":\"10.5\",\"agent_refund_trans_id\":\"\(key)\"}"
                try store.db.run("""
                    INSERT INTO outbox (method, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
                    VALUES ('taobao.bus.agent.refund.confirm', ?, ?, 'pending', 0, ?, ?, ?)
                    """, .text(key), .text(params), .of(now), .of(now), .of(now))
                keys.append(key)
            }
        }
        return keys
    }

    func states() throws -> [String: Int] {
        let s = try store.db.prepare("SELECT state, count(*) FROM outbox GROUP BY state")
        var out: [String: Int] = [:]
        for (k, v) in try s.all({ ($0.text(0), $0.int(1)) }) { out[k] = v }
        return out
    }

    func row(key: String) throws -> (state: String, attempts: Int, next: Int, code: String?, subCode: String?, msg: String?,
                                     request: String?, response: String?) {
        let s = try store.db.prepare("""
            SELECT state, attempts, next_attempt_at, last_code, last_sub_code, last_msg, last_request, last_response
            FROM outbox WHERE idempotency_key = ?
            """)
        try s.bind([.text(key)])
        return try s.all { r in
            (r.text(0), r.int(1), r.int(2), r.optionalText(3), r.optionalText(4), r.optionalText(5), r.optionalText(6),
             r.optionalText(7))
        }[0]
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }
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
