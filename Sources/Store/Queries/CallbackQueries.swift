/// What the Callbacks view narrows to (issue 12): a state as operators name it, and a method.
public struct CallbackFilter: Equatable, Sendable {
    /// `retrying` is an undelivered row that has been tried (and refused or unanswered) at least once.
    public enum State: String, CaseIterable, Sendable { case pending, retrying, failed, sent }
    public var state: State?
    public var method: String?
    /// The `/` filter: a prefix of the idempotency key or of the order id (see `ListFilterQueries`).
    public var text: String?
    public init(state: State? = nil, method: String? = nil, text: String? = nil) { self.state = state; self.method = method; self.text = text }
    public var isEmpty: Bool { state == nil && method == nil && text == nil }
}

extension Store {
    /// The outbox, failed first, then undelivered, then sent; within each the newest attempt first (the callback
    /// failing right now above last week's dead letters). Each group is one range of an index: `outbox_due`
    /// (state, next_attempt_at), or the `outbox_by_method` index (`SchemaOutboxByMethod`) (method, state, next_attempt_at) under a method
    /// filter, read backwards from `offset`; only pending/retrying tell rows apart by their attempts, and the
    /// undelivered rows are the dispatcher's short queue. The unfiltered total is the `counters` row; a filtered one
    /// counts index entries of its range.
    public func callbacks(_ filter: CallbackFilter = CallbackFilter(), limit: Int, offset: Int = 0) throws -> (rows: [OutboxRecord], total: Int) {
        if let text = filter.text { return try callbacks(filter, matching: text, limit: limit, offset: offset) }
        let groups: [(states: [String], attempts: String)]
        switch filter.state {
        case nil: groups = [(["failed"], ""), (["pending", "sending"], ""), (["sent"], "")]
        case .pending?: groups = [(["pending", "sending"], " AND c.attempts = 0")]
        case .retrying?: groups = [(["pending", "sending"], " AND c.attempts > 0")]
        case .failed?: groups = [(["failed"], "")]
        case .sent?: groups = [(["sent"], "")]
        }
        let index = filter.method == nil ? "outbox_due" : "outbox_by_method"
        let method = filter.method == nil ? "" : " AND c.method = ?"
        let db = self.db
        return try db.read {
            var rows: [OutboxRecord] = []
            var skip = offset, total = 0
            for g in groups {
                // One query per state, so each reads its index range in order (an IN would sort the union).
                for state in g.states {
                    let cond = "c.state = ?\(method)\(g.attempts)"
                    var args: [SQLValue] = [.text(state)]
                    if let m = filter.method { args.append(.text(m)) }
                    let count = {
                        let c = try db.prepare("SELECT count(*) FROM outbox c INDEXED BY \(index) WHERE \(cond)")
                        try c.bind(args)
                        return try c.all { Int($0.int64(0)) }.first ?? 0
                    }
                    let want = limit - rows.count
                    let page = { (skip: Int) -> [OutboxRecord] in
                        let s = try db.prepare("""
                            SELECT \(Store.outboxFields) FROM outbox c INDEXED BY \(index) LEFT JOIN orders o ON o.id = c.order_id
                            WHERE \(cond) ORDER BY c.next_attempt_at DESC, c.id DESC LIMIT ? OFFSET ?
                            """)
                        try s.bind(args + [.of(want), .of(skip)])
                        return try s.all(Store.outboxRow)
                    }
                    if filter.isEmpty {
                        // The total is a counter: a group is counted only when the window starts past it.
                        guard rows.count < limit else { continue }
                        let part = try page(skip)
                        skip = part.isEmpty && skip > 0 ? max(0, skip - (try count())) : 0
                        rows += part
                    } else {
                        let n = try count()
                        total += n
                        guard rows.count < limit else { continue }
                        if skip >= n { skip -= n; continue }
                        rows += try page(skip)
                        skip = 0
                    }
                }
            }
            if filter.isEmpty { total = Int(try db.scalarInt("SELECT value FROM counters WHERE name = 'outbox'") ?? 0) }
            return (rows, total)
        }
    }

    /// Under a `/` prefix: the candidates come from two capped index ranges (idempotency key, order id), at most
    /// `2 × prefixCap` rows, so the state and method tests and the sort run on those alone.
    func callbacks(_ filter: CallbackFilter, matching prefix: String, limit: Int, offset: Int) throws -> (rows: [OutboxRecord], total: Int) {
        var cond = ""
        var extra: [SQLValue] = []
        switch filter.state {
        case nil: break
        case .pending?: cond += " AND c.state IN ('pending', 'sending') AND c.attempts = 0"
        case .retrying?: cond += " AND c.state IN ('pending', 'sending') AND c.attempts > 0"
        case .failed?: cond += " AND c.state = 'failed'"
        case .sent?: cond += " AND c.state = 'sent'"
        }
        if let m = filter.method { cond += " AND c.method = ?3"; extra.append(.text(m)) }
        let candidates = """
            SELECT id FROM (SELECT id FROM outbox WHERE idempotency_key >= ?1 AND idempotency_key < ?2 LIMIT \(Store.prefixCap))
            UNION SELECT c.id FROM (SELECT id FROM orders WHERE agent_order_id >= ?1 AND agent_order_id < ?2 LIMIT \(Store.prefixCap)) o
              JOIN outbox c ON c.order_id = o.id
            """
        let db = self.db
        return try db.read {
            var rows: [OutboxRecord] = [], total = 0, skip = offset
            for p in Store.spellings(prefix) {
                let args = Store.prefixBounds(p) + extra
                let counted = try db.prepare("SELECT count(*) FROM outbox c WHERE c.id IN (\(candidates))\(cond)")
                try counted.bind(args)
                let n = try counted.all { Int($0.int64(0)) }.first ?? 0
                total += n
                guard rows.count < limit, skip < n else { skip = max(0, skip - n); continue }
                let s = try db.prepare("""
                    SELECT \(Store.outboxFields) FROM outbox c LEFT JOIN orders o ON o.id = c.order_id WHERE c.id IN (\(candidates))\(cond)
                    ORDER BY CASE c.state WHEN 'failed' THEN 0 WHEN 'sent' THEN 2 ELSE 1 END, c.next_attempt_at DESC, c.id DESC LIMIT ?4 OFFSET ?5
                    """)
                try s.bind(args + (extra.isEmpty ? [.null] : []) + [.of(limit - rows.count), .of(skip)])
                rows += try s.all(Store.outboxRow)
                skip = 0
            }
            return (rows, total)
        }
    }
}
