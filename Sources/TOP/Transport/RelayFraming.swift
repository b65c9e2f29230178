// The wire between busops and its HTTPS relay (`busops-https`, see HTTPSRelayTransport): over the relay's
// stdin and stdout, a frame is a field count (4 bytes, big-endian), then every field as a 4-byte big-endian
// length and its bytes. Binary-safe, so request and response bodies travel as they are.

import Foundation
import Glibc

public enum RelayFraming {
    /// Larger than any TOP call or answer; a length past it means the stream is out of step.
    public static let maxFieldBytes = 16 << 20
    static let maxFields = 16

    public enum Failure: Error, Equatable {
        case truncated, oversized, timedOut, io(Int32)
    }

    public static func encode(_ fields: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4 + fields.reduce(0) { $0 + 4 + $1.count })
        append(UInt32(fields.count), to: &out)
        for f in fields {
            append(UInt32(f.count), to: &out)
            out.append(contentsOf: f)
        }
        return out
    }

    /// Decodes exactly one whole frame (tests and in-memory use).
    public static func decode(_ bytes: [UInt8]) throws -> [[UInt8]] {
        var offset = 0
        func take(_ n: Int) throws -> ArraySlice<UInt8> {
            guard n <= bytes.count - offset else { throw Failure.truncated }
            defer { offset += n }
            return bytes[offset..<offset + n]
        }
        let count = Int(number(try take(4)))
        guard count <= maxFields else { throw Failure.oversized }
        var fields: [[UInt8]] = []
        for _ in 0..<count {
            let length = Int(number(try take(4)))
            guard length <= maxFieldBytes else { throw Failure.oversized }
            fields.append(Array(try take(length)))
        }
        return fields
    }

    /// Reads one frame from `fd`. Nil on end of input before a frame starts; `deadline` (monotonic
    /// nanoseconds, `DispatchTime.now().uptimeNanoseconds` scale) bounds the wait when given.
    public static func read(from fd: Int32, deadline: UInt64? = nil) throws -> [[UInt8]]? {
        guard let head = try readExactly(4, from: fd, deadline: deadline, eofAllowed: true) else { return nil }
        let count = Int(number(head[...]))
        guard count <= maxFields else { throw Failure.oversized }
        var fields: [[UInt8]] = []
        for _ in 0..<count {
            let length = Int(number(try readExactly(4, from: fd, deadline: deadline, eofAllowed: false)![...]))
            guard length <= maxFieldBytes else { throw Failure.oversized }
            fields.append(try readExactly(length, from: fd, deadline: deadline, eofAllowed: false)!)
        }
        return fields
    }

    public static func write(_ bytes: [UInt8], to fd: Int32) throws {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + sent, bytes.count - sent) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io(errno)
            }
            sent += n
        }
    }

    private static func readExactly(_ n: Int, from fd: Int32, deadline: UInt64?, eofAllowed: Bool) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: n)
        var got = 0
        while got < n {
            if let deadline { try wait(fd, until: deadline) }
            let r = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + got, n - got) }
            if r < 0 {
                if errno == EINTR { continue }
                throw Failure.io(errno)
            }
            if r == 0 {
                if got == 0 && eofAllowed { return nil }
                throw Failure.truncated
            }
            got += r
        }
        return buffer
    }

    private static func wait(_ fd: Int32, until deadline: UInt64) throws {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw Failure.timedOut }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let rc = poll(&p, 1, Int32(min((deadline - now) / 1_000_000 + 1, 60_000)))
            if rc > 0 { return }
            if rc < 0 && errno != EINTR { throw Failure.io(errno) }
        }
    }

    private static func append(_ v: UInt32, to out: inout [UInt8]) {
        out.append(contentsOf: [UInt8(v >> 24), UInt8(v >> 16 & 0xff), UInt8(v >> 8 & 0xff), UInt8(v & 0xff)])
    }

    private static func number(_ b: ArraySlice<UInt8>) -> UInt32 {
        let s = b.startIndex
        return UInt32(b[s]) << 24 | UInt32(b[s + 1]) << 16 | UInt32(b[s + 2]) << 8 | UInt32(b[s + 3])
    }
}

/// What one relay exchange carries: a POST out, a TransportResult back.
public enum RelayMessage {
    public struct Post: Equatable {
        public var url: URL
        public var contentType: String
        public var timeout: TimeInterval
        public var body: [UInt8]
        public init(url: URL, contentType: String, timeout: TimeInterval, body: [UInt8]) {
            self.url = url; self.contentType = contentType; self.timeout = timeout; self.body = body
        }
    }

    public static func encode(_ p: Post) -> [[UInt8]] {
        [Array("POST".utf8), Array(p.url.absoluteString.utf8), Array(p.contentType.utf8),
         Array(String(Int((p.timeout * 1000).rounded())).utf8), p.body]
    }

    public static func post(_ fields: [[UInt8]]) -> Post? {
        guard fields.count == 5, fields[0] == Array("POST".utf8),
              let url = URL(string: String(decoding: fields[1], as: UTF8.self)),
              let millis = Int(String(decoding: fields[3], as: UTF8.self)), millis > 0 else { return nil }
        return Post(url: url, contentType: String(decoding: fields[2], as: UTF8.self), timeout: Double(millis) / 1000,
                    body: fields[4])
    }

    public static func encode(_ r: TransportResult) -> [[UInt8]] {
        switch r {
        case let .answered(status, body): return [Array("answered".utf8), Array(String(status).utf8), body]
        case .failed(let f):
            let (kind, text): (String, String)
            switch f {
            case .connectionRefused: (kind, text) = ("refused", "")
            case .connectionReset: (kind, text) = ("reset", "")
            case .timeout: (kind, text) = ("timeout", "")
            case .other(let t): (kind, text) = ("other", t)
            }
            return [Array("failed".utf8), Array(kind.utf8), Array(text.utf8)]
        }
    }

    public static func result(_ fields: [[UInt8]]) -> TransportResult? {
        guard fields.count == 3 else { return nil }
        let head = String(decoding: fields[0], as: UTF8.self), second = String(decoding: fields[1], as: UTF8.self)
        switch (head, second) {
        case ("answered", _): return Int(second).map { .answered(status: $0, body: fields[2]) }
        case ("failed", "refused"): return .failed(.connectionRefused)
        case ("failed", "reset"): return .failed(.connectionReset)
        case ("failed", "timeout"): return .failed(.timeout)
        case ("failed", "other"): return .failed(.other(String(decoding: fields[2], as: UTF8.self)))
        default: return nil
        }
    }
}
