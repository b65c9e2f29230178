// The one place that brings a queued business object to the published shape (PROTOCOL.md §1).
// Older busops queued bookticket.confirm with `schedule_info` / `fail_reason` and without
// `bus_inner_order_id`, and multiple.refund.confirm without the required
// `refund_ticket_detail_list` (the demo generator even wrote `reason` / `total_refund_fee`).
// Such a row is still owed to Fliggy: rather than send keys Fliggy does not publish, or lose it,
// the dispatcher upgrades it here before signing, writes the result back to the row (the bytes
// sent are the bytes stored and signed) and keeps its idempotency key, so Fliggy still
// de-duplicates a row that an older busops had already sent before its answer was lost.
//
// A row already in the published shape is left byte for byte as committed.

import Store

public enum CallbackUpgrade {
    public enum Outcome: Equatable, Sendable {
        /// Already the published object: send the stored bytes unchanged.
        case current
        /// The published object to store and send instead; `why` lists what the old one broke.
        case upgraded(params: String, why: String)
        /// Cannot be brought to the published shape (the reason says why): the row is dead-lettered
        /// for the operator, never sent in a shape Fliggy would refuse.
        case impossible(String)
    }

    /// Upgrades the stored `params` of a `method` row. `order` is read only when the row needs it
    /// (old bookticket rows lack the Fliggy order id, old multiple-refund rows the per-ticket
    /// split); `refundRowId` is the refund the row confirms, left out of the earlier refunds that
    /// shrink each ticket's room (RefundSplit).
    public static func upgrade(method: String, params: String, refundRowId: Int64? = nil,
                               order: () throws -> OutboxOrderFacts?) throws -> Outcome {
        guard let business = try? JSON.parse(params), business.objectValue != nil else {
            // Not ours to repair: the gateway's refusal names the problem better than we could.
            return .current
        }
        let problems = PublishedShape.problems(method: method, business: business)
        if problems.isEmpty { return .current }
        let why = problems.joined(separator: "; ")
        let built: Result<JSON, UpgradeError>
        switch method {
        case BookTicketConfirm.method:
            built = try bookTicket(business, order: order).map { $0.businessJSON() }
        case MultipleRefundConfirm.method:
            built = try multipleRefund(business, refundRowId: refundRowId, order: order).map { $0.businessJSON() }
        default:
            built = dropUnpublished(method: method, business)
        }
        switch built {
        case let .failure(e): return .impossible("cannot bring \(method) to the published shape (\(why)): \(e.reason)")
        case let .success(json):
            let left = PublishedShape.problems(method: method, business: json)
            guard left.isEmpty else {
                return .impossible("cannot bring \(method) to the published shape: " + left.joined(separator: "; "))
            }
            return .upgraded(params: json.compactText, why: why)
        }
    }

    struct UpgradeError: Error, Equatable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    // MARK: - bookticket.confirm

