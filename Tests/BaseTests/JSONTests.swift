import XCTest
@testable import Base

final class JSONTests: XCTestCase {
    func testCompactEncodingKeepsOrderAndRawUTF8() {
        let value: JSON = ["b": 1, "a": "张三", "list": [true, false, .null], "url": "a/b"]
        XCTAssertEqual(value.compactText, #"{"b":1,"a":"张三","list":[true,false,null],"url":"a/b"}"#)
    }

    func testEscapes() {
        let value = JSON.string("q\"b\\n\n r\r t\t \u{08}\u{0C}\u{01}\u{1F}\u{7F}")
        XCTAssertEqual(value.compactText, #""q\"b\\n\n r\r t\t \b\f\u0001\u001f"# + "\u{7F}\"")
    }

    func testNumbers() {
        XCTAssertEqual(JSON.int(-42).compactText, "-42")
        XCTAssertEqual(JSON.int(Int64.max).compactText, "9223372036854775807")
        XCTAssertEqual(JSON.double(1.5).compactText, "1.5")
        XCTAssertEqual(JSON.double(.nan).compactText, "null")
        XCTAssertEqual(try JSON.parse("12"), .int(12))
        XCTAssertEqual(try JSON.parse("-0"), .int(0))
        XCTAssertEqual(try JSON.parse("1.25e2"), .double(125))
        XCTAssertEqual(try JSON.parse("1E-2"), .double(0.01))
        XCTAssertEqual(try JSON.parse("99999999999999999999"), .double(1e20))
        for bad in ["01", "1.", ".5", "-", "1e", "+1", "1e+", "0x10", "1e999"] {
            XCTAssertThrowsError(try JSON.parse(bad), bad)
        }
    }

    func testRoundTrips() throws {
        let docs = [
            #"{"agent_order_id":"332030233666","agent_return_ticket_status":1,"ok":false,"n":null}"#,
            #"[1,-2,3.5,"x",{"k":[{}]},[]]"#,
            #"{"s":"\"\\\n\u0000/张三😀"}"#,
            #"{"dup":1,"dup":2}"#,
        ]
        for doc in docs {
            let parsed = try JSON.parse(doc)
            XCTAssertEqual(try JSON.parse(parsed.encoded()), parsed, doc)
        }
        XCTAssertEqual(try JSON.parse(docs[0]).compactText, docs[0])
    }

    func testWhitespaceAndEscapesAreDecoded() throws {
        let v = try JSON.parse(" {\n\t\"a\" : [ 1 , 2 ] ,\r\"b\":\"\\u5f20\\u4E09\\/\\ud83d\\ude00\"} ")
        XCTAssertEqual(v["a"], [1, 2])
        XCTAssertEqual(v["b"]?.stringValue, "张三/😀")
    }

    func testMalformedInputIsRefused() {
        let bad: [String] = [
            "", " ", "{", "}", "[1,]", "[1 2]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":1}x",
            "{\"a\":1}{}", "nul", "truex", "\"abc", "\"a\\x\"", "\"a\\u12\"", "\"a\\u12G4\"",
            "\"\\ud83d\"", "\"\\ud83dx\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"tab\there\"", "'a'",
            "[1]]", "NaN", "Infinity",
        ]
        for doc in bad {
            XCTAssertThrowsError(try JSON.parse(doc), "should refuse: \(doc.debugDescription)")
        }
        // Invalid UTF-8 inside a string.
        XCTAssertThrowsError(try JSON.parse([0x22, 0xff, 0xfe, 0x22]))
        XCTAssertThrowsError(try JSON.parse([0x22, 0xe5, 0xbc, 0x22]))  // truncated 3-byte sequence
    }

    func testDepthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try JSON.parse(ok))
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        XCTAssertThrowsError(try JSON.parse(tooDeep)) { error in
            XCTAssertTrue("\(error)".contains("nesting"), "\(error)")
        }
        let deepObjects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        XCTAssertThrowsError(try JSON.parse(deepObjects))
        // Far too deep must also fail cleanly, not crash the stack.
        XCTAssertThrowsError(try JSON.parse(String(repeating: "[", count: 100_000)))
    }

    func testAccessors() throws {
        let v = try JSON.parse(#"{"s":"x","i":7,"d":7.0,"f":7.5,"b":true,"a":[1,"2"],"n":null,"dup":1,"dup":2}"#)
        XCTAssertEqual(v["s"]?.stringValue, "x")
        XCTAssertEqual(v["i"]?.intValue, 7)
        XCTAssertEqual(v["d"]?.intValue, 7)
        XCTAssertNil(v["f"]?.intValue)
        XCTAssertEqual(v["f"]?.doubleValue, 7.5)
        XCTAssertEqual(v["b"]?.boolValue, true)
        XCTAssertNil(v["s"]?.boolValue)
        XCTAssertNil(v["i"]?.stringValue)
        XCTAssertEqual(v["a"]?.arrayValue?.count, 2)
        XCTAssertEqual(v["a"]?[1]?.stringValue, "2")
        XCTAssertNil(v["a"]?[2])
        XCTAssertEqual(v["n"]?.isNull, true)
        XCTAssertNil(v["missing"])
        XCTAssertEqual(v["dup"]?.intValue, 1)
        XCTAssertNil(JSON.string("x")["k"])
    }

    func testObjectEqualityIsOrderSensitive() {
        XCTAssertNotEqual(JSON.object([("a", 1), ("b", 2)]), JSON.object([("b", 2), ("a", 1)]))
        XCTAssertEqual(JSON.object([("a", 1), ("b", 2)]), ["a": 1, "b": 2])
        XCTAssertNotEqual(JSON.int(1), JSON.double(1))
        XCTAssertNotEqual(JSON.object([("a", 1)]), JSON.object([("a", 1), ("b", 2)]))
    }
}
