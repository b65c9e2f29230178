// Rows queued by an older busops in an unpublished shape, in an existing store: the dispatcher
// sends them in docs/PROTOCOL.md's TOP published shape, once, with their original idempotency key, and
// the stored params become exactly the bytes sent.

import Foundation
import XCTest
@testable import Store
@testable import TOP

final class DispatcherUpgradeTests: XCTestCase {
    private let book = "taobao.bus.agent.bookticket.confirm"
    private let multi = "taobao.bus.agent.multiple.refund.confirm"

    private struct Planted {
        var store: DispatchTempStore
        var orderId: Int64
        var agentOrderId: String
        var mainBizOrderId: String
        var tickets: [TicketRecord]
    }

    /// A demo store whose own queue is emptied (marked sent), with an issued order of two or more tickets
    /// and no refunds.
    private func store() throws -> Planted {
        let t = try DispatchTempStore(demoOrders: 150)
        try t.store.db.run("UPDATE outbox SET state = 'sent' WHERE state IN ('pending', 'sending')")
        let s = try t.store.db.prepare("""
            SELECT o.id, o.agent_order_id, o.main_biz_order_id FROM orders o
            WHERE o.status = 3 AND o.ticket_count >= 2 AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id)
            ORDER BY o.id LIMIT 1
            """)
        let (id, agent, main) = try XCTUnwrap(try s.all { ($0.int64(0), $0.text(1), $0.text(2)) }.first)
        return Planted(store: t, orderId: id, agentOrderId: agent, mainBizOrderId: main, tickets: try t.store.tickets(orderId: id))
    }

    /// Raw SQL on purpose: these are rows an older busops committed.
    private func plant(_ t: DispatchTempStore, method: String, orderId: Int64?, key: String, params: String,
                       state: String = "pending", claimedBy: String? = nil) throws {
        let now = Int(Date().timeIntervalSince1970)
        try t.store.db.run("""
            INSERT INTO outbox (method, order_id, idempotency_key, params, state, attempts, next_attempt_at, claimed_by,
                                claimed_until, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)
            """, args: [.text(method), orderId.map { .int($0) } ?? .null, .text(key), .text(params), .text(state), .of(now - 60),
                        .of(claimedBy), claimedBy == nil ? .null : .of(now - 30), .of(now - 3600), .of(now - 3600)])
    }

    private func stored(_ t: DispatchTempStore, _ key: String) throws -> (params: String, state: String, attempts: Int, code: String?) {
        let s = try t.store.db.prepare("SELECT params, state, attempts, last_code FROM outbox WHERE idempotency_key = ?")
        try s.bind([.text(key)])
        return try XCTUnwrap(try s.all { ($0.text(0), $0.text(1), $0.int(2), $0.optionalText(3)) }.first, key)
    }

