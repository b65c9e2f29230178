import Foundation

/// Rows flow from the generating thread to a writing thread in batches (`DemoRows`), so building values (Swift) and
/// inserting them (SQLite) run on both cores at once. Bounded, so memory stays flat for any store size; the writer
/// hands emptied batches back, so their buffers are allocated once.
final class DemoPipe: @unchecked Sendable {
    enum Kind: Int, CaseIterable { case order, ticket, hold, refund, outbox, audit }

    private let cond = NSCondition()
    private var full: [DemoRows] = []
    private var empty: [DemoRows] = []
    private var current: DemoRows
    private var closed = false
    private var cancelled = false
    private let batchBytes = 1 << 20
    private let maxBatches: Int

    /// `maxBatches` MB may wait in the pipe: more where the writer starts late (the side writer writes the
    /// schedules first; meanwhile the generator must not stall, or the other writer starves).
    init(maxBatches: Int = 8) {
        self.maxBatches = maxBatches
        current = DemoRows(capacity: batchBytes + (64 << 10))
    }

    /// Producer side. After `cancel` the rows are dropped at the next flush.
    func push(_ kind: Kind, _ args: [SQLValue]) {
        current.append(kind, args)
        if current.count >= batchBytes { flush() }
    }

    private func flush() {
        cond.lock()
        while full.count >= maxBatches && !cancelled { cond.wait() }
        if !cancelled { full.append(current) } else { current.clear() }
        cond.broadcast()
        if full.last === current { current = empty.popLast() ?? DemoRows(capacity: batchBytes + (64 << 10)) }
        cond.unlock()
    }

    func close() {
        if current.rows > 0 { flush() }
        cond.lock()
        closed = true
        cond.broadcast()
        cond.unlock()
    }

    /// Consumer side: the next batch, or nil once the producer closed and everything was taken.
    func next() -> DemoRows? {
        cond.lock()
        defer { cond.unlock() }
        while full.isEmpty && !closed { cond.wait() }
        if full.isEmpty || cancelled { return nil }
        let b = full.removeFirst()
        cond.broadcast()
        return b
    }

    /// Either side, after a failure: the producer drops what it pushes from now on, the consumer gets nil.
    func cancel() {
        cond.lock()
        cancelled = true
        closed = true
        cond.broadcast()
        cond.unlock()
    }

    var isCancelled: Bool {
        cond.lock()
        defer { cond.unlock() }
        return cancelled
    }

    /// Consumer side: a batch whose rows were written, for the producer to fill again.
    func recycle(_ rows: DemoRows) {
        rows.clear()
        cond.lock()
        empty.append(rows)
        cond.unlock()
    }
}