    static func bookTicket(_ b: JSON, order: () throws -> OutboxOrderFacts?) throws -> Result<BookTicketConfirm, UpgradeError> {
        guard let agentOrderId = text(b["agent_order_id"]) else { return .failure(UpgradeError("no agent_order_id")) }
        guard let success = b["success"]?.boolValue else { return .failure(UpgradeError("no success")) }
        var inner = text(b["bus_inner_order_id"])
        if inner == nil { inner = try order()?.mainBizOrderId }
        guard let inner, !inner.isEmpty else {
            return .failure(UpgradeError("bus_inner_order_id is missing and the row names no order to take it from"))
        }
        var passengers: [BookTicketConfirm.Passenger] = []
        for (i, p) in (b["passenger_info_list"]?.arrayValue ?? []).enumerated() {
            guard let type = certType(p["passenger_cert_type"]) else {
                return .failure(UpgradeError("passenger_info_list[\(i)].passenger_cert_type is not a published type (01–04)"))
            }
            passengers.append(.init(ticketId: text(p["agent_ticket_id"]), name: text(p["passenger_name"]) ?? "", certType: type,
                                    certNo: text(p["passenger_cert_no"]) ?? "", seatNo: text(p["seat_no"])))
        }
        // The vehicle was sent as `schedule_info`; the published object is agent_confirm_book_schedule_info.
        let v = b["agent_confirm_book_schedule_info"] ?? b["schedule_info"]
        let schedule = v.map { v in
            BookTicketConfirm.Schedule(driverName: text(v["driver_name"]), driverPhone: text(v["driver_phone"]),
                                       plateNumber: text(v["license_plate_number"]), vehicleModel: text(v["motorcycle_type"]),
                                       vehicleBrand: text(v["vehicle_brands"]))
        }
        // An SMS text that is not JSON would be refused (PROTOCOL.md §1: valid JSON); it is optional, so it goes.
        let sms = text(b["message"]).flatMap { (try? JSON.parse($0)) == nil ? nil : $0 }
        let seats = text(b["rider_seat_numbers"])?.split(separator: ",").map(String.init) ?? []
        // fail_reason is dropped: nothing published carries it, and the action that queued the failure
        // recorded the reason in the audit trail (ticket.fail).
        let callback = BookTicketConfirm(agentOrderId: agentOrderId, busInnerOrderId: inner, success: success,
                                         ticketCount: b["ticket_count"]?.intValue ?? passengers.count,
                                         totalPriceFen: b["total_price"]?.intValue, fetchNumber: text(b["fetch_tickets_number"]),
                                         fetchPassword: text(b["fetch_tickets_pwd"]), fetchAddress: text(b["fetch_tickets_address"]),
                                         gate: text(b["ticket_wicket"]), seatNumbers: seats, passengers: passengers,
                                         schedule: schedule, smsJSON: sms)
        return validated(callback)
    }

    /// Two digits 01–04 from "01", "1" or 1 (Qimen-style numbering is the same for 1–4).
    static func certType(_ value: JSON?) -> BookTicketConfirm.CertType? {
        guard let value else { return .idCard }
        let n = value.intValue ?? value.stringValue.flatMap { Int($0) }
        return n.flatMap { BookTicketConfirm.CertType(rawValue: "0\($0)") }
    }

    // MARK: - multiple.refund.confirm

    static func multipleRefund(_ b: JSON, refundRowId: Int64?,
                               order: () throws -> OutboxOrderFacts?) throws -> Result<MultipleRefundConfirm, UpgradeError> {
        guard let agentOrderId = text(b["agent_order_id"]) else { return .failure(UpgradeError("no agent_order_id")) }
        guard let transNo = text(b["agent_refund_trans_no"]) else { return .failure(UpgradeError("no agent_refund_trans_no")) }
        // The demo generator of older busops wrote `reason`, `total_refund_fee` and `service_charge_refund_fee`.
        guard let reason = text(b["agent_refund_reason"]) ?? text(b["reason"]) else {
            return .failure(UpgradeError("no agent_refund_reason"))
        }
        guard let total = (b["total_refund_amount"] ?? b["total_refund_fee"])?.intValue, total > 0 else {
            return .failure(UpgradeError("no positive total_refund_amount"))
        }
        let service = (b["total_service_charge_refund_amount"] ?? b["service_charge_refund_fee"])?.intValue ?? 0
        var facts: OutboxOrderFacts?? = nil
        func loadFacts() throws -> OutboxOrderFacts? {
            if let facts { return facts }
            let f = try order()
            facts = .some(f)
            return f
        }
        var main = b["main_biz_order_id"].flatMap { $0.intValue.map(Int64.init) ?? text($0).flatMap { Int64($0) } }
        if main == nil { main = try loadFacts().flatMap { Int64($0.mainBizOrderId) } }
        guard let main else { return .failure(UpgradeError("main_biz_order_id is missing and the row names no order to take it from")) }

        var details: [MultipleRefundConfirm.TicketDetail]
        switch listedDetails(b["refund_ticket_detail_list"], total: total, service: service) {
        case let .failure(e): return .failure(e)
        case let .success(listed?): details = listed
        case .success(nil):
            // PROTOCOL.md §1: the list is required, one entry per ticket. Derived from the order's
            // tickets in the store, by the same rule new refunds use.
            guard let f = try loadFacts(), !f.tickets.isEmpty else {
                return .failure(UpgradeError("refund_ticket_detail_list is missing and the row names no order with tickets"))
            }
            guard let split = RefundSplit.details(totalFen: total, serviceChargeFen: service,
                                                  tickets: RefundSplit.tickets(f.tickets, refunds: f.refunds, excluding: refundRowId))
            else {
                return .failure(UpgradeError("\(total) fen (service charge \(service)) does not fit what the order's tickets paid"))
            }
            details = split
        }
        let scene = text(b["refund_scene"]).flatMap(RefundConfirm.Scene.init(rawValue:))
        let code = text(b["refund_scene_official_reason_code"]) ?? b["refund_scene_official_reason_code"]?.intValue.map(String.init)
        let callback = MultipleRefundConfirm(agentOrderId: agentOrderId, mainBizOrderId: main, refundTransNo: transNo, reason: reason,
                                             tickets: details, refundScene: scene, officialReasonCode: code)
        // The money must not change in the upgrade: Fliggy pays what the operator approved.
        guard callback.totalRefundFen == total, callback.totalServiceChargeRefundFen == service else {
            return .failure(UpgradeError("the ticket details add up to \(callback.totalRefundFen) fen, not \(total)"))
        }
        return validated(callback)
    }

