/// One callback in full (issue 12: Enter on any callback, `item.notify` included, which has no order): the row
/// and each attempt's outcome, as the dispatcher recorded it in the audit trail (docs/ARCHITECTURE.md, walk step 4).
public struct CallbackDetail: Equatable, Sendable {
    public struct Attempt: Equatable, Sendable {
        public var at: Int
        /// `callback.sent`, `callback.retry` or `callback.failed`.
        public var action: String
        public var dispatcher: String
        public var httpStatus: Int?
        public var code: String?
        public var subCode: String?
        public var message: String?
        public var nextAttemptAt: Int?
    }
    public var record: OutboxRecord
    public var attempts: [Attempt]
}

extension Store {
    /// The row by id, and its attempts from the audit rows filed under its refund, order or itself (`recordOutcome`
    /// files them there) whose `after` names this outbox id: one `audit_by_entity` range.
    public func callbackDetail(id: Int64) throws -> CallbackDetail? {
        try db.read {
            let s = try db.prepare("SELECT \(Store.outboxColumns) WHERE c.id = ?")
            try s.bind([.int(id)])
            guard let record = try s.all(Store.outboxRow).first else { return nil }
            var refundId: String?
            if let r = record.refundId { refundId = try db.scalarText("SELECT refund_id FROM refunds WHERE id = ?", .int(r)) }
            let entity: (String, String) = refundId.map { ("refund", $0) } ?? record.agentOrderId.map { ("order", $0) } ?? ("outbox", String(id))
            let a = try db.prepare("""
                SELECT at, action, source, after FROM audit WHERE entity = ? AND entity_id = ? AND action LIKE 'callback.%' ORDER BY id
                """)
            try a.bind([.text(entity.0), .text(entity.1)])
            let attempts = try a.all { r -> CallbackDetail.Attempt? in
                guard let text = r.optionalText(3), let after = try? JSON.parse(text), after["outbox"]?.intValue == Int(id) else { return nil }
                return CallbackDetail.Attempt(at: r.int(0), action: r.text(1), dispatcher: r.text(2), httpStatus: after["http"]?.intValue,
                                              code: after["code"]?.stringValue, subCode: after["sub_code"]?.stringValue,
                                              message: after["msg"]?.stringValue, nextAttemptAt: after["next_attempt_at"]?.intValue)
            }.compactMap { $0 }
            return CallbackDetail(record: record, attempts: attempts)
        }
    }
}
