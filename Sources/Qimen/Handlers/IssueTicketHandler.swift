import Store
import TOP

/// Order confirm = issue ticket (63226): Fliggy has the payment. With auto-issue the tickets are issued at once
/// (status `"3"`, numbers, passwords, gate, QR payload); otherwise `"2"` and the order waits in the console, which
/// obliges a later bookticket.confirm. A repeated call answers the order's current state (idempotent on either id).
enum IssueTicketHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let ref = try ctx.checkedRef(body.orderRef())
        let trade = try body.optionalCode("alipayTradeNo")
        let order = try ctx.store.issue(ref, alipayTradeNo: trade, autoIssue: ctx.settings.autoIssue, now: ctx.now)
        return OrderAnswer.fields(order, try ctx.store.fliggyOrderFields(orderId: order.summary.id), withRefundFlags: false)
    }
}
