import Foundation
import XCTest
@testable import TOP

final class TopClockTests: XCTestCase {
    func testFormatIsGMTPlus8() {
        // 2026-11-21 02:00:00 UTC is 10:00:00 in China.
        let date = Date(timeIntervalSince1970: 1_795_226_400)
        XCTAssertEqual(TopClock.format(date), "2026-11-21 10:00:00")
        XCTAssertEqual(TopClock.formatDay(date), "2026-11-21")
        XCTAssertEqual(TopClock.format(Date(timeIntervalSince1970: 0)), "1970-01-01 08:00:00")
        XCTAssertEqual(TopClock.format(Date(timeIntervalSince1970: -8 * 3600 - 1)), "1969-12-31 23:59:59")
        XCTAssertEqual(TopClock.format(Date(timeIntervalSince1970: 1_795_226_400.999)), "2026-11-21 10:00:00")
    }

    func testParse() {
        XCTAssertEqual(TopClock.parse("2026-11-21 10:00:00"), Date(timeIntervalSince1970: 1_795_226_400))
        XCTAssertEqual(TopClock.parse("2024-02-29 23:59:59").map(TopClock.format), "2024-02-29 23:59:59")
        XCTAssertEqual(TopClock.parseDay("2026-11-21"), Date(timeIntervalSince1970: 1_795_190_400))
        for bad in ["2026-11-21T10:00:00", "2026-11-21 10:00", "2026-13-01 00:00:00", "2026-02-29 00:00:00",
                    "2026-11-21 24:00:00", "2026-11-21 10:60:00", "2026-11-21 10:00:0x", "", "２０２６-11-21 10:00:00"] {
            XCTAssertNil(TopClock.parse(bad), bad)
        }
        XCTAssertNil(TopClock.parseDay("2026-11-31"))
    }

    func testAgreesWithFoundationCalendarAcrossYears() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        var t: TimeInterval = -2_000_000_000
        while t < 4_000_000_000 {
            let date = Date(timeIntervalSince1970: t)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            XCTAssertEqual(TopClock.format(date), expected)
            XCTAssertEqual(TopClock.parse(expected), date)
            t += 7_777_777.0  // odd step: lands on varied days, hours and seconds
        }
    }
}
