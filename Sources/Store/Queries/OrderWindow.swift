/// Which orders a list shows.
public struct OrderFilter: Equatable, Sendable {
    public var statuses: [OrderStatus]   // empty: all
    public init(statuses: [OrderStatus] = []) { self.statuses = statuses }
}

/// How the orders list is sorted. Every sort breaks ties by id so keyset paging is exact.
public enum OrderSort: String, CaseIterable, Sendable {
    case created, departure, amount
    var column: String {
        switch self {
        case .created: return "o.id"
        case .departure: return "o.departs_at"
        case .amount: return "o.total_fen"
        }
    }
}

/// A position in a sorted list: the sort key and id of a row. Keyset paging stays O(page) at any depth.
public struct OrderCursor: Equatable, Sendable {
    public var key: Int64
    public var id: Int64
    public init(key: Int64, id: Int64) { self.key = key; self.id = id }
}

extension OrderSummary {
    public func cursor(_ sort: OrderSort) -> OrderCursor {
        switch sort {
        case .created: return OrderCursor(key: id, id: id)
        case .departure: return OrderCursor(key: Int64(departsAt), id: id)
        case .amount: return OrderCursor(key: Int64(totalFen), id: id)
        }
    }
}

extension Store {
    static let summaryColumns = """
        o.id, o.agent_order_id, o.main_biz_order_id, o.status, o.departs_at, fc.name, tc.name,
        o.contact_name, o.contact_phone, o.ticket_count, o.total_fen, o.created_at
        FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id
        JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
        """

    static func summary(_ s: Statement) -> OrderSummary {
        OrderSummary(id: s.int64(0), agentOrderId: s.text(1), mainBizOrderId: s.text(2),
                     status: OrderStatus(rawValue: s.int(3)) ?? .awaitingPayment, departsAt: s.int(4),
                     fromCity: s.text(5), toCity: s.text(6), contactName: s.text(7), contactPhone: s.text(8),
                     ticketCount: s.int(9), totalFen: s.int(10), createdAt: s.int(11))
    }

    /// Up to `limit` orders in list order (newest / latest / largest first; `ascending`: oldest / soonest /
    /// smallest first, issue 12) starting at `from` (inclusive), or from the top when `from` is nil. Both directions
    /// walk the same indexes, forwards or backwards.
    public func orders(_ filter: OrderFilter, sort: OrderSort = .created, ascending: Bool = false, from: OrderCursor? = nil,
                       limit: Int) throws -> [OrderSummary] {
        try orderPage(filter, sort: sort, cursor: from, inclusive: true, descending: !ascending, limit: limit)
    }

    /// Up to `limit` orders that come before `cursor` in list order, returned in list order.
    public func orders(_ filter: OrderFilter, sort: OrderSort = .created, ascending: Bool = false, before cursor: OrderCursor,
                       limit: Int) throws -> [OrderSummary] {
        try orderPage(filter, sort: sort, cursor: cursor, inclusive: false, descending: ascending, limit: limit).reversed()
    }

    /// The last `limit` orders of the list (for G), in list order.
    public func lastOrders(_ filter: OrderFilter, sort: OrderSort = .created, ascending: Bool = false, limit: Int) throws -> [OrderSummary] {
        try orderPage(filter, sort: sort, cursor: nil, inclusive: true, descending: ascending, limit: limit).reversed()
    }

    private func orderPage(_ filter: OrderFilter, sort: OrderSort, cursor: OrderCursor?, inclusive: Bool,
                           descending: Bool, limit: Int) throws -> [OrderSummary] {
        var clauses: [String] = []
        var args: [SQLValue] = []
        if !filter.statuses.isEmpty {
            clauses.append("o.status IN (\(filter.statuses.map { String($0.rawValue) }.joined(separator: ",")))")
        }
        let col = sort.column
        if let c = cursor {
            let op = descending ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">")
            if sort == .created {
                clauses.append("o.id \(op) ?"); args.append(.int(c.id))
            } else {
                clauses.append("(\(col), o.id) \(op) (?, ?)"); args.append(.int(c.key)); args.append(.int(c.id))
            }
        }
        let dir = descending ? "DESC" : "ASC"
        let order = sort == .created ? "o.id \(dir)" : "\(col) \(dir), o.id \(dir)"
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = "SELECT \(Store.summaryColumns) \(whereSQL) ORDER BY \(order) LIMIT \(max(0, limit))"
        let s = try db.prepare(sql)
        try s.bind(args)
        return try s.all(Store.summary)
    }

}
