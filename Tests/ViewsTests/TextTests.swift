import XCTest
@testable import Views

final class DisplayWidthTests: XCTestCase {
    func testColumnsPerGrapheme() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("杭州→上海"), 9)           // arrow is narrow
        XCTAssertEqual(DisplayWidth.of("出票成功"), 8)
        XCTAssertEqual(DisplayWidth.of("ｱ"), 1)                    // halfwidth katakana
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)                  // fullwidth forms
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("かな"), 4)
        XCTAssertEqual(DisplayWidth.of("é"), 1)                    // e + combining acute, one cluster
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2)                // ZWJ family
        XCTAssertEqual(DisplayWidth.of("🇨🇳"), 2)
        XCTAssertEqual(DisplayWidth.of("❤️"), 2)                   // VS16 emoji presentation
        XCTAssertEqual(DisplayWidth.of("𠀀"), 2)                    // CJK extension B
        XCTAssertEqual(DisplayWidth.of("　"), 2)                    // ideographic space
    }

    func testTruncateAtColumnBoundary() {
        XCTAssertEqual(DisplayWidth.truncate("杭州汽车客运中心", to: 7), "杭州汽…")
        XCTAssertEqual(DisplayWidth.truncate("杭州汽车客运中心", to: 8), "杭州汽…")  // 6 + … = 7; a 4th char would need 9
        XCTAssertEqual(DisplayWidth.of(DisplayWidth.truncate("杭州汽车客运中心", to: 8)), 7)
        XCTAssertEqual(DisplayWidth.truncate("杭州", to: 4), "杭州")
        XCTAssertEqual(DisplayWidth.truncate("abcdef", to: 4), "abc…")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 0), "")
        XCTAssertEqual(DisplayWidth.truncateLeft("/a/b/杭州.sqlite", to: 10), "…州.sqlite")
        XCTAssertEqual(DisplayWidth.truncateLeft("/a/b/杭州.sqlite", to: 12), "…杭州.sqlite")
    }

    func testWrapByColumns() {
        XCTAssertEqual(DisplayWidth.wrap("abcdefg", to: 3), ["abc", "def", "g"])
        XCTAssertEqual(DisplayWidth.wrap("订单不存在", to: 5), ["订单", "不存", "在"])
        XCTAssertEqual(DisplayWidth.wrap("abcdefghij", to: 4, maxLines: 2), ["abcd", "efg…"])
        XCTAssertEqual(DisplayWidth.wrap("", to: 4), [""])
    }

    func testPadAndAlign() {
        XCTAssertEqual(DisplayWidth.pad("张三", to: 6), "张三  ")
        XCTAssertEqual(DisplayWidth.pad("欧阳娜娜", to: 7), "欧阳娜…")
        XCTAssertEqual(DisplayWidth.pad("欧阳娜娜", to: 6), "欧阳… ")
        XCTAssertEqual(DisplayWidth.rightAlign("12.50", to: 8), "   12.50")
        XCTAssertEqual(DisplayWidth.rightAlign("元", to: 4), "  元")
        XCTAssertEqual(DisplayWidth.center("上海", in: 8), "  上海  ")
    }
}

final class SanitizerTests: XCTestCase {
    func testClearScreenSequenceBecomesVisible() {
        XCTAssertEqual(TerminalText.sanitize("张三\u{1B}[2J"), "张三\\e[2J")
    }

    func testOSCTitleBecomesVisible() {
        let s = TerminalText.sanitize("\u{1B}]0;pwned\u{07}李四")
        XCTAssertEqual(s, "\\e]0;pwned\\x07李四")
        XCTAssertFalse(s.unicodeScalars.contains { $0.value < 0x20 })
    }

    func testBidiOverridesAndIsolates() {
        XCTAssertEqual(TerminalText.sanitize("abc\u{202E}321"), "abc\\u202E321")
        XCTAssertEqual(TerminalText.sanitize("\u{2066}x\u{2069}"), "\\u2066x\\u2069")
        XCTAssertEqual(TerminalText.sanitize("a\u{200F}b\u{200B}c\u{FEFF}"), "a\\u200Fb\\u200Bc\\uFEFF")
    }

