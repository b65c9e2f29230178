import Store
import TOP

/// Builds the TOP callbacks from store rows, so every action describes the same fields the same way.
enum CallbackFactory {
    /// bookticket.confirm (docs/PROTOCOL.md (TOP callbacks)). On success it carries the fetch info, seats, passengers and vehicle;
    /// a failure carries only the order ids and success:false (the reason goes in the audit trail, not here:
    /// no published key carries it). bus_inner_order_id is the order's Fliggy id, always sent (docs/PROTOCOL.md decision).
    static func bookTicket(_ d: OrderDetail, success: Bool, fetch: FetchInfo? = nil, vehicle: VehicleInfo? = nil,
                           seats: [String]? = nil) -> BookTicketConfirm {
        let seatList = seats ?? d.tickets.compactMap(\.seatNo)
        let passengers = d.tickets.enumerated().map { k, t in
            BookTicketConfirm.Passenger(ticketId: t.agentTicketId, name: t.name, certType: certType(t.certType), certNo: t.certNo,
                                        seatNo: seats.map { $0[k] } ?? t.seatNo)
        }
        let schedule = vehicle.map { v in
            BookTicketConfirm.Schedule(driverName: v.driverName, driverPhone: v.driverPhone, plateNumber: v.plate,
                                       vehicleModel: v.model, vehicleBrand: v.brand)
        }
        return BookTicketConfirm(agentOrderId: d.summary.agentOrderId, busInnerOrderId: d.summary.mainBizOrderId, success: success,
                                 ticketCount: d.tickets.count, totalPriceFen: d.summary.totalFen, fetchNumber: fetch?.ticketNo,
                                 fetchPassword: fetch?.ticketPwd, fetchAddress: fetch?.address, gate: fetch?.gate,
                                 seatNumbers: success ? seatList : [], passengers: success ? passengers : [],
                                 schedule: success ? schedule : nil)
    }

    /// multiple.refund.confirm for `amountFen` of money back on order `d` (docs/PROTOCOL.md (TOP callbacks): the per-ticket detail
    /// list is required). The money is split over the order's tickets by RefundSplit: integer fen, never more on a
    /// ticket than it paid, summing exactly to the amount. nil when the amount does not fit what the tickets paid.
    static func multipleRefund(_ d: OrderDetail, transNo: String, reason: String, amountFen: Int, serviceChargeFen: Int = 0,
                               excluding refundRowId: Int64? = nil, scene: RefundScene = .common,
                               reasonCode: Int? = nil) -> MultipleRefundConfirm? {
        guard let main = Int64(d.summary.mainBizOrderId),
              let details = RefundSplit.details(totalFen: amountFen, serviceChargeFen: serviceChargeFen,
                                                tickets: RefundSplit.tickets(d.tickets, refunds: d.refunds, excluding: refundRowId))
        else { return nil }
        return MultipleRefundConfirm(agentOrderId: d.summary.agentOrderId, mainBizOrderId: main, refundTransNo: transNo, reason: reason,
                                     tickets: details, refundScene: scene == .force ? .force : .common,
                                     officialReasonCode: scene == .force ? reasonCode.map(String.init) : nil)
    }

    /// Qimen numbers the ID card 1; this API numbers certificate types 01–04.
    static func certType(_ qimen: Int) -> BookTicketConfirm.CertType {
        switch qimen {
        case 2: return .passport
        case 3: return .hongKongMacauPass
        case 4: return .taiwanPass
        default: return .idCard
        }
    }

    /// refund.confirm for one refund row. `ticket` set: a per-ticket refund (type 0) naming the ticket and
    /// the passenger's certificate; nil: per order (type 1).
    static func refundConfirm(_ d: OrderDetail, ticket: TicketRecord?, transId: String, approved: Bool, amountFen: Int?,
                              returnCode: Int? = nil, mode: RefundConfirm.ReturnMode = .online, scene: RefundScene = .common,
                              reasonCode: Int? = nil, now: Int) -> RefundConfirm {
        RefundConfirm(agentOrderId: d.summary.agentOrderId, status: approved ? .success : .failure,
                      returnType: ticket == nil ? .perOrder : .perTicket, refundAmountFen: approved ? amountFen : nil,
                      refundTransId: transId, agentTicketId: ticket?.agentTicketId, passengerIdNum: ticket?.certNo,
                      passengerName: ticket?.name, returnTime: ChinaTime.second(now), departDate: ChinaTime.second(d.summary.departsAt),
                      mainBizOrderId: Int64(d.summary.mainBizOrderId), returnTicketCode: approved ? nil : returnCode,
                      returnMode: mode, refundScene: scene == .force ? .force : .common,
                      officialReasonCode: scene == .force ? reasonCode.map(String.init) : nil)
    }

    /// "张三 (seat 12), 李四" — the passengers a line of the preview names.
    static func names(_ tickets: [TicketRecord]) -> String {
        tickets.map { t in t.name + (t.seatNo.map { " (seat \($0))" } ?? "") }.joined(separator: ", ")
    }

    /// "BO0000000012 (Fliggy 3900000000007919) 杭州 → 上海, departs 2026-11-22 08:05"
    static func orderLine(_ d: OrderDetail) -> String {
        "order \(d.summary.agentOrderId) (Fliggy \(d.summary.mainBizOrderId)) \(d.summary.fromCity) → \(d.summary.toCity), "
            + "departs \(ChinaTime.minute(d.summary.departsAt)), status \(d.summary.status.rawValue) \(d.summary.status.english)"
    }
}
