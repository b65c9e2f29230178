import Store
import TOP

/// Close order (64430): the order ends (status 4) and whatever it held is released. Repeats
/// answer the same status.
enum CloseOrderHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        try OrderEnding.end(body, ctx, as: .closed)
    }
}

/// Cancel order: the buyer did not pay in time (status 5); the seat lock is released.
enum CancelOrderHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        try OrderEnding.end(body, ctx, as: .cancelled)
    }
}

enum OrderEnding {
    static func end(_ body: QimenBody, _ ctx: SalesContext, as target: OrderStatus) throws -> [(String, JSON)] {
        let ref = try ctx.checkedRef(body.orderRef())
        let status = try ctx.store.end(ref, as: target, now: ctx.now)
        return [("status", SalesJSON.status(status))]
    }
}
