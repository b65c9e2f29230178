import Store

/// The forms operator actions open, built from the row on screen. Each binds the row's version so the
/// action is refused later if someone else changed the row meanwhile. Pure: tested without a store.
enum ActionForms {
    typealias Field = FormState.Field

    /// Approve: the fee is prefilled from the rule tier in force now; left as it is, the tier decides at execution.
    static func approve(_ p: PendingRefund) -> FormState {
        let r = p.refund
        let tierFee = p.currentFeeFen.map(Money.yuan) ?? ""
        let hint = p.currentFeePercent.map { "\($0) % tier now; edit to set your own (0 to \(Money.yuan(r.paidFen)))" }
            ?? "the rules allow no refund now: type a fee to approve anyway"
        return FormState(title: "Approve refund \(r.refundId) (order \(p.agentOrderId))",
                         fields: [Field(label: "Fee (yuan)", value: tierFee, hint: hint)],
                         purpose: .approveRefund(refundId: r.refundId, version: r.version, tierFee: tierFee))
    }

    static func reject(_ p: PendingRefund) -> FormState {
        let r = p.refund
        return FormState(title: "Reject refund \(r.refundId) (order \(p.agentOrderId))",
                         fields: [Field(label: "Result code", value: "1905", hint: "digits, Fliggy's standard code"),
                                  Field(label: "Reason", value: "", hint: "shown to the buyer")],
                         purpose: .rejectRefund(refundId: r.refundId, version: r.version))
    }

    static func issue(_ d: OrderDetail) -> FormState {
        // Seats already assigned are offered as they are; the operator may change them.
        let seats = d.tickets.compactMap(\.seatNo)
        let seatText = seats.count == d.tickets.count ? seats.joined(separator: ",") : ""
        let n = d.tickets.count
        return FormState(title: "Issue tickets for order \(d.summary.agentOrderId)",
                         fields: [Field(label: "Ticket number", value: "", hint: "取票号, required"),
                                  Field(label: "Ticket password", value: "", hint: "取票密码, required"),
                                  Field(label: "Gate", value: "", hint: "检票口, required"),
                                  Field(label: "Seats", value: seatText, hint: "\(n) seat number\(n == 1 ? "" : "s"), comma separated; blank keeps them"),
                                  Field(label: "Plate", value: d.vehicle.plate ?? "", hint: "optional"),
                                  Field(label: "Driver name", value: d.vehicle.driverName ?? "", hint: "optional"),
                                  Field(label: "Driver phone", value: d.vehicle.driverPhone ?? "", hint: "optional, 11 digits"),
                                  Field(label: "Vehicle model", value: d.vehicle.model ?? "", hint: "optional"),
                                  Field(label: "Vehicle brand", value: d.vehicle.brand ?? "", hint: "optional")],
                         purpose: .issueTicket(agentOrderId: d.summary.agentOrderId, version: d.version))
    }

    static func fail(_ d: OrderDetail) -> FormState {
        FormState(title: "Issue failed for order \(d.summary.agentOrderId)",
                  fields: [Field(label: "Reason", value: "", hint: "why no ticket could be issued")],
                  purpose: .failIssue(agentOrderId: d.summary.agentOrderId, version: d.version))
    }

    /// Offline refund: the amount is prefilled with what the refundable tickets cost (a full refund).
    static func offline(_ d: OrderDetail) -> FormState {
        let refundable: Set<TicketStatus> = [.issued, .refundFailed, .unknown]
        let paid = d.tickets.filter { refundable.contains($0.status) }.reduce(0) { $0 + $1.priceFen + $1.serviceFeeFen }
        return FormState(title: "Record offline refund for order \(d.summary.agentOrderId)",
                         fields: [Field(label: "Ticket", value: "", hint: "ticket id, certificate no or passenger id; blank: whole order"),
                                  Field(label: "Amount (yuan)", value: Money.yuan(paid), hint: "what the passenger got back")],
                         purpose: .offlineRefund(agentOrderId: d.summary.agentOrderId, version: d.version))
    }

    static func money(_ d: OrderDetail) -> FormState {
        let promised: Set<RefundStatus> = [.approved, .done, .failed]
        let already = d.refunds.filter { promised.contains($0.status) }.reduce(0) { $0 + $1.amountFen }
        let left = max(0, d.summary.totalFen - already)
        return FormState(title: "Money-only refund for order \(d.summary.agentOrderId)",
                         fields: [Field(label: "Amount (yuan)", value: "", hint: "at most \(Money.yuan(left)) left to refund"),
                                  Field(label: "Reason", value: "", hint: "required")],
                         purpose: .moneyRefund(agentOrderId: d.summary.agentOrderId, version: d.version))
    }

    static func stop(_ s: ScheduleSeats) -> FormState {
        FormState(title: "Stop schedule \(s.scheduleId) \(s.fromCity) → \(s.toCity) \(ChinaTime.minute(s.departsAt))",
                  fields: [Field(label: "Reason code", value: "0", hint: "0 stopped, 1 weather, 2 epidemic"),
                           Field(label: "Reason text", value: "", hint: "optional; blank: the reason code's name")],
                  purpose: .stopSchedule(scheduleId: s.scheduleId, version: s.version))
    }

    static func change(_ s: ScheduleSeats) -> FormState {
        FormState(title: "Change schedule \(s.scheduleId) \(s.fromCity) → \(s.toCity)",
                  fields: [Field(label: "Price (yuan)", value: Money.yuan(s.priceFen), hint: "the ticket price Fliggy shows"),
                           Field(label: "Departure", value: ChinaTime.minute(s.departsAt), hint: "yyyy-MM-dd HH:mm (GMT+8)")],
                  purpose: .changeSchedule(scheduleId: s.scheduleId, version: s.version))
    }
}
