import Dispatch

/// `/` search in the console: by agent order id, Fliggy order id, phone, certificate number or name substring.
extension Store {
    public enum SearchKind: Equatable, Sendable { case agentOrderId, fliggyOrderId, phone, certificate, name }

    public static func searchKind(_ q: String) -> SearchKind {
        let digits = q.allSatisfy { $0.isASCII && $0.isNumber }
        if q.uppercased().hasPrefix("BO") { return .agentOrderId }
        if digits && q.count == 11 && q.hasPrefix("1") { return .phone }
        if q.count == 18 && q.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) { return .certificate }
        if digits && q.count >= 12 { return .fliggyOrderId }
        return .name
    }

    /// One bounded step of a search: a match, the end of the orders, or a pause (the search took its time budget
    /// without a match; `resumeAfter` continues it). A name that matches nothing would otherwise scan every order
    /// and every passenger while the operator's keys wait.
    public enum SearchStep: Equatable, Sendable {
        case found(OrderSummary)
        case exhausted
        case paused(resumeAfter: Int64)
    }

    /// Like `findOrder`, but name searches walk the orders in id slices and stop after `budgetMillis`.
    public func searchOrders(_ query: String, filter: OrderFilter, afterId: Int64?, forward: Bool, budgetMillis: Int) throws -> SearchStep {
        guard Store.searchKind(query.trimmingCharacters(in: .whitespaces)) == .name else {
            return try findOrder(query, filter: filter, afterId: afterId, forward: forward).map(SearchStep.found) ?? .exhausted
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let slice: Int64 = 10_000
        let lowest = try db.scalarInt("SELECT min(id) FROM orders") ?? 0
        let highest = try db.scalarInt("SELECT max(id) FROM orders") ?? 0
        var edge = afterId ?? (forward ? highest + 1 : lowest - 1)
        var slowest: UInt64 = 0
        while forward ? edge > lowest : edge < highest {
            let sliceStart = DispatchTime.now().uptimeNanoseconds
            let bound = forward ? edge - slice : edge + slice
            if let hit = try findOrder(query, filter: filter, afterId: edge, forward: forward, boundary: bound) { return .found(hit) }
            edge = bound
            let now = DispatchTime.now().uptimeNanoseconds
            slowest = max(slowest, now - sliceStart)
            // Stop before a slice that would overrun the budget, not after it (one slice is ~15 ms on a warm 1M store).
            if now - start + slowest > UInt64(budgetMillis) * 1_000_000 {
                return (forward ? edge > lowest : edge < highest) ? .paused(resumeAfter: edge) : .exhausted
            }
        }
        return .exhausted
    }

    /// The next order (in created order, newest first) after `afterId` matching `query`; `forward` walks to older orders.
    public func findOrder(_ query: String, filter: OrderFilter, afterId: Int64?, forward: Bool) throws -> OrderSummary? {
        try findOrder(query, filter: filter, afterId: afterId, forward: forward, boundary: nil)
    }

    /// As above, looking no further than `boundary` (inclusive) when given.
    func findOrder(_ query: String, filter: OrderFilter, afterId: Int64?, forward: Bool, boundary: Int64?) throws -> OrderSummary? {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return nil }
        var clauses: [String] = []
        var args: [SQLValue] = []
        switch Store.searchKind(q) {
        case .agentOrderId:
            // A prefix as a range, so the unique index answers it (LIKE is case-insensitive and cannot use it).
            clauses.append("o.agent_order_id >= ? AND o.agent_order_id < ? || char(1114111)")
            args += [.text(q.uppercased()), .text(q.uppercased())]
        case .fliggyOrderId: clauses.append("o.main_biz_order_id = ?"); args.append(.text(q))
        case .phone:
            clauses.append("(o.contact_phone = ? OR o.id IN (SELECT order_id FROM tickets WHERE phone = ?))")
            args += [.text(q), .text(q)]
        case .certificate:
            clauses.append("o.id IN (SELECT order_id FROM tickets WHERE cert_no = ? COLLATE NOCASE OR cert_no = ?)")
            args += [.text(q), .text(q.uppercased())]
        case .name:
            let like = "%" + q.replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
            clauses.append("(o.contact_name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id AND t.name LIKE ? ESCAPE '\\'))")
            args += [.text(like), .text(like)]
        }
        if !filter.statuses.isEmpty {
            clauses.append("o.status IN (\(filter.statuses.map { String($0.rawValue) }.joined(separator: ",")))")
        }
        if let afterId { clauses.append(forward ? "o.id < ?" : "o.id > ?"); args.append(.int(afterId)) }
        if let boundary { clauses.append(forward ? "o.id >= ?" : "o.id <= ?"); args.append(.int(boundary)) }
        let sql = "SELECT \(Store.summaryColumns) WHERE \(clauses.joined(separator: " AND ")) ORDER BY o.id \(forward ? "DESC" : "ASC") LIMIT 1"
        let s = try db.prepare(sql)
        try s.bind(args)
        return try s.all(Store.summary).first
    }
}
