import XCTest
@testable import Base

/// GMT+8 time text (from StoreTests/DomainTests: ChinaTime is Base's).
final class ChinaTimeTests: XCTestCase {
    func testChinaTimeFormatsAndParsesGMT8() {
        let e = ChinaTime.epoch(year: 2026, month: 11, day: 21, hour: 10, minute: 5)
        XCTAssertEqual(ChinaTime.minute(e), "2026-11-21 10:05")
        XCTAssertEqual(e, 1_795_226_700)
        XCTAssertEqual(ChinaTime.parseDate("2026-11-22"), ChinaTime.epoch(year: 2026, month: 11, day: 22))
        XCTAssertNil(ChinaTime.parseDate("2026-02-30"))
        XCTAssertEqual(ChinaTime.parseDateTime("2026-11-21 10:05"), e)
    }
}
