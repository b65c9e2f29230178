import XCTest
@testable import Store

/// Exports (issue 13): RFC 4180 quoting, spreadsheet formulas defused, control characters never raw.
final class CSVTextTests: XCTestCase {
    func testQuotingFormulasAndControls() {
        XCTAssertEqual(CSVText.field("上海→杭州"), "上海→杭州")
        XCTAssertEqual(CSVText.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVText.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSVText.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVText.field("+86 138"), "'+86 138")
        XCTAssertEqual(CSVText.field("-1"), "'-1")
        XCTAssertEqual(CSVText.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVText.field("two\nlines\u{1b}[31m\r"), "two\\nlines\\u001b[31m\\r")
        XCTAssertEqual(CSVText.field("\u{9b}31m"), "\\u009b31m")
        XCTAssertEqual(CSVText.field(" pad"), "\" pad\"")
        XCTAssertEqual(CSVText.row([.text("a"), .number("-12.50"), .empty]), "a,-12.50,\r\n")
    }
}
