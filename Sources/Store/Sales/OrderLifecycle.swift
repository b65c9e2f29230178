/// Fliggy's issue / close / cancel calls against an order.
public struct IssueOutcome: Equatable, Sendable {
    public var detail: OrderDetail
}

public struct OrderRef: Equatable, Sendable {
    public var agentOrderId: String?
    public var alitripOrderId: String?
    public init(agentOrderId: String?, alitripOrderId: String?) { self.agentOrderId = agentOrderId; self.alitripOrderId = alitripOrderId }
}

extension Store {
    func resolve(_ ref: OrderRef) throws -> (id: Int64, status: OrderStatus, scheduleId: String, agentId: String) {
        let s: Statement
        if let a = ref.agentOrderId, !a.isEmpty {
            s = try db.prepare("SELECT id, status, schedule_id, agent_order_id FROM orders WHERE agent_order_id = ?")
            try s.bind([.text(a)])
        } else if let f = ref.alitripOrderId, !f.isEmpty {
            s = try db.prepare("SELECT id, status, schedule_id, agent_order_id FROM orders WHERE main_biz_order_id = ?")
            try s.bind([.text(f)])
        } else { throw SalesError.invalid("agentOrderId or alitripOrderId is required") }
        guard let r = try s.all({ ($0.int64(0), OrderStatus(rawValue: $0.int(1)) ?? .awaitingPayment, $0.text(2), $0.text(3)) }).first else {
            throw SalesError.orderNotFound(ref.agentOrderId ?? ref.alitripOrderId ?? "")
        }
        return r
    }

    public func orderDetail(_ ref: OrderRef) throws -> OrderDetail {
        let o = try resolve(ref)
        guard let d = try orderDetail(id: o.id) else { throw SalesError.orderNotFound(o.agentId) }
        return d
    }

    /// Payment arrived and Fliggy asks to issue. With `autoIssue` tickets are issued at once (status 3 with
    /// generated ticket number, password, gate, QR payload); otherwise the order waits for an operator (status 2).
    /// A repeated call answers the current state.
    public func issue(_ ref: OrderRef, alipayTradeNo: String?, autoIssue: Bool, now: Int) throws -> OrderDetail {
        try db.transaction {
            let o = try resolve(ref)
            switch o.status {
            case .awaitingTicket, .issued, .refunding, .refunded: break
            case .closed, .cancelled: throw SalesError.orderStateInvalid("order \(o.agentId) is \(o.status.english); it cannot be issued")
            case .awaitingPayment:
                let seats = Int(try db.scalarInt("SELECT seats FROM seat_holds WHERE order_id = ?", .int(o.id)) ?? 0)
                guard seats > 0 else { throw SalesError.orderStateInvalid("order \(o.agentId) has no seats held") }
                try db.run("DELETE FROM seat_holds WHERE order_id = ?", .int(o.id))
                try db.run("UPDATE schedules SET seats_held = seats_held - ?, seats_sold = seats_sold + ?, version = version + 1 WHERE schedule_id = ?",
                           .of(seats), .of(seats), .text(o.scheduleId))
                if autoIssue {
                    let code = Digits.pad(Int(o.id) * 7919 % 100_000_000, 8)
                    let seatBase = Int(try db.scalarInt("SELECT seats_sold FROM schedules WHERE schedule_id = ?", .text(o.scheduleId)) ?? 0) - seats
                    try db.run("""
                        UPDATE orders SET status = 3, alipay_trade_no = coalesce(?, alipay_trade_no), fetch_no = ?, fetch_pwd = ?, gate = ?, qr_payload = ?,
                          fetch_address = (SELECT address FROM stations WHERE code = orders.from_station),
                          paid_at = ?, issued_at = ?, updated_at = ?, lock_expires_at = NULL, version = version + 1 WHERE id = ?
                        """, args: [.of(alipayTradeNo), .text("T" + code), .text(String(code.suffix(6))), .text("A\(Int(o.id) % 12 + 1)"),
                                    .text("BUSOPS|\(o.agentId)|T\(code)"), .of(now), .of(now), .of(now), .int(o.id)])
                    let ids = try db.prepare("SELECT id FROM tickets WHERE order_id = ? ORDER BY id")
                    try ids.bind([.int(o.id)])
                    for (k, tid) in try ids.all({ $0.int64(0) }).enumerated() {
                        try db.run("UPDATE tickets SET status = 2, seat_no = ?, ticket_no = ?, ticket_pwd = ?, version = version + 1 WHERE id = ?",
                                   .text(String(seatBase + k + 1)), .text("E" + Digits.pad(Int(tid) * 13 % 1_000_000_000, 9)),
                                   .text(Digits.pad(Int(tid) * 7 % 1_000_000, 6)), .int(tid))
                    }
                } else {
                    try db.run("UPDATE orders SET status = 2, alipay_trade_no = coalesce(?, alipay_trade_no), paid_at = ?, updated_at = ?, lock_expires_at = NULL, version = version + 1 WHERE id = ?",
                               .of(alipayTradeNo), .of(now), .of(now), .int(o.id))
                }
                try insertAudit(operatorName: "fliggy", source: "qimen", action: autoIssue ? "order.issue.auto" : "order.issue.async",
                                entity: "order", entityId: o.agentId, before: JSON.status(1), after: JSON.status(autoIssue ? 3 : 2), at: now)
            }
            guard let d = try orderDetail(id: o.id) else { throw SalesError.orderNotFound(o.agentId) }
            return d
        }
    }

    /// Close (4: release what the order held) or cancel (5: the buyer did not pay). Repeats are answered, not refused.
    public func end(_ ref: OrderRef, as target: OrderStatus, now: Int) throws -> OrderStatus {
        precondition(target == .closed || target == .cancelled)
        return try db.transaction {
            let o = try resolve(ref)
            if o.status == target { return target }
            let allowed: [OrderStatus] = target == .cancelled ? [.awaitingPayment] : [.awaitingPayment, .awaitingTicket]
            guard allowed.contains(o.status) else {
                throw SalesError.orderStateInvalid("order \(o.agentId) is \(o.status.english); it cannot be \(target.english)")
            }
            if o.status == .awaitingPayment {
                let seats = Int(try db.scalarInt("SELECT seats FROM seat_holds WHERE order_id = ?", .int(o.id)) ?? 0)
                try db.run("DELETE FROM seat_holds WHERE order_id = ?", .int(o.id))
                try db.run("UPDATE schedules SET seats_held = seats_held - ?, version = version + 1 WHERE schedule_id = ?", .of(seats), .text(o.scheduleId))
            } else {
                let sold = Int(try db.scalarInt("SELECT count(*) FROM tickets WHERE order_id = ? AND status IN (-1, 1, 2, 4, 6)", .int(o.id)) ?? 0)
                try db.run("UPDATE schedules SET seats_sold = seats_sold - ?, version = version + 1 WHERE schedule_id = ?", .of(sold), .text(o.scheduleId))
            }
            try db.run("UPDATE tickets SET status = 3, version = version + 1 WHERE order_id = ?", .int(o.id))
            try db.run("UPDATE orders SET status = ?, updated_at = ?, lock_expires_at = NULL, version = version + 1 WHERE id = ?",
                       .of(target.rawValue), .of(now), .int(o.id))
            try insertAudit(operatorName: "fliggy", source: "qimen", action: target == .closed ? "order.close" : "order.cancel",
                            entity: "order", entityId: o.agentId, before: JSON.status(o.status.rawValue), after: JSON.status(target.rawValue), at: now)
            return target
        }
    }
}
