import Foundation
import Glibc
@testable import HTTP
import XCTest

/// Issue 15, "an endpoint that cannot be starved" (docs/HARDENING.md): deadlines that bytes do
/// not extend, idle connections shed first, a per-address cap, and good requests answered
/// within a second while hundreds of attackers hold their connections. Loopback only; every
/// attacker socket and every wait is bounded.
final class ServerHardeningTests: XCTestCase {
    private var servers: [HTTPServer] = []

    override func tearDown() {
        for server in servers { server.stop(graceTimeout: 1) }
        servers = []
        super.tearDown()
    }

    private func startServer(_ options: HTTPServer.Options = HTTPServer.Options()) throws -> HTTPServer {
        let server = HTTPServer(port: 0, workers: 2, options: options) { _ in .text(200, "ok\n") }
        try server.start()
        servers.append(server)
        return server
    }

    private func assertAnsweredWithinOneSecond(_ latencies: [TimeInterval], _ what: String,
                                               file: StaticString = #filePath, line: UInt = #line) {
        let worst = latencies.max() ?? .infinity
        print("\(what): good requests answered in \(latencies.map { String(format: "%.0f", $0 * 1000) }.joined(separator: ", ")) ms")
        XCTAssertLessThan(worst, 1.0, "\(what): worst good request took \(worst) s", file: file, line: line)
    }

    // MARK: - deadlines bytes do not extend

