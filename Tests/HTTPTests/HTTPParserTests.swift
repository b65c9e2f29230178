@testable import HTTP
import XCTest

final class HTTPParserTests: XCTestCase {
    private func parseAll(_ text: String, limits: HTTPParser.Limits = .init()) -> HTTPParser.Outcome {
        var parser = HTTPParser(limits: limits)
        return parser.parse(Array(text.utf8), from: 0)
    }

    private func request(_ text: String) throws -> HTTPRequest {
        guard case .request(let request, let consumed) = parseAll(text) else {
            XCTFail("no request from \(text.debugDescription)")
            throw XCTSkip("parse failed")
        }
        XCTAssertEqual(consumed, text.utf8.count)
        return request
    }

    private func failureStatus(_ text: String, limits: HTTPParser.Limits = .init()) -> Int? {
        if case .failure(let status, _) = parseAll(text, limits: limits) { return status }
        return nil
    }

    func testRequestLineQueryAndHeaders() throws {
        let r = try request("GET /qimen?a=1&b=x+y&c=%E6%9D%AD&flag&e= HTTP/1.1\r\nHost: h\r\nX-Top-Thing:  v1 \r\n\r\n")
        XCTAssertEqual(r.method, "GET")
        XCTAssertEqual(r.path, "/qimen")
        XCTAssertEqual(r.rawQuery, "a=1&b=x+y&c=%E6%9D%AD&flag&e=")
        XCTAssertEqual(r.queryItems.map(\.name), ["a", "b", "c", "flag", "e"])
        XCTAssertEqual(r.queryItems.map(\.value), ["1", "x y", "杭", "", ""])
        XCTAssertEqual(r.query("flag"), "")
        XCTAssertNil(r.query("missing"))
        XCTAssertEqual(r.headers["x-top-thing"], "v1")
        XCTAssertEqual(r.headers["HOST"], "h")
        XCTAssertEqual(r.version, .http11)
        XCTAssertTrue(r.body.isEmpty)
    }

    func testBodyByContentLengthArrivingByteByByte() {
        let text = Array("POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello".utf8)
        var parser = HTTPParser()
        var buffer: [UInt8] = []
        for (i, byte) in text.enumerated() {
            buffer.append(byte)
            let outcome = parser.parse(buffer, from: 0)
            if i < text.count - 1 {
                guard case .incomplete = outcome else { return XCTFail("early outcome at byte \(i)") }
            } else {
                guard case .request(let r, let consumed) = outcome else { return XCTFail("no request") }
                XCTAssertEqual(r.body, Array("hello".utf8))
                XCTAssertEqual(consumed, text.count)
            }
        }
    }

    func testPipelinedRequestsParseOneAfterAnother() {
        let buffer = Array("GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 2\r\n\r\nokGET /c HTTP/1.1\r\n".utf8)
        var parser = HTTPParser()
        var start = 0
        var paths: [String] = []
        while case .request(let r, let consumed) = parser.parse(buffer, from: start) {
            paths.append(r.path)
            start += consumed
        }
        XCTAssertEqual(paths, ["/a", "/b"])
        guard case .incomplete = parser.parse(buffer, from: start) else { return XCTFail("third is partial") }
    }

    func testBareLineFeedsAndLeadingBlankLinesAreAccepted() throws {
        let r = try request("\r\n\r\nGET /x HTTP/1.0\nA: b\n\n")
        XCTAssertEqual(r.path, "/x")
        XCTAssertEqual(r.headers["a"], "b")
        XCTAssertEqual(r.version, .http10)
    }

    func testAbsoluteFormTargetIsReducedToPath() throws {
        XCTAssertEqual(try request("GET http://example.com/p?q=1 HTTP/1.1\r\n\r\n").target, "/p?q=1")
        XCTAssertEqual(try request("GET http://example.com HTTP/1.1\r\n\r\n").target, "/")
    }

    func testOversizeHeadIs431EvenBeforeItEnds() {
        let limits = HTTPParser.Limits(maxHeadBytes: 100, maxBodyBytes: 1000)
        let long = "GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 200)
        XCTAssertEqual(failureStatus(long, limits: limits), 431)
        XCTAssertEqual(failureStatus(long + "\r\n\r\n", limits: limits), 431)
        XCTAssertEqual(failureStatus("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 20 * 1024) + "\r\n\r\n"), 431)
    }

    func testOversizeBodyIs413FromContentLengthAlone() {
        XCTAssertEqual(failureStatus("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n"), 413)
        guard case .incomplete = parseAll("POST / HTTP/1.1\r\nContent-Length: 1048576\r\n\r\n") else {
            return XCTFail("exactly 1 MiB is allowed")
        }
    }

    func testMalformedRequestsAre400() {
        let bad = [
            "GARBAGE\r\n\r\n",
            "GET /\r\n\r\n",
            "GET  / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1 extra\r\n\r\n",
            "G(T / HTTP/1.1\r\n\r\n",
            "GET nopath HTTP/1.1\r\n\r\n",
            "GET / HTTX/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
            "GET / HTTP/1.1\r\nName : v\r\n\r\n",
            "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
            "GET / HTTP/1.1\r\nA: b\u{01}c\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
        ]
        for text in bad {
            XCTAssertEqual(failureStatus(text), 400, text.debugDescription)
        }
    }

    func testRepeatedEqualContentLengthIsAccepted() throws {
        XCTAssertEqual(try request("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab").body.count, 2)
    }

    func testTransferEncodingIs501AndUnknownVersionIs505() {
        XCTAssertEqual(failureStatus("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"), 501)
        XCTAssertEqual(failureStatus("GET / HTTP/2.0\r\n\r\n"), 505)
    }

    func testKeepAliveRules() throws {
        XCTAssertTrue(try request("GET / HTTP/1.1\r\n\r\n").wantsKeepAlive)
        XCTAssertFalse(try request("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").wantsKeepAlive)
        XCTAssertFalse(try request("GET / HTTP/1.1\r\nConnection: Upgrade, Close\r\n\r\n").wantsKeepAlive)
        XCTAssertFalse(try request("GET / HTTP/1.0\r\n\r\n").wantsKeepAlive)
        XCTAssertTrue(try request("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").wantsKeepAlive)
    }

    func testExpectContinueIsReportedWhileBodyIsPending() {
        var parser = HTTPParser()
        let head = Array("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n".utf8)
        guard case .incomplete = parser.parse(head, from: 0) else { return XCTFail("body pending") }
        XCTAssertTrue(parser.awaitingBodyWithContinue)
        XCTAssertTrue(parser.isMidRequest)
        guard case .request = parser.parse(head + Array("abc".utf8), from: 0) else { return XCTFail("complete") }
        XCTAssertFalse(parser.awaitingBodyWithContinue)
        XCTAssertFalse(parser.isMidRequest)
    }
}
