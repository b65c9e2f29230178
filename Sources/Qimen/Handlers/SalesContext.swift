import Store
import TOP

/// What one call's handler works with: a borrowed connection, the request's clock and the settings.
struct SalesContext {
    let store: Store
    /// Epoch seconds of the request (the router's clock), so one call sees one "now".
    let now: Int
    let settings: QimenSalesSettings

    /// The order behind a reference. When the caller names both ids they must be the same
    /// order: acting on the agent id while Fliggy meant another order would be worse than refusing.
    func order(_ ref: OrderRef) throws -> OrderDetail {
        let detail = try store.orderDetail(ref)
        if let agent = ref.agentOrderId, let alitrip = ref.alitripOrderId,
           detail.summary.agentOrderId != agent || detail.summary.mainBizOrderId != alitrip {
            throw QimenFailure(.orderNotFound, "agentOrderId \(agent) does not belong to alitripOrderId \(alitrip)")
        }
        return detail
    }

    /// Checks the pair before a write, then hands the reference on.
    func checkedRef(_ ref: OrderRef) throws -> OrderRef {
        if ref.agentOrderId != nil && ref.alitripOrderId != nil { _ = try order(ref) }
        return ref
    }
}

/// Field encodings shared by several interfaces (PROTOCOL.md "Payloads busops speaks").
enum SalesJSON {
    /// `yyyy-MM-dd HH:mm`, GMT+8.
    static func time(_ epoch: Int) -> JSON { .string(ChinaTime.minute(epoch)) }

    static func fen(_ fen: Int) -> JSON { .int(Int64(fen)) }

    static func city(_ city: CityRecord) -> JSON {
        ["provinceName": .string(city.province), "cityName": .string(city.name), "cityCode": .string(city.code)]
    }

    /// 1 on sale, 0 stopped; a departed schedule is no longer on sale either.
    static func saleStatus(_ seats: ScheduleSeats, now: Int) -> JSON {
        seats.onSale && seats.departsAt > now ? 1 : 0
    }

    static func coordinate(_ c: Coordinate) -> JSON {
        ["longitude": degrees(c.longitude), "latitude": degrees(c.latitude)]
    }

    /// Degrees to six places (about 0.1 m): stored arithmetic like 120.1646 - 0.004 would
    /// otherwise print as 120.16059999999999.
    static func degrees(_ value: Double) -> JSON {
        .double((value * 1_000_000).rounded() / 1_000_000)
    }

    /// A ticket as the issue and query answers show it.
    static func ticketFields(_ t: TicketRecord, order: OrderDetail) -> [(String, JSON)] {
        var fields: [(String, JSON)] = [("passengerId", .string(t.passengerId)), ("ticketId", .string(t.agentTicketId))]
        if let no = t.ticketNo ?? order.fetch.ticketNo { fields.append(("ticketNo", .string(no))) }
        if let pwd = t.ticketPwd ?? order.fetch.ticketPwd { fields.append(("ticketPwd", .string(pwd))) }
        if let seat = t.seatNo { fields.append(("seatNo", .string(seat))) }
        fields.append(("ticketStatus", .int(Int64(t.status.rawValue))))
        return fields
    }

    /// Gate, QR payload and fetch address, when the order has them.
    static func fetchFields(_ order: OrderDetail) -> [(String, JSON)] {
        var fields: [(String, JSON)] = []
        if let gate = order.fetch.gate { fields.append(("ticketGate", .string(gate))) }
        if let qr = order.fetch.qrPayload { fields.append(("qrCode", .string(qr))) }
        if let address = order.fetch.address ?? (order.fromStationAddress.isEmpty ? nil : order.fromStationAddress) {
            fields.append(("fetchAddress", .string(address)))
        }
        return fields
    }
}