    func testSlowlorisIsClosedAtTheHeadDeadlineWhateverItSends() throws {
        var options = HTTPServer.Options()
        options.headTimeout = 1
        let server = try startServer(options)
        let slow = try RawSocket(port: server.port, timeout: 0.1)
        let started = Date()
        var answer = ""
        // A byte every 100 ms: under the old read timeout each one pushed the deadline back.
        for byte in Array("GET / HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 40) {
            slow.write([byte])
            var buf = [UInt8](repeating: 0, count: 512)
            let n = recv(slow.fd, &buf, buf.count, 0)
            if n > 0 { answer = String(decoding: buf[0..<n], as: UTF8.self); break }
            if n == 0 { break }
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 "), "answer: \(answer)")
        XCTAssertGreaterThanOrEqual(elapsed, 0.9)
        XCTAssertLessThan(elapsed, 2.0, "closed at the head deadline, not pushed back by each byte")
    }

    func testKeptAliveConnectionGetsItsHeadDeadlineFromItsFirstByte() throws {
        var options = HTTPServer.Options()
        options.headTimeout = 0.5
        options.idleTimeout = 5
        let server = try startServer(options)
        let socket = try RawSocket(port: server.port, timeout: 2)
        socket.write("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(socket.readResponses(1).count, 1)
        Thread.sleep(forTimeInterval: 0.8)   // idle longer than the head timeout: allowed
        socket.write("GET /2 HTTP/1.1\r\n")   // the head clock starts here
        let started = Date()
        let text = socket.readToEnd()
        XCTAssertTrue(text.hasPrefix("HTTP/1.1 408 "), text)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
    }

    func testTricklingBodyIsClosedAtTheBodyDeadline() throws {
        var options = HTTPServer.Options()
        options.headTimeout = 5
        options.bodyTimeout = 0.8
        let server = try startServer(options)
        let slow = try RawSocket(port: server.port, timeout: 0.1)
        slow.write("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n")
        let started = Date()
        var answer = ""
        for _ in 0..<40 {
            slow.write("b")
            var buf = [UInt8](repeating: 0, count: 512)
            let n = recv(slow.fd, &buf, buf.count, 0)
            if n > 0 { answer = String(decoding: buf[0..<n], as: UTF8.self); break }
            if n == 0 { break }
        }
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 408 "), "answer: \(answer)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.8)
    }

    // MARK: - floods

    func testGoodRequestsAnsweredWithinASecondWhileSlowlorisConnectionsAreHeld() throws {
        let server = try startServer()   // the defaults busops serve runs with
        let flood = try Flood(port: server.port, count: Flood.defaultCount, trickle: true)
        defer { flood.stop() }
        Thread.sleep(forTimeInterval: 1.2)   // every attacker has started its head
        let latencies = Flood.goodRequests(port: server.port, count: 6, spacing: 0.4)
        assertAnsweredWithinOneSecond(latencies, "\(flood.sockets.count) slowloris connections")
        XCTAssertGreaterThan(flood.stillHeld, flood.sockets.count * 9 / 10, "the attackers were really held meanwhile")
    }

    func testGoodRequestsAnsweredWithinASecondWhileIdleConnectionsAreHeld() throws {
        let server = try startServer()
        let flood = try Flood(port: server.port, count: Flood.defaultCount, trickle: false)
        defer { flood.stop() }
        Thread.sleep(forTimeInterval: 0.3)
        let latencies = Flood.goodRequests(port: server.port, count: 6, spacing: 0.3)
        assertAnsweredWithinOneSecond(latencies, "\(flood.sockets.count) idle connections")
        XCTAssertGreaterThan(flood.stillHeld, flood.sockets.count * 9 / 10)
    }

    func testWhenConnectionsRunShortTheOldestIdleOneIsShedFirst() throws {
        var options = HTTPServer.Options()
        options.maxConnections = 40
        let server = try startServer(options)
        let idle = try Flood(port: server.port, count: 20, trickle: false)
        Thread.sleep(forTimeInterval: 0.2)
        let slow = try Flood(port: server.port, count: 20, trickle: true, interval: 0.2)
        defer { slow.stop() }
        Thread.sleep(forTimeInterval: 0.5)   // now full: 20 idle, 20 mid-head
        let latencies = Flood.goodRequests(port: server.port, count: 5, spacing: 0.1)
        assertAnsweredWithinOneSecond(latencies, "a full server (20 idle, 20 slowloris)")
        // The first good request needed room; the later ones found the place it left.
        XCTAssertEqual(slow.stillHeld, 20, "no request in progress was shed while idle connections were left")
        XCTAssertEqual(idle.stillHeld, 19, "one idle connection made room")
        XCTAssertEqual(server.counters.shed, 1)
    }

    func testFullOfSlowlorisTheSlowestRequestMakesRoom() throws {
        var options = HTTPServer.Options()
        options.maxConnections = 30
        let server = try startServer(options)
        let slow = try Flood(port: server.port, count: 30, trickle: true, interval: 0.2)
        defer { slow.stop() }
        Thread.sleep(forTimeInterval: 0.5)
        let latencies = Flood.goodRequests(port: server.port, count: 3, spacing: 0.1)
        assertAnsweredWithinOneSecond(latencies, "a server full of slowloris connections")
        XCTAssertEqual(server.counters.shed, 1)
        // One of them (the one whose head started first) was told why and closed.
        XCTAssertEqual(slow.stillHeld, 29)
        let told = slow.sockets.filter { !Flood.isHeld($0) }.map { $0.readToEnd() }
        XCTAssertTrue(told.first?.hasPrefix("HTTP/1.1 503 ") ?? false, "\(told)")
    }

    // MARK: - per-address cap

    func testConnectionsPerAddressAreCappedAndOtherAddressesStillGetIn() throws {
        var options = HTTPServer.Options()
        options.maxConnectionsPerAddress = 5
        let server = try startServer(options)
        let held = try Flood(port: server.port, count: 5, trickle: false, source: "127.0.0.2")
        Thread.sleep(forTimeInterval: 0.2)
        let extra = try RawSocket(port: server.port, timeout: 2, source: "127.0.0.2")
        let refusal = extra.readToEnd()
        XCTAssertTrue(refusal.hasPrefix("HTTP/1.1 503 "), refusal)
        XCTAssertTrue(refusal.contains("too many connections from your address"), refusal)
        XCTAssertEqual(held.stillHeld, 5, "the address keeps the connections it already had")
        XCTAssertEqual(server.counters.refusedPerAddress, 1)

        // Another client address, and 127.0.0.1 (nginx on the same host) are not affected.
        XCTAssertEqual(Flood.goodRequests(port: server.port, count: 1, spacing: 0, source: "127.0.0.3").count, 1)
        XCTAssertLessThan(Flood.goodRequests(port: server.port, count: 1, spacing: 0, source: "127.0.0.3")[0], 1)
        let local = try Flood(port: server.port, count: 10, trickle: false)
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(local.stillHeld, 10, "127.0.0.1 is exempt by default")

        // Closing one frees its place.
        close(held.sockets[0].fd)
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertLessThan(Flood.goodRequests(port: server.port, count: 1, spacing: 0, source: "127.0.0.2")[0], 1)
        _ = dup2(open("/dev/null", O_RDONLY), held.sockets[0].fd)   // keep deinit's close harmless
    }

    // MARK: - descriptor limit

    func testMaxConnectionsIsCappedByTheDescriptorLimit() {
        var options = HTTPServer.Options()
        options.maxConnections = Int(Int32.max)
        XCTAssertEqual(options.effectiveMaxConnections, FileLimit.current - options.reservedDescriptors)
        options.maxConnections = 10
        XCTAssertEqual(options.effectiveMaxConnections, 10)
        XCTAssertGreaterThanOrEqual(FileLimit.raiseToHard(), FileLimit.current)
    }
}
