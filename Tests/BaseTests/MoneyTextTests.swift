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

    // From StoreTests/DomainTests: Money is Base's.
    func testMoneyFormatsFenAsYuan() {
        let cases: [(Int, String)] = [(0, "0.00"), (5, "0.05"), (1050, "10.50"), (123456, "1234.56"), (-250, "-2.50")]
        for (fen, text) in cases { XCTAssertEqual(Money.yuan(fen), text, "\(fen)") }
    }

    func testMoneyParsesYuanStrictly() {
        let parsed: [(String, Int)] = [("10", 1000), ("10.5", 1050), ("10.05", 1005), (" 0.01 ", 1)]
        for (text, fen) in parsed { XCTAssertEqual(Money.parseYuan(text), fen, text) }
        // Refused: a third decimal, a sign, exponents, no leading digit, full-width digits, nothing.
        for text in ["10.005", "-1", "1e3", ".5", "５", ""] { XCTAssertNil(Money.parseYuan(text), text) }
    }
}
