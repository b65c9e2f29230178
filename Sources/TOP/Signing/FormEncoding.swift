// application/x-www-form-urlencoded, the body format of TOP requests and of Qimen query strings.

public struct FormDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    public var description: String { "invalid form encoding: \(reason)" }
}

public enum FormEncoding {
    /// `k=v&k=v` in the given order, UTF-8 percent-encoded.
    public static func encode(_ params: [(String, String)]) -> String {
        String(decoding: encodeBytes(params), as: UTF8.self)
    }

    public static func encodeBytes(_ params: [(String, String)]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(params.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count * 3 + 2 })
        for (i, (key, value)) in params.enumerated() {
            if i > 0 { out.append(UInt8(ascii: "&")) }
            appendEscaped(key, into: &out)
            out.append(UInt8(ascii: "="))
            appendEscaped(value, into: &out)
        }
        return out
    }

    /// Percent-encodes everything but the RFC 3986 unreserved set. Spaces become %20, which
    /// every form decoder accepts and which cannot be confused with a literal `+`.
    public static func escape(_ text: String) -> String {
        var out = [UInt8]()
        appendEscaped(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func appendEscaped(_ text: String, into out: inout [UInt8]) {
        for b in text.utf8 {
            if isUnreserved(b) {
                out.append(b)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0f)])
            }
        }
    }

    /// Pairs in document order. `+` is a space; a key without `=` has an empty value;
    /// empty segments (`a=1&&b=2`) are skipped. Bad `%` escapes or invalid UTF-8 throw.
    public static func decode(_ text: String) throws -> [(String, String)] {
        try decode(Array(text.utf8))
    }

    public static func decode(_ bytes: [UInt8]) throws -> [(String, String)] {
        var pairs: [(String, String)] = []
        for segment in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let eq = segment.firstIndex(of: UInt8(ascii: "=")) {
                pairs.append((try unescape(segment[segment.startIndex..<eq]),
                              try unescape(segment[(eq + 1)...])))
            } else {
                pairs.append((try unescape(segment), ""))
            }
        }
        return pairs
    }

    public static func unescape<C: Collection>(_ bytes: C) throws -> String where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var it = bytes.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "+"): out.append(0x20)
            case UInt8(ascii: "%"):
                guard let h = it.next().flatMap(hexValue), let l = it.next().flatMap(hexValue) else {
                    throw FormDecodingError(reason: "bad percent escape")
                }
                out.append(h << 4 | l)
            default: out.append(b)
            }
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            throw FormDecodingError(reason: "not UTF-8")
        }
        return s
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
