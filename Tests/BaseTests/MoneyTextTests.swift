import XCTest
@testable import Base

final class MoneyTextTests: XCTestCase {
    func testFenToYuanText() {
        let cases: [(Int, String)] = [
            (1050, "10.5"), (1000, "10"), (5, "0.05"), (1, "0.01"), (10, "0.1"), (0, "0"),
            (1234, "12.34"), (100_000_000_01, "100000000.01"), (-250, "-2.5"), (-5, "-0.05"),
        ]
        for (fen, text) in cases { XCTAssertEqual(Money.yuanText(fen), text, "\(fen)") }
    }
}
