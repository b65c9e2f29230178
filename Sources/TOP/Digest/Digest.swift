// The one-call facade other modules use (Qimen signatures, TOP signing).

public enum Digest {
    public static func md5(_ bytes: [UInt8]) -> [UInt8] { MD5.hash(bytes) }

    public static func sha256(_ bytes: [UInt8]) -> [UInt8] { SHA256.hash(bytes) }

    public static func hmacMD5(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMAC<MD5>.authenticate(key: key, message: message)
    }

    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMAC<SHA256>.authenticate(key: key, message: message)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Upper-case hex, the form TOP and Qimen signatures use.
    public static func hexUpper(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Constant-time comparison (for signature checks).
    /// Time depends only on the lengths, never on where the first difference is,
    /// so a caller cannot find a valid signature byte by byte.
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var diff: UInt8 = a.count == b.count ? 0 : 1
        let n = max(a.count, b.count)
        for i in 0..<n {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            diff |= x ^ y
        }
        return diff == 0
    }
}
