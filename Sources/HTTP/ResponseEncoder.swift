import Glibc

/// Turns an `HTTPResponse` into wire bytes, owning the framing headers so a handler can
/// never produce a response whose length disagrees with its body.
enum ResponseEncoder {
    static func encode(_ response: HTTPResponse, version: HTTPRequest.Version, keepAlive: Bool,
                       headRequest: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160 + response.body.count + response.headers.count * 32)
        out.append(contentsOf: version.text.utf8)
        out.append(0x20)
        appendDecimal(response.status, to: &out)
        out.append(0x20)
        out.append(contentsOf: HTTPStatus.reason(response.status).utf8)
        out.append(contentsOf: crlf)
        for field in response.headers where !isFramingHeader(field.name) {
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: ": ".utf8)
            // A CR or LF in a handler's value would split the response; drop such bytes.
            for b in field.value.utf8 where b != 0x0D && b != 0x0A { out.append(b) }
            out.append(contentsOf: crlf)
        }
        let bodyless = response.status == 204 || response.status == 304 || response.status < 200
        if !bodyless {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.body.count, to: &out)
            out.append(contentsOf: crlf)
        }
        if !keepAlive {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http10 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: HTTPDate.current())
        out.append(contentsOf: crlf)
        out.append(contentsOf: crlf)
        if !bodyless && !headRequest { out.append(contentsOf: response.body) }
        return out
    }

    private static let crlf: [UInt8] = [0x0D, 0x0A]

    private static func isFramingHeader(_ name: String) -> Bool {
        HTTPHeaders.sameName(name, "Content-Length") || HTTPHeaders.sameName(name, "Connection")
            || HTTPHeaders.sameName(name, "Transfer-Encoding") || HTTPHeaders.sameName(name, "Date")
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value == 0 { out.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value, count = 0
        withUnsafeMutableBytes(of: &digits) { p in
            while n > 0 && count < 20 { p[count] = UInt8(ascii: "0") + UInt8(n % 10); n /= 10; count += 1 }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(p[i]) }
        }
    }
}

/// The IMF-fixdate for the Date header, rebuilt at most once a second.
enum HTTPDate {
    private static let cache = DateCache()

    static func current() -> [UInt8] { cache.bytes(for: time(nil)) }

    private final class DateCache: @unchecked Sendable {
        private let lock = Lock()
        private var second: time_t = 0
        private var text: [UInt8] = []

        func bytes(for now: time_t) -> [UInt8] {
            lock.withLock {
                if now != second {
                    second = now
                    var t = now
                    var parts = tm()
                    gmtime_r(&t, &parts)
                    // Formatted by hand: strftime follows the locale, and the console sets one.
                    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
                    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
                    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
                    let s = "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
                        + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
                    text = Array(s.utf8)
                }
                return text
            }
        }
    }
}
