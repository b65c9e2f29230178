import Store
import TOP

/// Issue ticket (63226): Fliggy has the payment. With auto-issue the tickets are issued at
/// once (status 3, numbers, passwords, gate, QR payload); otherwise status 2 and the order
/// waits in the console. A repeated call answers the order's current state.
enum IssueTicketHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let ref = try ctx.checkedRef(body.orderRef())
        let trade = try body.optionalCode("alipayTradeNo")
        let order = try ctx.store.issue(ref, alipayTradeNo: trade, autoIssue: ctx.settings.autoIssue, now: ctx.now)
        var fields: [(String, JSON)] = [("agentOrderId", .string(order.summary.agentOrderId)),
                                        ("alitripOrderId", .string(order.summary.mainBizOrderId)),
                                        ("status", .int(Int64(order.summary.status.rawValue)))]
        if let issued = order.issuedAt { fields.append(("agentIssueTime", SalesJSON.time(issued))) }
        fields += SalesJSON.fetchFields(order)
        fields.append(("passengerList", .array(order.tickets.map { .object(SalesJSON.ticketFields($0, order: order)) })))
        return fields
    }
}
