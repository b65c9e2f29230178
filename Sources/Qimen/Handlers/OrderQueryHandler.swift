import Store
import TOP

/// Order query (63227): the order with its tickets, certificate type 1 = ID card, and
/// `isRefund` for tickets refunded offline at the station (Fliggy must see that at once).
enum OrderQueryHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let order = try ctx.order(body.orderRef())
        let s = order.summary
        let codes = try ctx.store.orderStationCodes(agentOrderId: s.agentOrderId)
        var fields: [(String, JSON)] = [
            ("agentOrderId", .string(s.agentOrderId)), ("alitripOrderId", .string(s.mainBizOrderId)),
            ("status", .int(Int64(s.status.rawValue))), ("scheduleId", .string(order.scheduleId)),
            ("fromStationCode", .string(codes?.from ?? "")), ("toStationCode", .string(codes?.to ?? "")),
            ("fromStationName", .string(order.fromStation)), ("toStationName", .string(order.toStation)),
            ("startTime", SalesJSON.time(s.departsAt)), ("createTime", SalesJSON.time(s.createdAt)),
        ]
        if let expires = order.lockExpiresAt, s.status == .awaitingPayment { fields.append(("lockExpireTime", SalesJSON.time(expires))) }
        if let paid = order.paidAt { fields.append(("payTime", SalesJSON.time(paid))) }
        if let issued = order.issuedAt { fields.append(("agentIssueTime", SalesJSON.time(issued))) }
        fields += [
            ("ticketCount", .int(Int64(s.ticketCount))), ("orderAmount", SalesJSON.fen(s.totalFen)),
            ("contactName", .string(s.contactName)), ("contactPhone", .string(s.contactPhone)),
            ("isOrderRefund", .bool(order.isOrderRefund)),
        ]
        fields += SalesJSON.fetchFields(order)
        fields.append(("passengerList", .array(order.tickets.map { t in
            var p: [(String, JSON)] = [("passengerId", .string(t.passengerId)), ("name", .string(t.name)),
                                       ("certType", .int(Int64(t.certType))), ("certNo", .string(t.certNo))]
            if let phone = t.phone { p.append(("phone", .string(phone))) }
            p += SalesJSON.ticketFields(t, order: order).filter { $0.0 != "passengerId" }
            p += [("ticketPrice", SalesJSON.fen(t.priceFen)), ("servicePrice", SalesJSON.fen(t.serviceFeeFen)),
                  ("isRefund", .bool(t.isOfflineRefund))]
            return .object(p)
        })))
        return fields
    }
}
