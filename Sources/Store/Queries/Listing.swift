/// Rows for `busops list`: column names are the snake_case keys scripts rely on.
public struct ListingTable: Sendable {
    public var columns: [String]
    public var rows: [[SQLValue]]
}

public enum ListingKind: String, CaseIterable, Sendable {
    case orders, tickets, refunds, schedules, callbacks, notes
}

extension Store {
    /// Newest first, at most `limit` rows; `status` is the seed code (orders, tickets) or the state name
    /// (refunds: pending/approved/rejected/done/failed; callbacks: pending/sent/failed).
    public func listing(_ kind: ListingKind, status: String?, limit: Int) throws -> ListingTable {
        var whereSQL = ""
        var args: [SQLValue] = []
        if let status {
            switch kind {
            case .orders:
                guard let code = Int(status), OrderStatus(rawValue: code) != nil else {
                    throw StoreError(.invalid, "unknown order status '\(status)'; use one of \(OrderStatus.allCases.map { String($0.rawValue) }.joined(separator: ", "))")
                }
                whereSQL = "WHERE o.status = ?"; args.append(.of(code))
            case .tickets:
                guard let code = Int(status), TicketStatus(rawValue: code) != nil else {
                    throw StoreError(.invalid, "unknown ticket status '\(status)'; use one of \(TicketStatus.allCases.map { String($0.rawValue) }.joined(separator: ", "))")
                }
                whereSQL = "WHERE t.status = ?"; args.append(.of(code))
            case .refunds:
                guard RefundStatus(rawValue: status) != nil else {
                    throw StoreError(.invalid, "unknown refund status '\(status)'; use one of \(RefundStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                whereSQL = "WHERE r.status = ?"; args.append(.text(status))
            case .callbacks:
                guard ["pending", "sent", "failed", "sending"].contains(status) else {
                    throw StoreError(.invalid, "unknown callback state '\(status)'; use one of pending, sent, failed")
                }
                // A claimed row is still undelivered: scripts asking for pending see it too.
                whereSQL = status == "pending" ? "WHERE c.state IN ('pending', 'sending')" : "WHERE c.state = ?"
                if status != "pending" { args.append(.text(status)) }
            case .notes:
                throw StoreError(.invalid, "notes have no status")
            case .schedules:
                guard ["on_sale", "stopped"].contains(status) else {
                    throw StoreError(.invalid, "unknown schedule status '\(status)'; use on_sale or stopped")
                }
                whereSQL = "WHERE s.on_sale = \(status == "on_sale" ? 1 : 0)"
            }
        }
        let sql: String
        switch kind {
        case .orders:
            sql = """
                SELECT o.agent_order_id, o.main_biz_order_id, o.status, o.schedule_id, o.departs_at, o.contact_name,
                  o.contact_phone, o.ticket_count, o.total_fen, o.created_at, o.version FROM orders o \(whereSQL) ORDER BY o.id DESC LIMIT ?
                """
        case .tickets:
            sql = """
                SELECT t.agent_ticket_id, o.agent_order_id, t.passenger_id, t.name, t.cert_type, t.seat_no, t.price_fen, t.status,
                  t.is_offline_refund, t.ticket_no FROM tickets t JOIN orders o ON o.id = t.order_id \(whereSQL) ORDER BY t.id DESC LIMIT ?
                """
        case .refunds:
            sql = """
                SELECT r.refund_id, o.agent_order_id, o.main_biz_order_id, t.agent_ticket_id, r.source, r.scene, r.reason_code, r.paid_fen,
                  r.fee_fen, r.amount_fen, r.status, r.idempotency_key, r.result_code, r.requested_at, r.decided_at, r.decided_by, r.version
                FROM refunds r JOIN orders o ON o.id = r.order_id LEFT JOIN tickets t ON t.id = r.ticket_id \(whereSQL) ORDER BY r.id DESC LIMIT ?
                """
        case .schedules:
            sql = """
                SELECT s.schedule_id, s.line_id, s.from_city_code, s.to_city_code, s.from_date, s.departs_at, s.seats_total, s.seats_sold,
                  s.seats_held, s.seats_total - s.seats_sold - s.seats_held AS seats_left, s.price_fen, s.on_sale, s.stop_reason
                FROM schedules s \(whereSQL) ORDER BY s.departs_at DESC, s.schedule_id DESC LIMIT ?
                """
        case .notes:
            sql = """
                SELECT n.id AS note_id, o.agent_order_id, n.text, n.operator, n.at
                FROM order_notes n JOIN orders o ON o.id = n.order_id ORDER BY n.id DESC LIMIT ?
                """
        case .callbacks:
            sql = """
                SELECT c.id AS callback_id, c.method, o.agent_order_id, c.idempotency_key, c.state, c.attempts, c.next_attempt_at,
                  c.last_http_status, c.last_code, c.last_sub_code, c.last_msg, c.created_at, c.updated_at
                FROM outbox c LEFT JOIN orders o ON o.id = c.order_id \(whereSQL) ORDER BY c.id DESC LIMIT ?
                """
        }
        args.append(.of(max(0, limit)))
        let s = try db.prepare(sql)
        try s.bind(args)
        let count = Int32(sqlite3ColumnCount(s))
        let columns = (0..<count).map { s.columnName($0) }
        let rows = try s.all { st in (0..<count).map { st.value($0) } }
        return ListingTable(columns: columns, rows: rows)
    }
}
