import Foundation
import Store

/// Outbox rows for the dispatcher's and the outbox's tests, and what became of them.
extension Store {
    /// Queues `count` refund confirmations with unique transaction ids (`prefix` + 6 digits), due at `now`.
    /// Raw SQL on purpose: the dispatcher must cope with whatever a committed action left.
    @discardableResult
    public func queueRefundConfirmations(_ count: Int, prefix: String = "RT",
                                         now: Int = Int(Date().timeIntervalSince1970)) throws -> [String] {
        var keys: [String] = []
        try db.transaction {
            for i in 0..<count {
                let key = prefix + String(format: "%06d", i)
                let params = "{\"agent_order_id\":\"A\(i)\",\"agent_return_ticket_status\":1,\"agent_return_ticket_type\":1,"
                    + "\"agent_refund_amount\":\"10.5\",\"agent_refund_trans_id\":\"\(key)\"}"
                try db.run("""
                    INSERT INTO outbox (method, idempotency_key, params, state, attempts, next_attempt_at, created_at, updated_at)
                    VALUES ('taobao.bus.agent.refund.confirm', ?, ?, 'pending', 0, ?, ?, ?)
                    """, .text(key), .text(params), .of(now), .of(now), .of(now))
                keys.append(key)
            }
        }
        return keys
    }

    /// How many outbox rows are in each state.
    public func outboxStates() throws -> [String: Int] {
        let s = try db.prepare("SELECT state, count(*) FROM outbox GROUP BY state")
        var out: [String: Int] = [:]
        for (k, v) in try s.all({ ($0.text(0), $0.int(1)) }) { out[k] = v }
        return out
    }

    /// One outbox row as the dispatcher left it, by idempotency key.
    public func outboxRow(key: String) throws -> OutboxRowState {
        let s = try db.prepare("""
            SELECT state, attempts, next_attempt_at, last_code, last_sub_code, last_msg, last_request, last_response
            FROM outbox WHERE idempotency_key = ?
            """)
        try s.bind([.text(key)])
        let rows = try s.all { r in
            OutboxRowState(state: r.text(0), attempts: r.int(1), next: r.int(2), code: r.optionalText(3), subCode: r.optionalText(4),
                           msg: r.optionalText(5), request: r.optionalText(6), response: r.optionalText(7))
        }
        guard let row = rows.first else { throw FixtureError("no outbox row \(key)") }
        return row
    }
}

public struct OutboxRowState: Equatable, Sendable {
    public var state: String
    public var attempts: Int
    public var next: Int
    public var code: String?
    public var subCode: String?
    public var msg: String?
    public var request: String?
    public var response: String?
}

public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
