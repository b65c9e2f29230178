import Glibc
@testable import HTTP
import XCTest

/// A bare TCP client for tests that must send exact (or broken) bytes.
/// Every receive is bounded by SO_RCVTIMEO so a test can never hang.
final class RawSocket {
    let fd: Int32

    /// `source`: another loopback address to connect from (127.0.0.2...), so a test can be
    /// several clients as the per-address limit sees them.
    init(port: UInt16, timeout: Double = 3, source: String? = nil) throws {
        fd = socket(AF_INET, Socket.streamType, 0)
        guard fd >= 0 else { throw Socket.Failure(call: "socket", code: errno) }
        if let source {
            var local = try Socket.ipv4Address(source, port: 0)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound != 0 { let code = errno; close(fd); throw Socket.Failure(call: "bind \(source)", code: code) }
        }
        var addr = try Socket.ipv4Address("127.0.0.1", port: port)
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if rc != 0 { close(fd); throw Socket.Failure(call: "connect", code: errno) }
    }

    deinit { close(fd) }

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the peer closes or the timeout passes; returns what arrived.
    func readToEnd() -> String {
        var all: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { break }
            all.append(contentsOf: buf[0..<n])
        }
        return String(decoding: all, as: UTF8.self)
    }

    /// Reads until `count` complete responses (Content-Length framed) have arrived.
    func readResponses(_ count: Int) -> [String] {
        var all: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        var responses: [String] = []
        while responses.count < count {
            if let (response, used) = Self.splitResponse(all) {
                responses.append(response)
                all.removeFirst(used)
                continue
            }
            let n = recv(fd, &buf, buf.count, 0)
            if n <= 0 { break }
            all.append(contentsOf: buf[0..<n])
        }
        return responses
    }

    /// True when the peer has closed (recv returns 0) within the timeout.
    func seesClose() -> Bool {
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buf, buf.count, 0)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
    }

    private static func splitResponse(_ bytes: [UInt8]) -> (String, Int)? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<headEnd.lowerBound]
        var length = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let headBytes = text[..<headEnd.upperBound].utf8.count
        guard bytes.count >= headBytes + length else { return nil }
        return (String(decoding: bytes[0..<(headBytes + length)], as: UTF8.self), headBytes + length)
    }
}

/// A listening socket that accepts but answers however a test wants (or never).
final class ScriptedServer: @unchecked Sendable {
    let listener: Int32
    let port: UInt16
    private let thread: Thread

    /// `script` runs on a thread for each accepted connection, with its descriptor.
    init(script: @escaping @Sendable (Int32) -> Void) throws {
        let (fd, port) = try Socket.listen(host: "127.0.0.1", port: 0)
        listener = fd
        self.port = port
        let listenerFD = fd
        thread = Thread {
            while true {
                var p = pollfd(fd: listenerFD, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 5000) <= 0 || p.revents & Int16(POLLNVAL) != 0 { return }
                guard let (client, _) = Socket.accept(listenerFD) else { return }
                script(client)
            }
        }
        thread.start()
    }

    func shutdown() {
        Glibc.shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }
}
