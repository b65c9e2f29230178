// Recording what became of one send. Each outcome is one transaction: the outbox row, the
// refund it confirms and an audit row change together. Every write is conditional on the row
// still being claimed by the recording dispatcher: if its lease lapsed and another dispatcher
// took the row over, that one's result is the truth and this late answer is dropped.

/// What one attempt produced, as stored on the row. `request` must already be secret-free
/// (the TOP module redacts the session and never includes the app secret).
public struct OutboxAttempt: Equatable, Sendable {
    public var httpStatus: Int?
    public var code: String?
    public var subCode: String?
    public var message: String?
    public var request: String?
    public var response: String?

    public init(httpStatus: Int? = nil, code: String? = nil, subCode: String? = nil, message: String? = nil,
                request: String? = nil, response: String? = nil) {
        self.httpStatus = httpStatus
        self.code = code
        self.subCode = subCode
        self.message = message
        self.request = request
        self.response = response
    }

    /// Bounds on stored text: enough to diagnose, not enough for one odd answer to bloat the store.
    public static let maxResponseBytes = 8 * 1024
    public static let maxRequestBytes = 16 * 1024
}

extension Store {
    /// Fliggy accepted (or had already done) the call: the row is finished and an approved
    /// refund becomes done. False when the claim was lost (nothing written).
    @discardableResult
    public func recordSent(id: Int64, dispatcherId: String, attempt: OutboxAttempt, now: Int) throws -> Bool {
        try recordOutcome(id: id, dispatcherId: dispatcherId, state: .sent, nextAttemptAt: nil, attempt: attempt, now: now,
                          refundFrom: "approved", refundTo: .done, action: "callback.sent")
    }

    /// The attempt failed in a passing way: send again from `nextAttemptAt` with the same key.
    @discardableResult
    public func recordRetry(id: Int64, dispatcherId: String, attempt: OutboxAttempt, nextAttemptAt: Int, now: Int) throws -> Bool {
        try recordOutcome(id: id, dispatcherId: dispatcherId, state: .pending, nextAttemptAt: nextAttemptAt, attempt: attempt,
                          now: now, refundFrom: nil, refundTo: nil, action: "callback.retry")
    }

    /// A final failure: the row becomes a dead letter for the operator, an approved refund failed.
    @discardableResult
    public func recordDeadLetter(id: Int64, dispatcherId: String, attempt: OutboxAttempt, now: Int) throws -> Bool {
        try recordOutcome(id: id, dispatcherId: dispatcherId, state: .failed, nextAttemptAt: nil, attempt: attempt, now: now,
                          refundFrom: "approved", refundTo: .failed, action: "callback.failed")
    }

    private func recordOutcome(id: Int64, dispatcherId: String, state: OutboxState, nextAttemptAt: Int?, attempt: OutboxAttempt,
                               now: Int, refundFrom: String?, refundTo: RefundStatus?, action: String) throws -> Bool {
        try db.transaction {
            try db.run("""
                UPDATE outbox SET state = ?, attempts = attempts + 1, next_attempt_at = coalesce(?, next_attempt_at),
                  claimed_by = NULL, claimed_until = NULL, last_http_status = ?, last_code = ?, last_sub_code = ?, last_msg = ?,
                  last_request = ?, last_response = ?, updated_at = ?
                WHERE id = ? AND state = 'sending' AND claimed_by = ?
                """, args: [.text(state.rawValue), .of(nextAttemptAt), .of(attempt.httpStatus), .of(attempt.code), .of(attempt.subCode),
                            .of(attempt.message.map { Self.prefix($0, bytes: 1024) }),
                            .of(attempt.request.map { Self.prefix($0, bytes: OutboxAttempt.maxRequestBytes) }),
                            .of(attempt.response.map { Self.prefix($0, bytes: OutboxAttempt.maxResponseBytes) }),
                            .of(now), .int(id), .text(dispatcherId)])
            guard db.changes == 1 else { return false }

            let info = try db.prepare("""
                SELECT c.attempts, c.method, c.refund_id, r.refund_id, o.agent_order_id FROM outbox c
                LEFT JOIN refunds r ON r.id = c.refund_id LEFT JOIN orders o ON o.id = c.order_id WHERE c.id = ?
                """)
            try info.bind([.int(id)])
            let row = try info.all { r in
                (attempts: r.int(0), method: r.text(1), refundRowId: r.isNull(2) ? nil : r.int64(2),
                 refundId: r.optionalText(3), agentOrderId: r.optionalText(4))
            }.first
            guard let row else { return false }

            var refundNote: String?
            if let refundRowId = row.refundRowId, let refundFrom, let refundTo {
                try db.run("UPDATE refunds SET status = ?, version = version + 1 WHERE id = ? AND status = ?",
                           .text(refundTo.rawValue), .int(refundRowId), .text(refundFrom))
                if db.changes == 1 { refundNote = refundTo.rawValue }
            }
            // Filed under the refund or order it is about, so the order's history shows it.
            let entity: (String, String) = row.refundId.map { ("refund", $0) }
                ?? row.agentOrderId.map { ("order", $0) } ?? ("outbox", String(id))
            let audit = Self.attemptAudit(outboxId: id, method: row.method, state: state, attempts: row.attempts, attempt: attempt,
                                          nextAttemptAt: nextAttemptAt, refund: refundNote)
            try insertAudit(operatorName: "dispatcher", source: dispatcherId, action: action, entity: entity.0, entityId: entity.1,
                            before: audit.before, after: audit.after, at: now)
            return true
        }
    }

    /// At most `bytes` of UTF-8, cut on a character boundary.
    static func prefix(_ text: String, bytes: Int) -> String {
        if text.utf8.count <= bytes { return text }
        var out = ""
        var used = 0
        for ch in text {
            let n = ch.utf8.count
            if used + n > bytes { break }
            out.append(ch)
            used += n
        }
        return out
    }

}

extension Store {
    /// The audit row's `before` and `after` for one try of a callback: what the callback detail lists as its
    /// attempts. Written by the dispatcher for every try and by the demo for the tries its rows count.
    static func attemptAudit(outboxId: Int64, method: String, state: OutboxState, attempts: Int, attempt: OutboxAttempt,
                             nextAttemptAt: Int?, refund: String?) -> (before: String, after: String) {
        var after: [(String, JSON)] = [("outbox", .int(outboxId)), ("method", .string(method)), ("state", .string(state.rawValue)),
                                       ("attempts", .int(Int64(attempts)))]
        if let s = attempt.httpStatus { after.append(("http", .int(Int64(s)))) }
        if let c = attempt.code { after.append(("code", .string(c))) }
        if let c = attempt.subCode { after.append(("sub_code", .string(c))) }
        if let m = attempt.message { after.append(("msg", .string(prefix(m, bytes: 300)))) }
        if let n = nextAttemptAt { after.append(("next_attempt_at", .int(Int64(n)))) }
        if let refund { after.append(("refund", .string(refund))) }
        return (JSON.object([("outbox", .int(outboxId)), ("state", "sending")]).compactText, JSON.object(after).compactText)
    }
}
