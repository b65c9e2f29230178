import Foundation
@testable import HTTP
import TestFixtures
import XCTest

/// Loopback server tests: ephemeral ports, every socket read bounded by a timeout.
final class HTTPServerTests: XCTestCase {
    private var servers: [HTTPServer] = []

    override func tearDown() {
        for server in servers { server.stop(graceTimeout: 1) }
        servers = []
        super.tearDown()
    }

    private func startServer(workers: Int = 2, options: HTTPServer.Options = HTTPServer.Options(),
                             access: (@Sendable (AccessRecord) -> Void)? = nil,
                             handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws -> HTTPServer {
        let server = HTTPServer(port: 0, workers: workers, options: options, handler: handler)
        server.onAccess = access
        try server.start()
        XCTAssertNotEqual(server.port, 0)
        servers.append(server)
        return server
    }

    private static let echo: @Sendable (HTTPRequest) -> HTTPResponse = { request in
        var response = HTTPResponse.text(200, "\(request.method) \(request.path) \(request.remoteAddress) "
                                              + String(decoding: request.body, as: UTF8.self))
        response.headers.add("X-Query-Count", "\(request.queryItems.count)")
        return response
    }

    func testPostRoundTripThroughOwnClient() throws {
        let server = try startServer(handler: Self.echo)
        let client = HTTPClient()
        let response = try client.post(url: "http://127.0.0.1:\(server.port)/qimen?a=1&b", body: Array("{}".utf8),
                                       timeout: 3)
        XCTAssertEqual(response.status, 200)
        XCTAssertTrue(response.bodyText.hasPrefix("POST /qimen 127.0.0.1:"), response.bodyText)
        XCTAssertTrue(response.bodyText.hasSuffix(" {}"))
        XCTAssertEqual(response.headers["x-query-count"], "2")
        // RFC 9110's IMF-fixdate, the server's own clock.
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = try XCTUnwrap(response.headers["Date"].flatMap(f.date(from:)), "Date: \(response.headers["Date"] ?? "none")")
        XCTAssertLessThan(abs(date.timeIntervalSinceNow), 60)
    }

    func testSeveralRequestsShareOneKeptAliveConnection() throws {
        let server = try startServer(handler: Self.echo)
        let socket = try RawSocket(port: server.port)
        var peers = Set<String>()
        for i in 0..<5 {
            socket.write("POST /n\(i) HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n\(i)")
            let responses = socket.readResponses(1)
            XCTAssertEqual(responses.count, 1)
            let body = responses.first?.components(separatedBy: "\r\n\r\n").last ?? ""
            XCTAssertTrue(body.hasPrefix("POST /n\(i) "), body)
            XCTAssertFalse(responses.first?.contains("Connection: close") ?? true)
            peers.insert(body.split(separator: " ")[2].description)
        }
        XCTAssertEqual(peers.count, 1, "all five came over the same client port")
    }

    func testPipelinedRequestsAnsweredInOrder() throws {
        let server = try startServer(handler: Self.echo)
        let socket = try RawSocket(port: server.port)
        socket.write("GET /one HTTP/1.1\r\n\r\nPOST /two HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /three HTTP/1.1\r\n\r\n")
        let responses = socket.readResponses(3)
        XCTAssertEqual(responses.count, 3)
        XCTAssertTrue(responses[0].contains("GET /one "))
        XCTAssertTrue(responses[1].contains("POST /two ") && responses[1].hasSuffix("abc"))
        XCTAssertTrue(responses[2].contains("GET /three "))
    }

    func testHTTP10ClosesUnlessKeepAliveAsked() throws {
        let server = try startServer(handler: Self.echo)
        let plain = try RawSocket(port: server.port)
        plain.write("GET /a HTTP/1.0\r\n\r\n")
        let text = plain.readToEnd()
        XCTAssertTrue(text.hasPrefix("HTTP/1.0 200 OK\r\n"), text)
        XCTAssertTrue(text.contains("Connection: close"))

        let kept = try RawSocket(port: server.port)
        kept.write("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        XCTAssertTrue(kept.readResponses(1).first?.contains("Connection: keep-alive") ?? false)
        kept.write("GET /b HTTP/1.1\r\nConnection: close\r\n\r\n")
        let last = kept.readToEnd()
        XCTAssertTrue(last.contains("GET /b ") && last.contains("Connection: close"))
    }

    func testOversizeHeadersAre431AndOversizeBodyIs413ThenClosed() throws {
        let server = try startServer(handler: Self.echo)
        let big = try RawSocket(port: server.port)
        big.write("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 17 * 1024) + "\r\n\r\n")
        let headText = big.readToEnd()
        XCTAssertTrue(headText.hasPrefix("HTTP/1.1 431 "), headText)
        XCTAssertTrue(headText.contains("Connection: close"))

        let body = try RawSocket(port: server.port)
        body.write("POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\nabc")
        XCTAssertTrue(body.readToEnd().hasPrefix("HTTP/1.1 413 "))

        let garbage = try RawSocket(port: server.port)
        garbage.write("HELLO THERE\r\n\r\n")
        XCTAssertTrue(garbage.readToEnd().hasPrefix("HTTP/1.1 400 "))

        let chunked = try RawSocket(port: server.port)
        chunked.write("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
        XCTAssertTrue(chunked.readToEnd().hasPrefix("HTTP/1.1 501 "))
    }

    func testSilentClientDoesNotBlockOthersAndTimesOut() throws {
        var options = HTTPServer.Options()
        options.readTimeout = 0.5
        let server = try startServer(workers: 1, options: options, handler: Self.echo)
        let silent = try RawSocket(port: server.port)
        silent.write("POST /slow HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")  // then nothing
        let idle = try RawSocket(port: server.port)  // connects, sends nothing
        _ = idle
        let started = Date()
        let response = try HTTPClient().post(url: "http://127.0.0.1:\(server.port)/fast", body: [], timeout: 2)
        XCTAssertEqual(response.status, 200)
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.4, "the only worker was not held by the silent client")
        let text = silent.readToEnd()
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 408 "), text)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(started), 0.4)
    }

    func testIdleKeepAliveConnectionIsClosedAfterIdleTimeout() throws {
        var options = HTTPServer.Options()
        options.idleTimeout = 0.3
        let server = try startServer(options: options, handler: Self.echo)
        let socket = try RawSocket(port: server.port)
        socket.write("GET / HTTP/1.1\r\n\r\n")
        XCTAssertEqual(socket.readResponses(1).count, 1)
        let started = Date()
        XCTAssertTrue(socket.seesClose())
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }

    func testExpectContinueGetsInterimResponse() throws {
        let server = try startServer(handler: Self.echo)
        let socket = try RawSocket(port: server.port)
        socket.write("POST /c HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        var buf = [UInt8](repeating: 0, count: 100)
        let n = recv(socket.fd, &buf, buf.count, 0)
        XCTAssertEqual(String(decoding: buf[0..<max(0, n)], as: UTF8.self), "HTTP/1.1 100 Continue\r\n\r\n")
        socket.write("hi")
        XCTAssertTrue(socket.readResponses(1).first?.hasSuffix(" hi") ?? false)
    }

    func testAccessRecordCarriesTagButNoQueryOrBody() throws {
        let records = RecordBox()
        let server = try startServer(access: { records.append($0) }) { _ in
            HTTPResponse(status: 201, contentType: "text/plain", body: Array("done".utf8), tag: "qimen.x.y")
        }
        let sent = Date()
        _ = try HTTPClient().post(url: "http://127.0.0.1:\(server.port)/qimen?sign=SECRETSIGN", body: Array("b".utf8),
                                  timeout: 2)
        let roundTripMs = Date().timeIntervalSince(sent) * 1000
        // The record is written just after the response is sent, so wait (bounded) for it.
        let record = try XCTUnwrap(records.waitForCount(1).first)
        XCTAssertEqual(record.method, "POST")
        XCTAssertEqual(record.path, "/qimen")
        XCTAssertEqual(record.status, 201)
        XCTAssertEqual(record.bytes, 4)
        XCTAssertEqual(record.tag, "qimen.x.y")
        // Measured in milliseconds from the request's arrival: within the client's own round trip, plus the
        // access record's own delay after the response went out.
        XCTAssertGreaterThanOrEqual(record.durationMs, 0)
        XCTAssertLessThan(record.durationMs, roundTripMs + 50, "milliseconds, not micro- or nanoseconds")
        XCTAssertFalse(record.line.contains("SECRETSIGN"))
        XCTAssertTrue(record.line.contains("POST /qimen 201"), record.line)
    }

    func testGracefulStopLetsInFlightRequestFinishAndClosesIdle() throws {
        let entered = DispatchSemaphore(value: 0)
        let server = try startServer { request in
            if request.path == "/slow" {
                entered.signal()
                Thread.sleep(forTimeInterval: 0.5)
            }
            return .text(200, "finished \(request.path)")
        }
        let port = server.port
        let idle = try RawSocket(port: port)
        idle.write("GET /quick HTTP/1.1\r\n\r\n")
        XCTAssertEqual(idle.readResponses(1).count, 1)

        let result = ResultBox()
        let requester = Thread {
            result.set(Result { try HTTPClient().post(url: "http://127.0.0.1:\(port)/slow", body: [], timeout: 5) })
        }
        requester.start()
        XCTAssertEqual(entered.wait(timeout: .now() + 3), .success)
        let stopStarted = Date()
        server.stop(graceTimeout: 3)
        XCTAssertLessThan(Date().timeIntervalSince(stopStarted), 2.5)
        let response = try XCTUnwrap(result.wait()).get()
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.bodyText, "finished /slow")
        XCTAssertEqual(response.headers["Connection"], "close")
        XCTAssertTrue(idle.seesClose(), "idle keep-alive connection closed by stop")
        XCTAssertThrowsError(try HTTPClient().post(url: "http://127.0.0.1:\(port)/", body: [], timeout: 1)) {
            XCTAssertEqual($0 as? HTTPClientError, .connectionRefused)
        }
    }

    func testStopReturnsAfterGraceEvenIfAHandlerHangs() throws {
        let entered = DispatchSemaphore(value: 0)
        let server = try startServer { _ in
            entered.signal()
            Thread.sleep(forTimeInterval: 1.5)
            return .text(200, "too late")
        }
        let port = server.port
        let result = ResultBox()
        Thread { result.set(Result { try HTTPClient().post(url: "http://127.0.0.1:\(port)/", body: [], timeout: 4) }) }.start()
        XCTAssertEqual(entered.wait(timeout: .now() + 3), .success)
        let started = Date()
        server.stop(graceTimeout: 0.3)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.2, "stop is bounded by the grace period")
        // The abandoned request's connection is shut down, so the client fails fast, not at its timeout.
        guard case .failure(let error)? = result.wait() else { return XCTFail("the hung request cannot succeed") }
        XCTAssertEqual(error as? HTTPClientError, .connectionReset)
    }

    func testLoopbackProxyHeadersNameTheRealClient() throws {
        let server = try startServer { .text(200, $0.remoteAddress) }
        let client = HTTPClient()
        let url = "http://127.0.0.1:\(server.port)/"
        var headers = HTTPHeaders([("X-Forwarded-For", "10.0.0.1, 203.0.113.9")])
        XCTAssertEqual(try client.post(url: url, headers: headers, body: [], timeout: 2).bodyText, "203.0.113.9")
        headers.add("X-Real-IP", "198.51.100.7")
        XCTAssertEqual(try client.post(url: url, headers: headers, body: [], timeout: 2).bodyText, "198.51.100.7")
        XCTAssertTrue(try client.post(url: url, body: [], timeout: 2).bodyText.hasPrefix("127.0.0.1:"))
    }

    func testManyConcurrentClients() throws {
        let server = try startServer(workers: 4, handler: Self.echo)
        let port = server.port
        let failures = RecordBox()
        DispatchQueue.concurrentPerform(iterations: 16) { i in
            let client = HTTPClient()
            for j in 0..<25 {
                do {
                    let r = try client.post(url: "http://127.0.0.1:\(port)/c\(i)", body: Array("\(j)".utf8), timeout: 5)
                    if !r.bodyText.hasSuffix(" \(j)") { failures.append(AccessRecord(method: "bad", path: r.bodyText, status: 0, durationMs: 0, bytes: 0)) }
                } catch {
                    failures.append(AccessRecord(method: "\(error)", path: "", status: 0, durationMs: 0, bytes: 0))
                }
            }
        }
        XCTAssertEqual(failures.all.map(\.method), [])
    }
}

/// Access records from the server's threads (TestFixtures' LockedList).
typealias RecordBox = LockedList<AccessRecord>

final class ResultBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Result<HTTPResponse, Error>?
    func set(_ r: Result<HTTPResponse, Error>) { value = r; done.signal() }
    func wait() -> Result<HTTPResponse, Error>? {
        _ = done.wait(timeout: .now() + 6)
        return value
    }
}
