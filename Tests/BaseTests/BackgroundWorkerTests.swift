import Foundation
import XCTest
@testable import Base

/// The one background-worker type: rounds at its pace, stop waits for the round in progress, the final round.
final class BackgroundWorkerTests: XCTestCase {
    final class Rounds: @unchecked Sendable {
        let lock = NSLock()
        var count = 0, lastRounds = 0, inRound = false, overlapped = false
        func enter(_ last: Bool) {
            lock.withLock { if inRound { overlapped = true }; inRound = true; count += 1; if last { lastRounds += 1 } }
        }
        func leave() { lock.withLock { inRound = false } }
    }

    func testRoundsRunAtThePeriodAndStopWaitsForTheRoundInProgress() {
        let r = Rounds()
        let worker = BackgroundWorker(name: "test", period: 0.01) { last in
            r.enter(last)
            Thread.sleep(forTimeInterval: 0.02)   // a round in progress when stop() is called
            r.leave()
            return .period
        }
        worker.start()
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertTrue(worker.stop(timeout: 2))
        let after = r.lock.withLock { r.count }
        XCTAssertGreaterThan(after, 2, "it ran rounds")
        XCTAssertFalse(r.lock.withLock { r.inRound }, "stop returned only after the round ended")
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertEqual(r.lock.withLock { r.count }, after, "no round after stop")
        XCTAssertEqual(r.lastRounds, 0, "no final round unless asked")
        XCTAssertFalse(r.overlapped)
    }

    func testAFinalRoundRunsOnceWithLastSet() {
        let r = Rounds()
        let worker = BackgroundWorker(name: "test", period: 60, finalRound: true) { last in
            r.enter(last); r.leave()
            return .period
        }
        worker.start()
        Thread.sleep(forTimeInterval: 0.05)
        XCTAssertTrue(worker.stop(timeout: 2), "stop wakes the worker from a long pause")
        XCTAssertEqual(r.count, 2, "the first round, then the final one")
        XCTAssertEqual(r.lastRounds, 1)
    }

    func testARoundMayEndTheWorker() {
        let r = Rounds()
        let worker = BackgroundWorker(name: "test", period: 0.001) { last in
            r.enter(last); r.leave()
            return r.count >= 3 ? .finish : .after(0)
        }
        worker.start()
        Thread.sleep(forTimeInterval: 0.1)
        XCTAssertEqual(r.lock.withLock { r.count }, 3)
        XCTAssertTrue(worker.stop(timeout: 0.5), "already ended")
    }

    func testDigitsAndJSONText() {
        XCTAssertEqual(Digits.pad(12, 10), "0000000012")
        XCTAssertEqual(Digits.pad(123456, 3), "123456")
        XCTAssertEqual(Digits.pad(-5, 3), "-05")
        XCTAssertEqual(JSONText.quote("张\"三\n\u{1}"), #""张\"三\n\u0001""#)
        XCTAssertEqual(JSONText.object([("a", "1"), ("b", JSONText.quote("x"))]), #"{"a":1,"b":"x"}"#)
        XCTAssertEqual(JSON.status(3), #"{"status":3}"#)
    }
}
