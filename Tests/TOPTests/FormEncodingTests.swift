import XCTest
@testable import TOP

final class FormEncodingTests: XCTestCase {
    func testEncode() {
        XCTAssertEqual(FormEncoding.encode([("a b", "c&d=e"), ("t", "2026-11-21 10:00:00"), ("z", "张~-_.+/")]),
                       "a%20b=c%26d%3De&t=2026-11-21%2010%3A00%3A00&z=%E5%BC%A0~-_.%2B%2F")
        XCTAssertEqual(FormEncoding.encode([]), "")
        XCTAssertEqual(FormEncoding.encode([("k", "")]), "k=")
    }

    func testDecode() throws {
        let pairs = try FormEncoding.decode("a=1&b=x+y%20z&&flag&c=%E5%BC%A0&d=a=b&e=%2b")
        XCTAssertEqual(pairs.map(\.0), ["a", "b", "flag", "c", "d", "e"])
        XCTAssertEqual(pairs.map(\.1), ["1", "x y z", "", "张", "a=b", "+"])
    }

    func testRoundTrip() throws {
        let original = [("param", #"{"a":"张三 & co","b":[1,2]}"#), ("timestamp", "2026-11-21 10:00:00"), ("e", "")]
        let back = try FormEncoding.decode(FormEncoding.encode(original))
        XCTAssertEqual(back.map(\.0), original.map(\.0))
        XCTAssertEqual(back.map(\.1), original.map(\.1))
    }

    func testDecodeRefusesBadEscapes() {
        for bad in ["a=%", "a=%2", "a=%zz", "a=%ff", "%E5%BC=1"] {
            XCTAssertThrowsError(try FormEncoding.decode(bad), bad)
        }
    }
}
