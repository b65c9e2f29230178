/// A batch of demo rows encoded back to back in one byte buffer: the generating thread appends, a writing thread
/// binds them straight from the buffer. Passing `[SQLValue]` arrays instead cost an array and a String per value
/// allocated on one thread and freed on the other (glibc arena locks), and SQLite copied every text again.
///
/// Layout per row: kind (1 byte), value count (1 byte), then per value a tag byte and its payload:
/// 0 null, 1 int64 (8 bytes), 2 double (8 bytes), 3 text (UInt32 length, then the UTF-8 bytes).
final class DemoRows {
    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes used.
    private(set) var count = 0
    private(set) var rows = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    func clear() { count = 0; rows = 0 }

    private func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let bigger = max(capacity * 2, count + n)
        let p = UnsafeMutableRawPointer.allocate(byteCount: bigger, alignment: 16)
        p.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = p
        capacity = bigger
    }

    private func put<T>(_ v: T) {
        base.storeBytes(of: v, toByteOffset: count, as: T.self)
        count += MemoryLayout<T>.size
    }

    func append(_ kind: DemoPipe.Kind, _ values: [SQLValue]) {
        reserve(2 + 9 * values.count)
        put(UInt8(kind.rawValue))
        put(UInt8(values.count))
        for v in values {
            switch v {
            case .null: put(UInt8(0))
            case .int(let n): put(UInt8(1)); put(n)
            case .real(let d): put(UInt8(2)); put(d)
            case .text(var s):
                s.withUTF8 { utf8 in
                    reserve(5 + utf8.count)
                    put(UInt8(3))
                    put(UInt32(utf8.count))
                    if let p = utf8.baseAddress { (base + count).copyMemory(from: p, byteCount: utf8.count) }
                    count += utf8.count
                }
            }
        }
        rows += 1
    }

    /// Writer side: runs every row through the statement for its kind (indexed by `Kind.rawValue`). Texts are bound
    /// in place, without a copy: this buffer stays unchanged until the row's step is done.
    func replay(_ statements: [Statement?]) throws {
        var p = 0
        while p < count {
            let kind = Int(base.load(fromByteOffset: p, as: UInt8.self))
            let n = Int(base.load(fromByteOffset: p + 1, as: UInt8.self))
            p += 2
            guard let s = statements[kind] else { preconditionFailure("no statement for demo row kind \(kind)") }
            for i in 1...Int32(n) {
                let tag = base.load(fromByteOffset: p, as: UInt8.self)
                p += 1
                switch tag {
                case 0: try s.bindNull(i)
                case 1: try s.bindInt(i, base.loadUnaligned(fromByteOffset: p, as: Int64.self)); p += 8
                case 2: try s.bindDouble(i, base.loadUnaligned(fromByteOffset: p, as: Double.self)); p += 8
                default:
                    let len = Int(base.loadUnaligned(fromByteOffset: p, as: UInt32.self))
                    try s.bindTextInPlace(i, base + p + 4, len)
                    p += 4 + len
                }
            }
            try s.stepDone()
        }
    }
}
