import XCTest
@testable import Views

final class ScreenTests: XCTestCase {
    func testWideCharacterTakesTwoCells() {
        var s = Screen(width: 6, height: 1)
        XCTAssertEqual(s.put(x: 0, y: 0, text: "上海a"), 5)
        XCTAssertEqual(s[0, 0].text, "上"); XCTAssertEqual(s[0, 0].width, 2)
        XCTAssertEqual(s[1, 0].text, ""); XCTAssertTrue(s[1, 0].isContinuation)
        XCTAssertEqual(s[4, 0].text, "a")
        XCTAssertEqual(s.text(), ["上海a"])
    }

    func testWideCharacterThatDoesNotFitBecomesSpace() {
        var s = Screen(width: 10, height: 1)
        XCTAssertEqual(s.put(x: 0, y: 0, text: "杭州西", maxWidth: 5), 5)
        XCTAssertEqual(s[4, 0].text, " ")
        XCTAssertEqual(s.text(), ["杭州"])
        var edge = Screen(width: 3, height: 1)
        edge.put(x: 0, y: 0, text: "a杭州")
        XCTAssertEqual(edge.text(), ["a杭"])
        edge.put(x: 2, y: 0, text: "州")          // would straddle the right edge
        XCTAssertEqual(edge.cells.map(\.text), ["a", " ", " "])
    }

    func testOverwritingHalfOfWideCharacterClearsTheOtherHalf() {
        var s = Screen(width: 4, height: 1)
        s.put(x: 0, y: 0, text: "上海")
        s.put(x: 1, y: 0, text: "x")             // right half of 上
        XCTAssertEqual(s.cells.map(\.text), [" ", "x", "海", ""])
        s.put(x: 2, y: 0, text: "y")             // left half of 海
        XCTAssertEqual(s.cells.map(\.text), [" ", "x", "y", " "])
    }

    func testColumnsPadsTruncatesAndAligns() {
        var s = Screen(width: 12, height: 2)
        s.put(x: 0, y: 0, text: "杭州汽车客运中心", columns: 7)
        s.put(x: 0, y: 1, text: "12.50", columns: 8, alignRight: true)
        XCTAssertEqual(s.text(), ["杭州汽…", "   12.50"])
    }

    func testStyleMapAndRestyle() {
        var s = Screen(width: 4, height: 2)
        s.put(x: 0, y: 0, text: "出票", style: Style(.status(.issued)))
        s.restyle(Rect(x: 0, y: 1, width: 4, height: 1), style: Style(.selected))
        XCTAssertEqual(s.styleMap(), ["3333", "SSSS"])
    }

    func testSpansAndClipping() {
        var s = Screen(width: 8, height: 1)
        s.put(x: 0, y: 0, spans: [TextSpan("ab", .key), TextSpan("上海浦东")], maxWidth: 7)
        XCTAssertEqual(s.text(), ["ab上海"])
        XCTAssertEqual(s.styleMap(), ["yy......"])
    }

    func testTableDropsLeastImportantColumnsFirst() {
        let cols = [TableColumn("a", width: 10, priority: 9), TableColumn("b", width: 10, priority: 1), TableColumn("c", width: 10, flex: 1, priority: 5)]
        XCTAssertEqual(Table.layout(cols, width: 40).map(\.index), [0, 1, 2])
        let narrow = Table.layout(cols, width: 25)
        XCTAssertEqual(narrow.map(\.index), [0, 2])
        XCTAssertEqual(narrow.map(\.width), [10, 13])   // the flexible column takes the spare columns
    }
}

final class ScreenEscapeStyleTests: XCTestCase {
    /// Table cells go through `put(columns:)`; an escape there keeps its warning style even when cut.
    func testColumnsKeepEscapeStyleAndEllipsis() {
        var s = Screen(width: 12, height: 1)
        s.put(x: 0, y: 0, text: "张\u{1B}[2J三丰田", columns: 10)
        XCTAssertEqual(s.text(), ["张\\e[2J三…"])
        XCTAssertEqual(s.styleMap(), [".." + "!!" + "..." + "..." + ".."])
    }
}
