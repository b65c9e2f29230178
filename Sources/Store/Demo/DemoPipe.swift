import Foundation

/// Rows flow from the generating thread to the writing thread in batches, so building values (Swift) and
/// inserting them (SQLite) run on both cores at once. Bounded, so memory stays flat for any store size.
final class DemoPipe: @unchecked Sendable {
    enum Kind: Int { case order, ticket, hold, refund, outbox, audit }
    typealias Row = (Kind, [SQLValue])

    private let cond = NSCondition()
    private var batches: [[Row]] = []
    private var current: [Row] = []
    private var closed = false
    private let batchSize = 4096
    private let maxBatches = 8

    init() { current.reserveCapacity(batchSize) }

    /// Producer side.
    func push(_ kind: Kind, _ args: [SQLValue]) {
        current.append((kind, args))
        if current.count >= batchSize { flush() }
    }

    private func flush() {
        cond.lock()
        while batches.count >= maxBatches { cond.wait() }
        batches.append(current)
        cond.signal()
        cond.unlock()
        current = []
        current.reserveCapacity(batchSize)
    }

    func close() {
        if !current.isEmpty { flush() }
        cond.lock()
        closed = true
        cond.broadcast()
        cond.unlock()
    }

    /// Consumer side: the next batch, or nil once the producer closed and everything was taken.
    func next() -> [Row]? {
        cond.lock()
        defer { cond.unlock() }
        while batches.isEmpty && !closed { cond.wait() }
        if batches.isEmpty { return nil }
        let b = batches.removeFirst()
        cond.signal()
        return b
    }
}
