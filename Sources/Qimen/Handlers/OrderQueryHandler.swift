import Store
import TOP

/// Order query (63227): 63226's answer with current values, plus `isRefund` for the order and each passenger, so a
/// ticket refunded offline at the station shows at once (guide). Either id finds the order.
enum OrderQueryHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let order = try ctx.order(body.orderRef())
        return OrderAnswer.fields(order, try ctx.store.fliggyOrderFields(orderId: order.summary.id), withRefundFlags: true)
    }
}
