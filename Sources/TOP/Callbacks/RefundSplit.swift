// Splitting one order-level sum of money over the order's tickets, for multiple.refund.confirm's
// required refund_ticket_detail_list (docs/PROTOCOL.md (TOP callbacks), TOP doc 49134: one entry per ticket, fen).
// Integer fen only. The rules:
// - the shares sum exactly to the total;
// - no ticket gets more than its room: what it paid minus what earlier refunds already gave back
//   on it, or, when earlier refunds leave too little room (they are attributed by this same rule,
//   which is a reconstruction), what it paid; never more than that;
// - otherwise in proportion to the rooms, the odd fen going to the largest remainders (then the
//   earlier ticket), so the same inputs always give the same split and the same bytes;
// - tickets whose share is 0 fen are left out (**decision**: docs/PROTOCOL.md is silent; a 0-fen entry
//   would say nothing).

import Store

public enum RefundSplit {
    /// One ticket the money can go to.
    public struct Ticket: Equatable, Sendable {
        public var agentTicketId: String?
        public var certNo: String?
        /// What the ticket paid (ticket money + service fee), fen: the hard ceiling.
        public var paidFen: Int
        /// What is left of it after earlier refunds, fen (≤ paidFen).
        public var roomFen: Int

        public init(agentTicketId: String?, certNo: String?, paidFen: Int, roomFen: Int? = nil) {
            self.agentTicketId = agentTicketId
            self.certNo = certNo
            self.paidFen = paidFen
            self.roomFen = min(paidFen, max(0, roomFen ?? paidFen))
        }
    }

    /// `totalFen` split over `caps` in proportion to them (largest remainder), each share ≤ its cap,
    /// summing exactly to `totalFen`. nil when the total is negative or exceeds Σcaps.
    public static func proportional(_ totalFen: Int, caps: [Int]) -> [Int]? {
        let caps = caps.map { max(0, $0) }
        let capacity = caps.reduce(0, +)
        guard totalFen >= 0, totalFen <= capacity else { return nil }
        if totalFen == 0 || totalFen == capacity { return totalFen == 0 ? caps.map { _ in 0 } : caps }
        // floor(total·cap/capacity) ≤ cap because total < capacity; a ticket with a remainder has
        // floor < cap, so the extra fen never breaks its cap.
        var shares = caps.map { Int((Int64(totalFen) * Int64($0)) / Int64(capacity)) }
        let remainders = caps.map { (Int64(totalFen) * Int64($0)) % Int64(capacity) }
        var left = totalFen - shares.reduce(0, +)
        let order = caps.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for i in order where left > 0 && remainders[i] > 0 {
            shares[i] += 1
            left -= 1
        }
        return left == 0 ? shares : nil
    }

    /// The detail list for `totalFen` of which `serviceChargeFen` is service charge: the total over the
    /// tickets' rooms (or what they paid, when the rooms are too small), then the service part within
    /// each ticket's share. nil when the money does not fit what the tickets paid.
    public static func details(totalFen: Int, serviceChargeFen: Int = 0,
                               tickets: [Ticket]) -> [MultipleRefundConfirm.TicketDetail]? {
        guard serviceChargeFen >= 0, serviceChargeFen <= totalFen else { return nil }
        guard let shares = proportional(totalFen, caps: tickets.map(\.roomFen))
                ?? proportional(totalFen, caps: tickets.map(\.paidFen)),
              let service = proportional(serviceChargeFen, caps: shares) else { return nil }
        return tickets.indices.compactMap { i in
            guard shares[i] > 0 else { return nil }
            return MultipleRefundConfirm.TicketDetail(agentTicketId: tickets[i].agentTicketId, passengerIdNum: tickets[i].certNo,
                                                      refundFen: shares[i] - service[i], serviceChargeRefundFen: service[i])
        }
    }

    /// Refund states whose money counts as given back (the same set `Store.refundedFen` counts).
    static let countedStatuses: Set<RefundStatus> = [.approved, .done, .failed]

    /// The order's tickets with their rooms: per-ticket refunds come off their ticket; order-level
    /// refunds are spread by `proportional` over what is left, in the order they were made.
    /// `excluding` leaves out the refund row the split is for.
    public static func tickets(_ tickets: [TicketRecord], refunds: [RefundRecord], excluding refundRowId: Int64? = nil) -> [Ticket] {
        var rooms = tickets.map { $0.priceFen + $0.serviceFeeFen }
        let earlier = refunds.filter { countedStatuses.contains($0.status) && $0.id != refundRowId }.sorted { $0.id < $1.id }
        for r in earlier where r.ticketId != nil {
            if let i = tickets.firstIndex(where: { $0.id == r.ticketId }) { rooms[i] -= min(rooms[i], max(0, r.amountFen)) }
        }
        for r in earlier where r.ticketId == nil {
            let taken = min(max(0, r.amountFen), rooms.reduce(0, +))
            if let shares = proportional(taken, caps: rooms) { rooms = zip(rooms, shares).map { $0 - $1 } }
        }
        return tickets.indices.map { i in
            Ticket(agentTicketId: tickets[i].agentTicketId, certNo: tickets[i].certNo,
                   paidFen: tickets[i].priceFen + tickets[i].serviceFeeFen, roomFen: rooms[i])
        }
    }
}