    private func oldBookTicket(_ p: Planted) -> String {
        #"{"agent_order_id":"\#(p.agentOrderId)","success":true,"ticket_count":\#(p.tickets.count),"total_price":9000,"fetch_tickets_number":"T1","ticket_wicket":"B3","passenger_info_list":["#
            + p.tickets.map { #"{"agent_ticket_id":"\#($0.agentTicketId)","passenger_name":"\#($0.name)","passenger_cert_type":"01","passenger_cert_no":"\#($0.certNo)"}"# }
                .joined(separator: ",")
            + #"],"schedule_info":{"driver_name":"王师傅","license_plate_number":"浙A12345"}}"#
    }

    private func oldMultipleRefund(_ p: Planted, key: String, fen: Int) -> String {
        #"{"agent_order_id":"\#(p.agentOrderId)","main_biz_order_id":\#(p.mainBizOrderId),"agent_refund_trans_no":"\#(key)","agent_refund_reason":"车辆晚点补偿","total_refund_amount":\#(fen),"total_service_charge_refund_amount":0}"#
    }

    func testOldShapeRowsAreSentOnceInThePublishedShapeWithTheirOwnKeys() throws {
        let p = try store()
        let t = p.store
        try plant(t, method: book, orderId: p.orderId, key: "BK-LEGACY-1", params: oldBookTicket(p))
        try plant(t, method: multi, orderId: p.orderId, key: "MR-LEGACY-1", params: oldMultipleRefund(p, key: "MR-LEGACY-1", fen: 1001))
        // A failure, claimed by a dispatcher that died mid-send (its lease lapsed).
        try plant(t, method: book, orderId: p.orderId, key: "BK-LEGACY-2",
                  params: #"{"agent_order_id":"\#(p.agentOrderId)","success":false,"ticket_count":2,"fail_reason":"车辆故障"}"#,
                  state: "sending", claimedBy: "gone:1:1")
        // No order to take the Fliggy id from: never sent in a shape Fliggy would refuse.
        try plant(t, method: book, orderId: nil, key: "BK-LEGACY-3", params: #"{"agent_order_id":"BO-GONE","success":false,"fail_reason":"x"}"#)

        let top = try RunningFakeTop()
        let dispatcher = OutboxDispatcher(store: t.store, config: top.config, transport: HTTPClientTransport(), settings: fastSettings())
        let report = try dispatcher.drain()
        XCTAssertEqual([report.sent, report.retried, report.deadLettered, report.upgraded, report.lostClaims], [3, 0, 1, 3, 0],
                       report.summary)
        XCTAssertTrue(report.summary.contains("upgraded to the published shape 3"), report.summary)
        XCTAssertEqual(try dispatcher.drain().claimed, 0, "nothing left to send")

        let calls = top.gateway.calls
        XCTAssertEqual(calls.count, 3, "each row reached the gateway exactly once")
        // (The two bookticket rows are about one order, which the fake flags as a repeat: that is fine.)
        XCTAssertTrue(calls.allSatisfy { $0.signOK && $0.answer == "ok" })

        // multiple.refund.confirm: the gateway saw the row's own agent_refund_trans_no, with the per-ticket list.
        let m = try stored(t, "MR-LEGACY-1")
        XCTAssertEqual([m.state, String(m.attempts)], ["sent", "1"])
        let mCalls = calls.filter { $0.method == multi }
        XCTAssertEqual(mCalls.map(\.idempotencyKey), ["multi:MR-LEGACY-1"])
        XCTAssertEqual(mCalls.map(\.duplicate), [false])
        XCTAssertEqual(mCalls.first?.business, m.params, "what is stored is what was sent")
        let mJSON = try JSON.parse(m.params)
        assertPublished(mJSON, method: multi)
        XCTAssertEqual(mJSON["agent_refund_trans_no"], .string("MR-LEGACY-1"))
        XCTAssertEqual(mJSON["total_refund_amount"], .int(1001))
        let details = try XCTUnwrap(mJSON["refund_ticket_detail_list"]?.arrayValue)
        XCTAssertEqual(details.count, p.tickets.count)
        XCTAssertEqual(details.compactMap { $0["refund_amount"]?.intValue }.reduce(0, +), 1001)
        for (d, ticket) in zip(details, p.tickets) {
            XCTAssertEqual(d["agent_ticket_id"]?.stringValue, ticket.agentTicketId)
            XCTAssertLessThanOrEqual(d["refund_amount"]!.intValue!, ticket.priceFen + ticket.serviceFeeFen)
        }

        // bookticket.confirm: the published keys, the order's Fliggy id.
        let bCalls = calls.filter { $0.method == book }
        XCTAssertEqual(bCalls.count, 2)
        for key in ["BK-LEGACY-1", "BK-LEGACY-2"] {
            let b = try stored(t, key)
            XCTAssertEqual([b.state, String(b.attempts)], ["sent", "1"], key)
            XCTAssertEqual(bCalls.filter { $0.business == b.params }.count, 1, "\(key): sent once, as stored")
            let json = try JSON.parse(b.params)
            assertPublished(json, method: book)
            XCTAssertEqual(json["bus_inner_order_id"], .string(p.mainBizOrderId), key)
        }
        XCTAssertEqual(try JSON.parse(try stored(t, "BK-LEGACY-1").params)["agent_confirm_book_schedule_info"],
                       ["driver_name": "王师傅", "license_plate_number": "浙A12345"])
        XCTAssertEqual(try stored(t, "BK-LEGACY-2").params,
                       #"{"agent_order_id":"\#(p.agentOrderId)","bus_inner_order_id":"\#(p.mainBizOrderId)","success":false}"#)

        // The row that cannot be upgraded is a dead letter for the operator, its params untouched.
        let dead = try stored(t, "BK-LEGACY-3")
        XCTAssertEqual([dead.state, dead.code], ["failed", "unpublished-shape"])
        XCTAssertEqual(dead.params, #"{"agent_order_id":"BO-GONE","success":false,"fail_reason":"x"}"#)

        // The upgrade is in the order's history.
        let audit = try t.store.audit(entityIds: [p.agentOrderId]).filter { $0.action == "callback.upgraded" }
        XCTAssertEqual(audit.count, 3)
        XCTAssertTrue(audit.allSatisfy { $0.operatorName == "dispatcher" && $0.source == dispatcher.dispatcherId })
        // The idempotency keys are the planted ones: nothing was re-queued under a new key.
        XCTAssertEqual(try t.store.db.scalarInt("SELECT count(*) FROM outbox WHERE idempotency_key LIKE '%LEGACY%'"), 4)
    }

    /// The gateway processes the upgraded call but the answer is lost: the retry carries the same
    /// bytes (read back from the row, not upgraded again) and the same key, and is not paid twice.
    func testARetryAfterALostAnswerSendsTheStoredUpgradeAgain() throws {
        let p = try store()
        let t = p.store
        try plant(t, method: multi, orderId: p.orderId, key: "MR-LEGACY-9", params: oldMultipleRefund(p, key: "MR-LEGACY-9", fen: 700))
        let top = try RunningFakeTop(fault: FakeTopFaultSpec(parsing: "timeout:1"))
        let clock = SteppingClock()
        let dispatcher = OutboxDispatcher(store: t.store, config: top.config, transport: HTTPClientTransport(), clock: clock.now,
                                          random: { 0 }, settings: fastSettings())
        let first = try dispatcher.drain()
        XCTAssertEqual([first.retried, first.upgraded], [1, 1], first.summary)
        clock.advance(5)
        let second = try dispatcher.drain()
        XCTAssertEqual([second.sent, second.upgraded], [1, 0], second.summary)

        let row = try stored(t, "MR-LEGACY-9")
        XCTAssertEqual([row.state, String(row.attempts)], ["sent", "2"])
        let calls = top.gateway.calls.filter { $0.method == multi }
        XCTAssertEqual(calls.map(\.idempotencyKey), ["multi:MR-LEGACY-9", "multi:MR-LEGACY-9"])
        XCTAssertEqual(calls.map(\.business), [row.params, row.params])
        XCTAssertEqual(calls.map(\.duplicate), [false, true])
        XCTAssertEqual(top.gateway.processedCount, 1, "paid once")
        assertPublished(try JSON.parse(row.params), method: multi)
        XCTAssertEqual(try t.store.audit(entityIds: [p.agentOrderId]).filter { $0.action == "callback.upgraded" }.count, 1)
    }

    /// A store the demo generator writes queues only published objects, so its rows go out unchanged.
    func testADemoStoreQueuesOnlyPublishedObjects() throws {
        let t = try DispatchTempStore(demoOrders: 300)
        let rows = try t.store.db.prepare("SELECT method, params FROM outbox").all { ($0.text(0), $0.text(1)) }
        XCTAssertTrue(Set(rows.map(\.0)).isSuperset(of: [book, multi, "taobao.bus.agent.refund.confirm"]))
        for (method, params) in rows {
            assertPublished(try JSON.parse(params), method: method)
            XCTAssertEqual(try CallbackUpgrade.upgrade(method: method, params: params) { nil }, .current, params)
        }
    }
}