    /// A detail list the old row already had, read in the published meaning (total = Σ(refund +
    /// service)); older busops also accepted refund_amount including the service charge, which is
    /// converted. nil when there is no (or an empty) list.
    static func listedDetails(_ value: JSON?, total: Int, service: Int) -> Result<[MultipleRefundConfirm.TicketDetail]?, UpgradeError> {
        guard let items = value?.arrayValue, !items.isEmpty else { return .success(nil) }
        var details: [MultipleRefundConfirm.TicketDetail] = []
        for (i, item) in items.enumerated() {
            guard let fen = item["refund_amount"]?.intValue else {
                return .failure(UpgradeError("refund_ticket_detail_list[\(i)] has no refund_amount"))
            }
            details.append(.init(agentTicketId: text(item["agent_ticket_id"]), passengerIdNum: text(item["passenger_id_num"]),
                                 refundFen: fen, serviceChargeRefundFen: item["service_charge_refund_amount"]?.intValue ?? 0))
        }
        let money = details.reduce(0) { $0 + $1.refundFen }
        let fees = details.reduce(0) { $0 + $1.serviceChargeRefundFen }
        if money + fees == total { return .success(details) }
        if money == total, details.allSatisfy({ $0.refundFen >= $0.serviceChargeRefundFen }) {
            return .success(details.map { var d = $0; d.refundFen -= d.serviceChargeRefundFen; return d })
        }
        return .failure(UpgradeError("refund_ticket_detail_list adds up to \(money + fees) fen, not \(total)"))
    }

    // MARK: - the other two: their builders always wrote published keys; drop anything else

    static func dropUnpublished(method: String, _ b: JSON) -> Result<JSON, UpgradeError> {
        guard let keys = PublishedShape.keys(of: method), let members = b.objectValue else {
            return .failure(UpgradeError("not a known callback"))
        }
        return .success(.object(members.filter { keys.contains($0.0) }))
    }

    // MARK: - helpers

    static func validated<C: TopCallback>(_ c: C) -> Result<C, UpgradeError> {
        do {
            try c.validate()
            return .success(c)
        } catch {
            return .failure(UpgradeError("\(error)"))
        }
    }

    /// A non-empty string, or a number written as its digits (ids sometimes travel as numbers).
    static func text(_ value: JSON?) -> String? {
        switch value {
        case let .string(s)?: return s.isEmpty ? nil : s
        case let .int(i)?: return String(i)
        default: return nil
        }
    }
}
