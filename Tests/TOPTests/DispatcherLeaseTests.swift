// Claims and leases seen from the dispatcher: it never starts a call that could outlive its
// claim, and rows it cannot send go back rather than linger.

import Foundation
import XCTest
import Store
@testable import TOP

/// Answers every call with success, moving a clock forward as if each call took `seconds`.
private final class SlowStubTransport: TopTransport, @unchecked Sendable {
    let clock: SteppingClock
    let seconds: TimeInterval
    private let lock = NSLock()
    private var bodies: [[UInt8]] = []

    init(clock: SteppingClock, seconds: TimeInterval) {
        self.clock = clock
        self.seconds = seconds
    }

    var calls: Int { lock.withLock { bodies.count } }

    func post(url: URL, body: [UInt8], contentType: String, timeout: TimeInterval) -> TransportResult {
        lock.withLock { bodies.append(body) }
        clock.advance(seconds)
        return .answered(status: 200, body: Array(#"{"is_success":true,"result_code":"SUCCESS"}"#.utf8))
    }
}

final class DispatcherLeaseTests: XCTestCase {
    func testClaimsThatCouldLapseMidCallAreGivenBack() throws {
        let t = try DispatchTempStore()
        try t.queueRefunds(5)
        let clock = SteppingClock()
        let transport = SlowStubTransport(clock: clock, seconds: 2)
        var settings = fastSettings(timeout: 1)
        settings.leaseSeconds = 4
        let config = TopConfig(gateway: URL(string: "http://127.0.0.1:9/router/rest"), appKey: testAppKey, secret: Secret(testSecret))
        let d = OutboxDispatcher(store: t.store, config: config, transport: transport, clock: clock.now, settings: settings)
        // Lease 4 s, each call 2 s, 1 s timeout + 2 s margin: the first call fits, the second would not.
        let report = try d.runOnce()
        XCTAssertEqual([report.claimed, report.sent, report.released], [5, 1, 4])
        XCTAssertEqual(try t.states(), ["sent": 1, "pending": 4])
        // Given back, not lost: the next pass takes them again.
        XCTAssertEqual(try d.runOnce().sent, 1)
        XCTAssertEqual(transport.calls, 2)
    }

    func testUnknownMethodIsADeadLetterNotALoop() throws {
        let t = try DispatchTempStore()
        let now = Int(Date().timeIntervalSince1970)
        try t.store.db.run("""
            INSERT INTO outbox (method, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
            VALUES ('taobao.bus.no.such.api', 'K1', '{}', 'pending', 0, ?, ?, ?)
            """, .of(now), .of(now), .of(now))
        let clock = SteppingClock()
        let transport = SlowStubTransport(clock: clock, seconds: 0)
        let config = TopConfig(gateway: URL(string: "http://127.0.0.1:9/router/rest"), appKey: testAppKey, secret: Secret(testSecret))
        let report = try OutboxDispatcher(store: t.store, config: config, transport: transport, settings: fastSettings()).drain()
        XCTAssertEqual(report.deadLettered, 1)
        XCTAssertEqual(transport.calls, 0)
        XCTAssertEqual(try t.row(key: "K1").code, "unknown-method")
    }
}
