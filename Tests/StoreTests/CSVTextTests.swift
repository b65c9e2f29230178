import XCTest
@testable import Store

/// Exports (issue 13): RFC 4180 quoting, spreadsheet formulas defused, control characters never raw.
final class CSVTextTests: XCTestCase {
    func testQuotingFormulasAndControls() {
        // (field as stored, as written to the file, why)
        let cases: [(String, String, String)] = [
            ("上海→杭州", "上海→杭州", "plain text as it is"),
            ("a,b", #""a,b""#, "a comma is quoted"),
            (#"say "hi""#, #""say ""hi""""#, "quotes are doubled inside quotes"),
            (#"=HYPERLINK("x")"#, #""'=HYPERLINK(""x"")""#, "a formula is defused, then quoted"),
            ("+86 138", "'+86 138", "a leading + is defused"),
            ("-1", "'-1", "text that starts with - is defused"),
            ("@SUM(A1)", "'@SUM(A1)", "a leading @ is defused"),
            ("two\nlines\u{1b}[31m\r", #"two\nlines\u001b[31m\r"#, "controls are written as escapes, never raw"),
            ("\u{9b}31m", #"\u009b31m"#, "C1 controls too"),
            (" pad", #"" pad""#, "leading space is kept by quoting"),
        ]
        for (field, written, why) in cases {
            XCTAssertEqual(CSVText.field(field), written, why)
        }
        XCTAssertEqual(CSVText.row([.text("a"), .number("-12.50"), .empty]), "a,-12.50,\r\n", "numbers are not defused; CRLF ends a row")
    }
}
