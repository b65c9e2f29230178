import Foundation
import Glibc
@testable import HTTP
import XCTest

/// Attackers for the hardening tests (issue 15): many loopback connections that either send
/// nothing (an idle flood) or one more byte of a never-ending head every `interval` (slowloris).
/// Bounded: every socket has a receive timeout, the trickle thread stops on `stop()`.
final class Flood: @unchecked Sendable {
    let sockets: [RawSocket]
    private let lock = NSLock()
    private var running = true
    private let done = DispatchSemaphore(value: 0)
    private let trickles: Bool

    /// How many attackers a test holds: a few hundred by default (CI shares two cores);
    /// BUSOPS_FLOOD_CONNECTIONS=1000 reproduces issue 15's numbers.
    static var defaultCount: Int {
        Int(ProcessInfo.processInfo.environment["BUSOPS_FLOOD_CONNECTIONS"] ?? "") ?? 300
    }

    init(port: UInt16, count: Int, trickle: Bool, interval: TimeInterval = 1, source: String? = nil) throws {
        var opened: [RawSocket] = []
        for _ in 0..<count { opened.append(try RawSocket(port: port, timeout: 0.2, source: source)) }
        sockets = opened
        trickles = trickle
        guard trickle else { return }
        let head = Array("GET /slow HTTP/1.1\r\nHost: x\r\nX-Slow: ".utf8)
        let thread = Thread { [self] in
            var sent = 0
            while self.isRunning {
                let byte = sent < head.count ? head[sent] : UInt8(ascii: "a")
                for socket in self.sockets { socket.write([byte]) }
                sent += 1
                Thread.sleep(forTimeInterval: interval)
            }
            self.done.signal()
        }
        thread.start()
    }

    private var isRunning: Bool { lock.lock(); defer { lock.unlock() }; return running }

    func stop() {
        lock.lock()
        let was = running
        running = false
        lock.unlock()
        if was && trickles { _ = done.wait(timeout: .now() + 3) }
    }

    deinit { stop() }

    /// Attackers the server has not closed or answered (an answer here is a 408 or 503).
    var stillHeld: Int { sockets.filter(Self.isHeld).count }

    static func isHeld(_ socket: RawSocket) -> Bool {
        var byte: UInt8 = 0
        let n = recv(socket.fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
    }

    /// Sends `count` good requests, each on a new connection, `spacing` apart; returns each
    /// one's time from connect to complete response (infinity when none came).
    static func goodRequests(port: UInt16, count: Int, spacing: TimeInterval, source: String? = nil) -> [TimeInterval] {
        (0..<count).map { i in
            if i > 0 { Thread.sleep(forTimeInterval: spacing) }
            let started = Date()
            guard let socket = try? RawSocket(port: port, timeout: 3, source: source) else { return .infinity }
            socket.write("GET /good HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            guard let response = socket.readResponses(1).first, response.hasPrefix("HTTP/1.1 200 ") else { return .infinity }
            return Date().timeIntervalSince(started)
        }
    }
}
