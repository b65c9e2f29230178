import Store

/// Which parts of an order Fliggy has not been told about yet (issue 12: an order whose refund callback was
/// dead-lettered showed 退票成功 and 已退票 with no sign that Fliggy never heard). A callback counts as told only
/// once its outbox row is `sent` (acknowledged, docs/ARCHITECTURE.md: "RetryPolicy: sent / retry / dead letter").
public struct NotTold: Equatable, Sendable {
    /// The order's callbacks not acknowledged, oldest first.
    public var unsent: [OutboxRecord]
    /// Refund row ids whose callback is not acknowledged.
    public var refunds: Set<Int64>
    /// Ticket row ids a callback not acknowledged speaks for: its refund's ticket, every ticket of an order-wide
    /// refund, or every ticket when the callback is the order's own (issue, failed issue).
    public var tickets: Set<Int64>

    public init(_ d: OrderDetail) {
        unsent = d.callbacks.filter { $0.state != .sent }
        refunds = Set(unsent.compactMap(\.refundId))
        var tickets = Set<Int64>()
        for c in unsent {
            if let rid = c.refundId, let r = d.refunds.first(where: { $0.id == rid }), let t = r.ticketId {
                tickets.insert(t)
            } else {
                tickets.formUnion(d.tickets.map(\.id))
            }
        }
        self.tickets = tickets
    }

    public var isEmpty: Bool { unsent.isEmpty }
    /// Dead-lettered (failed): nothing more will be tried without an operator; red, not just pending.
    public var anyFailed: Bool { unsent.contains { $0.state == .failed } }

    /// The mark shown on the order, its refunds and tickets.
    public static let mark = "⚠ Fliggy not told"

    public var role: Role { anyFailed ? .error : .warn }

    /// The order header's words: how many callbacks and why ("1 dead-lettered", "2 sending").
    public var summary: String {
        let failed = unsent.filter { $0.state == .failed }.count
        let waiting = unsent.count - failed
        var parts: [String] = []
        if failed > 0 { parts.append("\(failed) dead-lettered") }
        if waiting > 0 { parts.append("\(waiting) not yet acknowledged") }
        return Self.mark + " (" + parts.joined(separator: ", ") + ")"
    }
}
