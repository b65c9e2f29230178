/// `application/x-www-form-urlencoded` decoding, shared by query strings and form bodies.
/// Qimen signs the *decoded* values, so this must match what the gateway's Java side does:
/// `+` is a space, `%XX` is a byte, a key without `=` has the empty value, and invalid
/// escapes are kept literally rather than rejected (the signature check is the judge).
public enum FormDecoding {
    public static func decode(_ raw: String) -> [(name: String, value: String)] {
        var items: [(name: String, value: String)] = []
        if raw.isEmpty { return items }
        for pair in raw.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let eq = pair.firstIndex(of: UInt8(ascii: "=")) {
                items.append((name: percentDecode(pair[pair.startIndex..<eq]),
                              value: percentDecode(pair[pair.index(after: eq)...])))
            } else {
                items.append((name: percentDecode(pair[...]), value: ""))
            }
        }
        return items
    }

    public static func decode(_ bytes: [UInt8]) -> [(name: String, value: String)] {
        decode(String(decoding: bytes, as: UTF8.self))
    }

    /// Percent-decodes one component, `+` meaning space.
    public static func percentDecode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(0x20)
            } else if b == UInt8(ascii: "%"),
                      let h1 = bytes.index(i, offsetBy: 1, limitedBy: bytes.endIndex), h1 != bytes.endIndex,
                      let h2 = bytes.index(i, offsetBy: 2, limitedBy: bytes.endIndex), h2 != bytes.endIndex,
                      let hi = hexValue(bytes[h1]), let lo = hexValue(bytes[h2]) {
                out.append(hi << 4 | lo)
                i = h2
            } else {
                out.append(b)
            }
            i = bytes.index(after: i)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-encodes for a form value: unreserved characters stay, space becomes `%20`
    /// (never `+`, so the result is also safe in a path or a non-form query).
    public static func percentEncode(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(b))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 0x0F)]))
            }
        }
        return out
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
