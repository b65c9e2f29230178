extension Store {
    /// Everything about one order, read in one snapshot.
    public func orderDetail(id: Int64) throws -> OrderDetail? {
        try db.read {
            let s = try db.prepare("""
                SELECT \(Store.summaryColumns.replacingOccurrences(of: "FROM orders o", with: ", o.schedule_id, fs.name, ts.name, fs.address, o.fetch_no, o.fetch_pwd, o.gate, o.fetch_address, o.seat_numbers, o.qr_payload, o.plate, o.driver_name, o.driver_phone, o.vehicle_model, o.vehicle_brand, o.updated_at, o.paid_at, o.issued_at, o.lock_expires_at, s.is_order_refund, o.version FROM orders o"))
                JOIN stations fs ON fs.code = o.from_station JOIN stations ts ON ts.code = o.to_station
                WHERE o.id = ?
                """)
            try s.bind([.int(id)])
            guard let head = try s.all({ r -> OrderDetail in
                OrderDetail(summary: Store.summary(r), scheduleId: r.text(12), fromStation: r.text(13), toStation: r.text(14),
                            fromStationAddress: r.text(15),
                            fetch: FetchInfo(ticketNo: r.optionalText(16), ticketPwd: r.optionalText(17), gate: r.optionalText(18),
                                             address: r.optionalText(19), seatNumbers: r.optionalText(20), qrPayload: r.optionalText(21)),
                            vehicle: VehicleInfo(plate: r.optionalText(22), driverName: r.optionalText(23), driverPhone: r.optionalText(24),
                                                 model: r.optionalText(25), brand: r.optionalText(26)),
                            updatedAt: r.int(27), paidAt: r.optionalInt(28), issuedAt: r.optionalInt(29), lockExpiresAt: r.optionalInt(30),
                            isOrderRefund: r.int(31) == 1, version: r.int(32), tickets: [], refunds: [], callbacks: [], audit: [])
            }).first else { return nil }
            var d = head
            d.tickets = try tickets(orderId: id)
            d.refunds = try refunds(orderId: id)
            d.callbacks = try outbox(orderId: id)
            d.audit = try audit(entityIds: [d.summary.agentOrderId] + d.refunds.map(\.refundId))
            d.notes = try orderNotes(orderId: id)
            if d.refunds.contains(where: { $0.status == .pending }) { d.refundRules = try refundRules(scheduleId: d.scheduleId) }
            return d
        }
    }

    public func orderId(agentOrderId: String) throws -> Int64? {
        try db.scalarInt("SELECT id FROM orders WHERE agent_order_id = ?", .text(agentOrderId))
    }

    static let ticketColumns = """
        id, agent_ticket_id, order_id, passenger_id, name, cert_type, cert_no, phone, seat_no, price_fen, service_fee_fen,
        status, is_offline_refund, ticket_no, ticket_pwd, version
        """

    static func ticket(_ r: Statement) -> TicketRecord {
        TicketRecord(id: r.int64(0), agentTicketId: r.text(1), orderId: r.int64(2), passengerId: r.text(3), name: r.text(4),
                     certType: r.int(5), certNo: r.text(6), phone: r.optionalText(7), seatNo: r.optionalText(8),
                     priceFen: r.int(9), serviceFeeFen: r.int(10), status: TicketStatus(rawValue: r.int(11)) ?? .unknown,
                     isOfflineRefund: r.int(12) == 1, ticketNo: r.optionalText(13), ticketPwd: r.optionalText(14), version: r.int(15))
    }

    public func tickets(orderId: Int64) throws -> [TicketRecord] {
        let s = try db.prepare("SELECT \(Store.ticketColumns) FROM tickets WHERE order_id = ? ORDER BY id")
        try s.bind([.int(orderId)])
        return try s.all(Store.ticket)
    }

    static let refundColumns = """
        r.id, r.refund_id, r.order_id, r.ticket_id, r.source, r.scene, r.reason_code, r.reason, r.paid_fen, r.fee_fen, r.amount_fen,
        r.status, r.idempotency_key, r.result_code, r.requested_at, r.decided_at, r.decided_by, r.version
        """

    static func refund(_ r: Statement) -> RefundRecord {
        let terms = RefundTerms(orderId: r.int64(2), ticketId: r.isNull(3) ? nil : r.int64(3),
                                source: RefundSource(rawValue: r.text(4)) ?? .online, scene: RefundScene(rawValue: r.text(5)) ?? .common,
                                reasonCode: r.optionalInt(6), reason: r.optionalText(7), paidFen: r.int(8), feeFen: r.int(9),
                                amountFen: r.int(10))
        return RefundRecord(id: r.int64(0), refundId: r.text(1), terms: terms,
                            status: RefundStatus(rawValue: r.text(11)) ?? .pending, idempotencyKey: r.text(12),
                            resultCode: r.optionalText(13), requestedAt: r.int(14), decidedAt: r.optionalInt(15), decidedBy: r.optionalText(16), version: r.int(17))
    }

    public func refunds(orderId: Int64) throws -> [RefundRecord] {
        let s = try db.prepare("SELECT \(Store.refundColumns) FROM refunds r WHERE r.order_id = ? ORDER BY r.id")
        try s.bind([.int(orderId)])
        return try s.all(Store.refund)
    }

    static let outboxFields = """
        c.id, c.method, c.order_id, o.agent_order_id, c.refund_id, c.idempotency_key, c.params, c.state, c.attempts, c.next_attempt_at,
        c.last_http_status, c.last_code, c.last_sub_code, c.last_msg, c.last_request, c.last_response, c.created_at, c.updated_at
        """
    static let outboxColumns = outboxFields + " FROM outbox c LEFT JOIN orders o ON o.id = c.order_id"

    static func outboxRow(_ r: Statement) -> OutboxRecord {
        OutboxRecord(id: r.int64(0), method: r.text(1), orderId: r.isNull(2) ? nil : r.int64(2), agentOrderId: r.optionalText(3),
                     refundId: r.isNull(4) ? nil : r.int64(4), idempotencyKey: r.text(5), params: r.text(6),
                     state: OutboxState(rawValue: r.text(7)) ?? .pending, attempts: r.int(8), nextAttemptAt: r.int(9),
                     lastHttpStatus: r.optionalInt(10), lastCode: r.optionalText(11), lastSubCode: r.optionalText(12),
                     lastMessage: r.optionalText(13), lastRequest: r.optionalText(14), lastResponse: r.optionalText(15),
                     createdAt: r.int(16), updatedAt: r.int(17))
    }

    public func outbox(orderId: Int64) throws -> [OutboxRecord] {
        let s = try db.prepare("SELECT \(Store.outboxColumns) WHERE c.order_id = ? ORDER BY c.id")
        try s.bind([.int(orderId)])
        return try s.all(Store.outboxRow)
    }

    public func audit(entityIds: [String]) throws -> [AuditRecord] {
        guard !entityIds.isEmpty else { return [] }
        let marks = entityIds.map { _ in "?" }.joined(separator: ",")
        let s = try db.prepare("""
            SELECT id, at, operator, source, action, entity, entity_id, before, after FROM audit
            WHERE entity_id IN (\(marks)) ORDER BY id
            """)
        try s.bind(entityIds.map { .text($0) })
        return try s.all { r in
            AuditRecord(id: r.int64(0), at: r.int(1), operatorName: r.text(2), source: r.text(3), action: r.text(4), entity: r.text(5),
                        entityId: r.text(6), before: r.optionalText(7), after: r.optionalText(8))
        }
    }
}

extension Store {
    /// An audit row on its own (e.g. personal data revealed on screen); actions write theirs inside their transaction.
    public func recordAudit(operatorName: String, source: String, action: String, entity: String, entityId: String,
                            before: String? = nil, after: String? = nil, at: Int = ChinaTime.now()) throws {
        try db.transaction {
            try insertAudit(operatorName: operatorName, source: source, action: action, entity: entity, entityId: entityId,
                            before: before, after: after, at: at)
        }
    }

    /// Inside a caller's transaction.
    public func insertAudit(operatorName: String, source: String, action: String, entity: String, entityId: String,
                            before: String?, after: String?, at: Int) throws {
        try db.run("INSERT INTO audit (at, operator, source, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   .of(at), .text(operatorName), .text(source), .text(action), .text(entity), .text(entityId), .of(before), .of(after))
    }
}
