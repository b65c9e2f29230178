@testable import HTTP
import XCTest

final class FormDecodingTests: XCTestCase {
    func testDecodesPlusPercentAndEmptyValues() {
        let items = FormDecoding.decode("timestamp=2026-11-21+10%3A00%3A00&k&=v&x=%ZZ&y=a%2")
        XCTAssertEqual(items.map(\.name), ["timestamp", "k", "", "x", "y"])
        XCTAssertEqual(items.map(\.value), ["2026-11-21 10:00:00", "", "v", "%ZZ", "a%2"])
    }

    func testEncodeRoundTripsThroughDecode() {
        let original = "2026-11-21 10:00:00 杭州+&=%"
        let encoded = FormDecoding.percentEncode(original)
        XCTAssertFalse(encoded.contains(" "))
        XCTAssertFalse(encoded.contains("&"))
        XCTAssertEqual(FormDecoding.decode("a=" + encoded).first?.value, original)
    }

    func testHeaderNamesCompareCaseInsensitively() {
        var h = HTTPHeaders([("Content-Type", "a"), ("X-One", "1")])
        XCTAssertEqual(h["content-type"], "a")
        h.set("CONTENT-TYPE", "b")
        XCTAssertEqual(h.values("Content-Type"), ["b"])
        XCTAssertTrue(HTTPHeaders.sameName("x-one", "X-ONE"))
        XCTAssertFalse(HTTPHeaders.sameName("x-one", "x-two"))
        let literal: HTTPHeaders = ["B": "2", "a": "1"]
        XCTAssertEqual(literal.fields.map(\.name), ["B", "a"])
        XCTAssertEqual(literal["b"], "2")
    }
}
