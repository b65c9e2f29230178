// The shape shared by our block hashes, so HMAC can be written once for both.

/// A streaming Merkle–Damgård hash over 64-byte blocks.
public protocol HashFunction: Sendable {
    /// Input block size in bytes (64 for MD5 and SHA-256); HMAC pads its key to this.
    static var blockSize: Int { get }
    /// Digest length in bytes.
    static var digestSize: Int { get }
    init()
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    /// Returns the digest. The value must not be updated afterwards.
    mutating func finalize() -> [UInt8]
}

extension HashFunction {
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// One-shot digest of a byte array.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var h = Self()
        h.update(bytes)
        return h.finalize()
    }
}

/// Buffers partial blocks for a 64-byte-block hash; the compression function is passed in
/// so MD5 and SHA-256 share the bookkeeping (and its off-by-one risks) exactly once.
struct BlockBuffer: Sendable {
    /// Bytes of an unfinished block, always fewer than 64.
    private(set) var pending: [UInt8] = []
    /// Total message length in bytes, for the length suffix of the padding.
    private(set) var length: UInt64 = 0

    init() { pending.reserveCapacity(64) }

    mutating func feed(_ bytes: UnsafeRawBufferPointer, _ compress: (UnsafeRawBufferPointer) -> Void) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count < 64 { return }
            pending.withUnsafeBytes { compress($0) }
            pending.removeAll(keepingCapacity: true)
        }
        // Whole blocks straight from the caller's memory: no copies on the hot path.
        while bytes.count - offset >= 64 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 64)]))
            offset += 64
        }
        if offset < bytes.count {
            pending.append(contentsOf: bytes[offset...])
        }
    }

    /// Appends 0x80, zeros and the 64-bit bit length (little- or big-endian per hash).
    mutating func pad(bigEndianLength: Bool, _ compress: (UnsafeRawBufferPointer) -> Void) {
        let bitLength = length &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for i in 0..<8 {
            let shift = bigEndianLength ? UInt64(56 - 8 * i) : UInt64(8 * i)
            tail.append(UInt8(truncatingIfNeeded: bitLength >> shift))
        }
        tail.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                compress(UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 64)]))
                offset += 64
            }
        }
        pending.removeAll()
    }
}