    func testC0C1DelAndWhitespaceControls() {
        XCTAssertEqual(TerminalText.sanitize("a\tb\nc\r\nd"), "a\\tb\\nc\\r\\nd")
        XCTAssertEqual(TerminalText.sanitize("x\u{7F}y\u{9B}z\u{85}"), "x\\x7Fy\\x9Bz\\x85")
        XCTAssertEqual(TerminalText.sanitize("\u{00}"), "\\x00")
    }

    func testOrdinaryTextUntouched() {
        for s in ["张三", "Li Lei", "O'Brien-Smith", "é", "👨‍👩‍👧", "🇨🇳", "杭州→上海", "¥12.50"] {
            XCTAssertEqual(TerminalText.sanitize(s), s)
        }
    }

    func testLoneCombiningMarkEscaped() {
        XCTAssertEqual(TerminalText.sanitize("\u{0301}a"), "\\u0301a")
    }

    func testPiecesMarkEscapes() {
        let p = TerminalText.pieces("a\u{1B}[31mb")
        XCTAssertEqual(p, [.init(text: "a", isEscape: false), .init(text: "\\e", isEscape: true), .init(text: "[31mb", isEscape: false)])
    }

    func testScreenPutSanitizesAndStylesEscapes() {
        var s = Screen(width: 30, height: 1)
        s.put(x: 0, y: 0, text: "名\u{1B}]0;x\u{07}")
        XCTAssertEqual(s.text(), ["名\\e]0;x\\x07"])
        XCTAssertEqual(s[2, 0].style.role, .escape)
        XCTAssertEqual(s[0, 0].style.role, .normal)
        XCTAssertFalse(s.cells.contains { $0.text.unicodeScalars.contains { TerminalText.needsEscape($0) } })
    }
}

final class MaskingTests: XCTestCase {
    func testMasks() {
        XCTAssertEqual(Masking.phone("13812345678"), "138****5678")
        XCTAssertEqual(Masking.phone("12"), "*2", "a short number keeps only its last digit")
        XCTAssertEqual(Masking.certificate("33010619900307123X"), "3301**********123X")
        // Names keep the surname: one character, or two for a four-character (compound-surname) name.
        let names = ["张三": "张*", "王小明": "王**", "欧阳娜娜": "欧阳**", "赵": "赵"]
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: names.keys.map { ($0, Masking.name($0)) }), names)
    }

    func testFormatting() {
        XCTAssertEqual(Formatting.duration(2 * 3600 + 13 * 60 + 5), "2h13m")
        XCTAssertEqual(Formatting.duration(86400 * 2 + 3600), "2d1h")
        XCTAssertEqual(Formatting.duration(45), "45s")
        XCTAssertEqual(Formatting.age(0.14), "0.1s")
        XCTAssertEqual(Formatting.age(12.9), "12s")
        XCTAssertEqual(Formatting.shortMethod("taobao.bus.agent.bookticket.confirm"), "bookticket")
        XCTAssertEqual(Formatting.shortMethod("taobao.bus.agent.multiple.refund.confirm"), "multiple.refund")
        XCTAssertEqual(Formatting.weekday(Fixtures.day), "周日")          // 2026-11-22
    }
}

final class WidthEdgeTests: XCTestCase {
    func testMarksInsideWideBlocksAreZeroWidth() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x3099)!), 0)        // combining kana voiced mark
        XCTAssertEqual(DisplayWidth.of("か\u{3099}"), 2)                      // が spelled with a mark
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x302A)!), 0)
    }

    func testFormatCharacterTableMatchesUnicode() {
        // The hand-written table must cover every Cf character the standard library knows (below the tags).
        for v in UInt32(0xA0)...UInt32(0x1FFFF) {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory == .format else { continue }
            XCTAssertTrue(TerminalText.needsEscape(s), String(v, radix: 16))
        }
    }
}
