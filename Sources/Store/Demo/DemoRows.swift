/// A batch of demo rows encoded back to back in one byte buffer: the generating thread appends, a writing thread
/// binds them straight from the buffer. Passing `[SQLValue]` arrays instead cost an array and a String per value
/// allocated on one thread and freed on the other (glibc arena locks), and SQLite copied every text again.
///
/// Layout per row: kind (1 byte), value count (1 byte), the row's length in bytes (UInt32), then per value a tag
/// byte and its payload: 0 null, 1 int64 (8 bytes), 2 double (8 bytes), 3 text (UInt32 length, then the UTF-8 bytes).
final class DemoRows {
    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// Bytes used.
    private(set) var count = 0
    private(set) var rows = 0
    /// Where each kind's rows start, rebuilt by every `replay` (kept to reuse the storage).
    private var starts = Array(repeating: [Int](), count: DemoPipe.Kind.allCases.count)

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
        reserve(6 + 9 * values.count)
        let start = count
        put(UInt8(kind.rawValue))
        put(UInt8(values.count))
        put(UInt32(0))   // the length, known at the end
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
        base.storeBytes(of: UInt32(count - start), toByteOffset: start + 2, as: UInt32.self)
        rows += 1
    }

    /// Writer side: inserts every row, `DemoStatements.rowsPerStep` rows per statement step where it can (a step has a
    /// fixed cost: opening a cursor on the table and each index, closing them), the rest one by one. Rows of one
    /// kind keep their order (ids assigned by SQLite follow it); kinds go in `Kind` order, so a batch's orders are
    /// in before its refunds (a trigger on refunds reads the order). Texts are bound in place, without a copy:
    /// this buffer stays unchanged until the steps are done.
    func replay(_ statements: DemoStatements) throws {
        for k in starts.indices { starts[k].removeAll(keepingCapacity: true) }
        var p = 0
        while p < count {
            starts[Int(base.load(fromByteOffset: p, as: UInt8.self))].append(p)
            p += Int(base.loadUnaligned(fromByteOffset: p + 2, as: UInt32.self))
        }
        let per = DemoStatements.rowsPerStep
        for kind in starts.indices where !starts[kind].isEmpty {
            let rows = starts[kind]
            var i = 0
            if let multi = statements.multi[kind] {
                while rows.count - i >= per {
                    var param: Int32 = 1
                    for r in i..<(i + per) { param = try bind(row: rows[r], multi, from: param) }
                    try multi.stepDone()
                    i += per
                }
            }
            guard let single = statements.single[kind] else { preconditionFailure("no statement for demo row kind \(kind)") }
            while i < rows.count {
                _ = try bind(row: rows[i], single, from: 1)
                try single.stepDone()
                i += 1
            }
        }
    }

    /// Binds the row at `offset` to parameters `from`…; answers the next free parameter.
    private func bind(row offset: Int, _ s: Statement, from first: Int32) throws -> Int32 {
        let n = Int32(base.load(fromByteOffset: offset + 1, as: UInt8.self))
        var p = offset + 6
        for i in first..<(first + n) {
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
        return first + n
    }
}

/// A writer's statements for `DemoRows.replay`, by `Kind.rawValue`: one row per step, and `rowsPerStep` rows per step.
struct DemoStatements {
    static let rowsPerStep = 16
    let single: [Statement?]
    let multi: [Statement?]

    init(_ db: Connection) throws {
        single = try DemoPipe.Kind.allCases.map { try db.prepare(DemoWriter.insertSQL($0)) }
        multi = try DemoPipe.Kind.allCases.map { try db.prepare(DemoWriter.insertSQL($0, rows: DemoStatements.rowsPerStep)) }
    }
}
