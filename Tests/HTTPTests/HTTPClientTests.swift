import Foundation
import Glibc
@testable import HTTP
import XCTest

final class HTTPClientTests: XCTestCase {
    func testRefusedPortIsConnectionRefused() throws {
        // Bind an ephemeral port, remember it, close it: nobody listens there now.
        let (fd, port) = try Socket.listen(host: "127.0.0.1", port: 0)
        close(fd)
        XCTAssertThrowsError(try HTTPClient().post(url: "http://127.0.0.1:\(port)/", body: [], timeout: 2)) {
            XCTAssertEqual($0 as? HTTPClientError, .connectionRefused)
        }
    }

    func testServerThatNeverAnswersIsTimeout() throws {
        let server = try ScriptedServer { fd in
            Thread.sleep(forTimeInterval: 1.5)
            close(fd)
        }
        defer { server.shutdown() }
        let started = Date()
        XCTAssertThrowsError(try HTTPClient().post(url: "http://127.0.0.1:\(server.port)/", body: [], timeout: 0.3)) {
            XCTAssertEqual($0 as? HTTPClientError, .timeout)
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThanOrEqual(elapsed, 0.29)
        XCTAssertLessThan(elapsed, 1.2)
    }

    func testServerClosingWithoutAnswerIsConnectionReset() throws {
        let server = try ScriptedServer { fd in
            Self.awaitInput(fd)
            close(fd)
        }
        defer { server.shutdown() }
        XCTAssertThrowsError(try HTTPClient().post(url: "http://127.0.0.1:\(server.port)/", body: [], timeout: 2)) {
            XCTAssertEqual($0 as? HTTPClientError, .connectionReset)
        }
    }

    func testGarbageAnswerIsMalformedResponse() throws {
        let server = try ScriptedServer { fd in
            Self.awaitInput(fd)
            Self.reply(fd, "SMTP ready\r\n\r\n")
            close(fd)
        }
        defer { server.shutdown() }
        XCTAssertThrowsError(try HTTPClient().post(url: "http://127.0.0.1:\(server.port)/", body: [], timeout: 2)) {
            XCTAssertEqual($0 as? HTTPClientError, .malformedResponse)
        }
    }

    func testChunkedAndCloseDelimitedResponsesAreRead() throws {
        let chunked = try ScriptedServer { fd in
            Self.awaitInput(fd)
            Self.reply(fd, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n")
            Thread.sleep(forTimeInterval: 0.1)
            close(fd)
        }
        defer { chunked.shutdown() }
        XCTAssertEqual(try HTTPClient().post(url: "http://127.0.0.1:\(chunked.port)/", body: [], timeout: 2).bodyText,
                       "hello world")

        let closing = try ScriptedServer { fd in
            Self.awaitInput(fd)
            Self.reply(fd, "HTTP/1.0 404 Not Found\r\n\r\nno such thing")
            close(fd)
        }
        defer { closing.shutdown() }
        let response = try HTTPClient().post(url: "http://127.0.0.1:\(closing.port)/", body: [], timeout: 2)
        XCTAssertEqual(response.status, 404)
        XCTAssertEqual(response.bodyText, "no such thing")
    }

    func testConnectionIsReusedAndReopenedAfterServerClosesIt() throws {
        var options = HTTPServer.Options()
        options.idleTimeout = 0.2
        let server = HTTPServer(port: 0, workers: 1, options: options) { .text(200, $0.remoteAddress) }
        try server.start()
        defer { server.stop(graceTimeout: 1) }
        let client = HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/"
        let first = try client.post(url: url, body: [], timeout: 2).bodyText
        let second = try client.post(url: url, body: [], timeout: 2).bodyText
        XCTAssertEqual(first, second, "same local port: the connection was kept")
        Thread.sleep(forTimeInterval: 0.5)  // server drops the idle connection
        let third = try client.post(url: url, body: [], timeout: 2)
        XCTAssertEqual(third.status, 200)
        XCTAssertNotEqual(third.bodyText, first)
    }

    func testURLParsing() throws {
        let e = try HTTPEndpoint(parsing: "http://127.0.0.1:8080/router/rest?x=1#frag")
        XCTAssertEqual(e.host, "127.0.0.1")
        XCTAssertEqual(e.port, 8080)
        XCTAssertEqual(e.target, "/router/rest?x=1")
        XCTAssertEqual(try HTTPEndpoint(parsing: "http://example.com").target, "/")
        XCTAssertEqual(try HTTPEndpoint(parsing: "http://example.com?q").target, "/?q")
        XCTAssertThrowsError(try HTTPEndpoint(parsing: "https://example.com/"))
        XCTAssertThrowsError(try HTTPEndpoint(parsing: "http://host:99999/"))
    }

    /// Waits (bounded) until the request bytes arrive, then reads them.
    private static func awaitInput(_ fd: Int32) {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        _ = poll(&p, 1, 2000)
        var buf = [UInt8](repeating: 0, count: 4096)
        _ = recv(fd, &buf, buf.count, 0)
    }

    private static func reply(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
