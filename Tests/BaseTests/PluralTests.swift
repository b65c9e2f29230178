import XCTest
@testable import Base

/// Counts read as English: one is singular, zero and many take -s, a phrase keeps its words.
final class PluralTests: XCTestCase {
    func testOneIsSingularZeroAndManyArePlural() {
        XCTAssertEqual(Plural.count(1, "seat"), "1 seat")
        XCTAssertEqual(Plural.count(0, "seat"), "0 seats")
        XCTAssertEqual(Plural.count(12, "held seat"), "12 held seats")
        XCTAssertEqual(Plural.count(-1, "ticket"), "-1 tickets")
    }
}
