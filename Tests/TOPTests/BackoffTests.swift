import XCTest
@testable import TOP

final class BackoffTests: XCTestCase {
    func testFullJitterGrowsAndCaps() {
        XCTAssertEqual(Backoff.delay(attempt: 1, random: 0.999), 1)    // ceiling 2
        XCTAssertEqual(Backoff.delay(attempt: 3, random: 0.5), 4)      // ceiling 8
        XCTAssertEqual(Backoff.delay(attempt: 6, random: 0.999), 63)   // ceiling 64
        XCTAssertEqual(Backoff.delay(attempt: 20, random: 0.5), 300)   // capped at 600
        XCTAssertEqual(Backoff.delay(attempt: 1_000_000, random: 0.9999), 599)
        XCTAssertEqual(Backoff.delay(attempt: 5, random: 0), 1)        // never 0
        XCTAssertEqual(Backoff.delay(attempt: 0, random: 0.5), 1)
        XCTAssertEqual(Backoff.delay(attempt: 4, random: 7), 16)       // random clamped
        XCTAssertEqual(Backoff.delay(attempt: 3, random: 0.5, base: 10, cap: 30), 15)
    }
}
