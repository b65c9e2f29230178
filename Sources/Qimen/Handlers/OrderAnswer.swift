import Store
import TOP

/// The order as 63226 (order confirm, page) answers it, which 63227 (order query) repeats with `isRefund` flags
/// (docs/PROTOCOL.md 63226 / 63227): ids, `agentIssueTime` (`yyyy-MM-dd HH:mm:ss`; before issue, the last status change),
/// `status` as a String, `statusDesc`, `fetchTicketSpot`, `ticketWicket`, `smsContent`, and `passengerList` with each
/// passenger's `ticketList`.
enum OrderAnswer {
    static func fields(_ d: OrderDetail, _ extra: FliggyOrderFields?, withRefundFlags: Bool) -> [(String, JSON)] {
        let s = d.summary
        var fields: [(String, JSON)] = [
            ("alitripOrderId", .string(s.mainBizOrderId)), ("agentOrderId", .string(s.agentOrderId)),
            ("agentIssueTime", SalesJSON.time(d.issuedAt ?? d.updatedAt)),
            ("status", SalesJSON.status(s.status)), ("statusDesc", .string(s.status.chinese)),
        ]
        if let spot = fetchSpot(d) { fields.append(("fetchTicketSpot", .string(spot))) }
        if let gate = d.fetch.gate { fields.append(("ticketWicket", .string(gate))) }
        if let sms = sms(d) { fields.append(("smsContent", .string(sms))) }
        if withRefundFlags { fields.append(("isRefund", .bool(d.tickets.contains(where: refunded)))) }
        fields.append(("passengerList", .array(d.tickets.map { passenger($0, d, extra, withRefundFlags: withRefundFlags) })))
        return fields
    }

    static func passenger(_ t: TicketRecord, _ d: OrderDetail, _ extra: FliggyOrderFields?, withRefundFlags: Bool) -> JSON {
        var p: [(String, JSON)] = [
            ("passengerName", .string(t.name)), ("passengerCertificateNo", .string(t.certNo)),
            ("passengerType", .string(String(extra?.passengerTypes[t.id] ?? 0))),
            ("passengerCertificateType", SalesJSON.certType(t.certType)), ("passengerId", .string(t.passengerId)),
        ]
        if withRefundFlags { p.append(("isRefund", .bool(refunded(t)))) }
        var ticket: [(String, JSON)] = [("ticketId", .string(t.agentTicketId))]
        if let no = t.ticketNo ?? d.fetch.ticketNo { ticket.append(("ticketNo", .string(no))) }
        if let pwd = t.ticketPwd ?? d.fetch.ticketPwd { ticket.append(("ticketPwd", .string(pwd))) }
        if let seat = t.seatNo { ticket.append(("ticketSeatNo", .string(seat))) }
        ticket.append(("ticketPrice", SalesJSON.fen(t.priceFen)))
        if let qr = d.fetch.qrPayload, t.status == .issued { ticket.append(("eTicketNo", .string(qr))) }
        ticket.append(("ticketStatus", .string(String(t.status.rawValue))))
        p.append(("ticketList", .array([.object(ticket)])))
        return .object(p)
    }

    /// Refunded online (5) or at the station (guide: `isRefund` shows offline refunds at once).
    static func refunded(_ t: TicketRecord) -> Bool { t.status == .refunded || t.isOfflineRefund }

    static func fetchSpot(_ d: OrderDetail) -> String? {
        d.fetch.address ?? (d.fromStationAddress.isEmpty ? nil : d.fromStationAddress)
    }

    /// The text Fliggy may text the buyer once tickets are out: collection number, password, gate, place.
    static func sms(_ d: OrderDetail) -> String? {
        guard [.issued].contains(d.summary.status), let no = d.fetch.ticketNo else { return nil }
        var parts = ["取票号\(no)"]
        if let pwd = d.fetch.ticketPwd { parts.append("取票密码\(pwd)") }
        if let gate = d.fetch.gate { parts.append("检票口\(gate)") }
        if let spot = fetchSpot(d) { parts.append("取票地点\(spot)") }
        return "您的车票已出票：" + parts.joined(separator: "，") + "。"
    }
}
