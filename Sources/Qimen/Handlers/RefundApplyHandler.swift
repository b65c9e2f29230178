import Store
import TOP

/// Refund apply (63225, analogue 48226): refunds exactly the tickets `passengerList` names (each by `ticketId`, else
/// `passengerId`, else certificate number), all or none. Confirmed at once within the rules when auto-refund is on,
/// otherwise queued for an operator, whose decision reaches Fliggy by refund.confirm. A per-order schedule refuses a
/// list that leaves a ticket out; the fee kept is never above the `refundSurcharge` Fliggy showed. A retry naming
/// tickets already refunding or refunded answers success and writes nothing. The answer is the envelope alone.
enum RefundApplyHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let ref = try ctx.checkedRef(body.orderRef())
        let reason = try body.firstString(["refundReason", "reason"])
        _ = try ctx.store.applyRefund(ref, picks: try picks(body), reason: reason, autoConfirm: ctx.settings.autoRefund, now: ctx.now)
        return []
    }

    static func picks(_ body: QimenBody) throws -> [RefundPick] {
        if let list = body.json["passengerList"], !list.isNull {
            guard let items = list.arrayValue, !items.isEmpty else { throw QimenFailure.invalid("passengerList must be a non-empty list") }
            guard items.count <= 99 else { throw QimenFailure.invalid("passengerList lists too many passengers") }
            return try items.enumerated().map { k, item in
                guard case .object = item else { throw QimenFailure.invalid("passengerList[\(k)] must be an object") }
                let p = QimenBody(item)
                let pick = RefundPick(ticketId: try p.optionalCode("ticketId"), passengerId: try p.optionalCode("passengerId"),
                                      certNo: try p.optionalString("passengerCertificateNo"), surchargeFen: try p.optionalFen("refundSurcharge"))
                guard pick.ticketId != nil || pick.passengerId != nil || pick.certNo != nil else {
                    throw QimenFailure.invalid("passengerList[\(k)] needs ticketId, passengerId or passengerCertificateNo")
                }
                return pick
            }
        }
        // busops's first shape, still accepted: `passengerIds`.
        guard let ids = try body.passengerIds() else { throw QimenFailure.invalid("passengerList is required") }
        return ids.map { RefundPick(passengerId: $0) }
    }
}
