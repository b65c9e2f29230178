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

/// What tells one 64-byte-block Merkle–Damgård hash from another: its chaining state, its
/// compression function and its byte order. `BlockHash` does the buffering and padding once.
public protocol BlockCompression: Sendable {
    associatedtype State: Sendable
    static var initialState: State { get }
    static var digestSize: Int { get }
    /// Whether the length suffix and the digest words are big-endian (SHA-256) or little-endian (MD5).
    static var bigEndian: Bool { get }
    static func compress(_ state: inout State, _ block: UnsafeRawBufferPointer)
    /// The chaining state as the digest's words, in order.
    static func words(_ state: State) -> [UInt32]
}

/// A streaming hash made of a compression function and the shared block bookkeeping (MD5, SHA256).
public struct BlockHash<C: BlockCompression>: HashFunction {
    public static var blockSize: Int { 64 }
    public static var digestSize: Int { C.digestSize }

    private var state = C.initialState
    private var buffer = BlockBuffer()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        buffer.feed(bytes, into: &state, C.compress)
    }

    public mutating func finalize() -> [UInt8] {
        buffer.pad(into: &state, bigEndianLength: C.bigEndian, C.compress)
        return BlockBuffer.digest(C.words(state), bigEndian: C.bigEndian)
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

    /// Feeds bytes, compressing each whole block into `state`.
    mutating func feed<State>(_ bytes: UnsafeRawBufferPointer, into state: inout State,
                              _ compress: (inout State, UnsafeRawBufferPointer) -> Void) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            if pending.count < 64 { return }
            pending.withUnsafeBytes { compress(&state, $0) }
            pending.removeAll(keepingCapacity: true)
        }
        // Whole blocks straight from the caller's memory: no copies on the hot path.
        while bytes.count - offset >= 64 {
            compress(&state, UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 64)]))
            offset += 64
        }
        if offset < bytes.count {
            pending.append(contentsOf: bytes[offset...])
        }
    }

    /// Appends 0x80, zeros and the 64-bit bit length (little- or big-endian per hash), compressing
    /// the last block(s) into `state`.
    mutating func pad<State>(into state: inout State, bigEndianLength: Bool,
                             _ compress: (inout State, UnsafeRawBufferPointer) -> Void) {
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
                compress(&state, UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + 64)]))
                offset += 64
            }
        }
        pending.removeAll()
    }

    /// The digest: each state word as 4 bytes, in the hash's byte order (MD5 little-, SHA-256 big-endian).
    static func digest(_ words: [UInt32], bigEndian: Bool) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(4 * words.count)
        for word in words {
            for i in 0..<4 {
                let shift = bigEndian ? UInt32(24 - 8 * i) : UInt32(8 * i)
                out.append(UInt8(truncatingIfNeeded: word >> shift))
            }
        }
        return out
    }
}
