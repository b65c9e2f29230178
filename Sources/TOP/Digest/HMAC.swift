// HMAC (RFC 2104), written once over HashFunction so HMAC-MD5 and HMAC-SHA256 share it.

public struct HMAC<H: HashFunction>: Sendable {
    private var inner: H
    private var outerKeyPad: [UInt8]

    public init(key: [UInt8]) {
        // Keys longer than a block are hashed first; shorter ones are zero-padded (RFC 2104 §2).
        var block = key.count > H.blockSize ? H.hash(key) : key
        block.append(contentsOf: repeatElement(0, count: H.blockSize - block.count))
        var innerPad = block
        for i in 0..<innerPad.count { innerPad[i] ^= 0x36 }
        outerKeyPad = block
        for i in 0..<outerKeyPad.count { outerKeyPad[i] ^= 0x5c }
        inner = H()
        inner.update(innerPad)
    }

    public mutating func update(_ bytes: [UInt8]) { inner.update(bytes) }

    public mutating func finalize() -> [UInt8] {
        let innerDigest = inner.finalize()
        var outer = H()
        outer.update(outerKeyPad)
        outer.update(innerDigest)
        return outer.finalize()
    }

    public static func authenticate(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var mac = HMAC(key: key)
        mac.update(message)
        return mac.finalize()
    }
}
