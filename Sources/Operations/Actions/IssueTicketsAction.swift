import Store
import TOP

/// Issue tickets for an order awaiting them (2 → 3): fetch number, password, gate, seats and vehicle go on the
/// order, tickets → 2, and bookticket.confirm (success true) is queued under key BK-<agent order id>.
enum IssueTicketsAction {
    static let unit = ActionUnit(
        id: "ticket.issue", subject: .order,
        summary: "Issue the tickets of an order awaiting them (status 2) and queue bookticket.confirm (success true).",
        fields: [ActionField("ticket-no", "Ticket number", required: true, help: "ticket number (取票号), 1–32 printable characters"),
                 ActionField("ticket-pwd", "Ticket password", required: true, help: "ticket password (取票密码)", secret: true),
                 ActionField("gate", "Gate", required: true, help: "gate (检票口)"),
                 ActionField("seats", "Seats", help: "seat numbers, one per ticket, comma separated; blank keeps them"),
                 ActionField("plate", "Plate", help: "vehicle plate, optional"),
                 ActionField("driver-name", "Driver name", help: "driver name, optional"),
                 ActionField("driver-phone", "Driver phone", help: "driver mobile, 11 digits, optional"),
                 ActionField("vehicle-model", "Vehicle model", help: "vehicle model, optional"),
                 ActionField("vehicle-brand", "Vehicle brand", help: "vehicle brand, optional")],
        title: { row in guard case .order(let d) = row else { return "Issue tickets for order" }
                 return "Issue tickets for order \(d.summary.agentOrderId)" },
        defaults: { row in
            guard case .order(let d) = row else { return [:] }
            // Seats already assigned are offered as they are; the operator may change them.
            let seats = d.tickets.compactMap(\.seatNo)
            return ["seats": seats.count == d.tickets.count ? seats.joined(separator: ",") : "", "plate": d.vehicle.plate ?? "",
                    "driver-name": d.vehicle.driverName ?? "", "driver-phone": d.vehicle.driverPhone ?? "",
                    "vehicle-model": d.vehicle.model ?? "", "vehicle-brand": d.vehicle.brand ?? ""]
        },
        refusal: { row, _ in awaitingTicketRefusal(row, verb: "issued") },
        plan: { r, ctx in
            try plan(IssueTickets(agentOrderId: r.subject, ticketNo: r.text("ticket-no") ?? "", ticketPwd: r.text("ticket-pwd") ?? "",
                                  gate: r.text("gate") ?? "", seats: r.text("seats"), plate: r.text("plate"),
                                  driverName: r.text("driver-name"), driverPhone: r.text("driver-phone"),
                                  vehicleModel: r.text("vehicle-model"), vehicleBrand: r.text("vehicle-brand")), ctx)
        })

    /// Only an order awaiting its tickets (2) can be issued or failed.
    static func awaitingTicketRefusal(_ row: ActionRow, verb: String) -> String? {
        guard case .order(let d) = row else { return "open an order first (Enter on a row)" }
        guard d.summary.status != .awaitingTicket else { return nil }
        return "order \(d.summary.agentOrderId) is \(d.summary.status.described); only an order awaiting its tickets (status 2) can be \(verb)"
    }

    static func plan(_ input: IssueTickets, _ ctx: ActionContext) throws -> PlannedAction {
        let ticketNo = try InputValidation.code(input.ticketNo, field: "ticket number")
        let ticketPwd = try InputValidation.code(input.ticketPwd, field: "ticket password")
        let gate = try InputValidation.code(input.gate, field: "gate")
        let vehicle = VehicleInfo(plate: try InputValidation.optionalCode(input.plate, field: "plate", max: 16),
                                  driverName: try InputValidation.optionalCode(input.driverName, field: "driver name"),
                                  driverPhone: try input.driverPhone.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
                                      .map { try InputValidation.phone($0, field: "driver phone") },
                                  model: try InputValidation.optionalCode(input.vehicleModel, field: "vehicle model"),
                                  brand: try InputValidation.optionalCode(input.vehicleBrand, field: "vehicle brand"))
        let d = try ctx.order(input.agentOrderId)
        try ctx.bind(order: d)
        try requireAwaitingTicket(d, verb: "issued")
        let seats = try input.seats.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
            .map { try InputValidation.seats($0, count: d.tickets.count) }
        let fetch = FetchInfo(ticketNo: ticketNo, ticketPwd: ticketPwd, gate: gate, address: d.fromStationAddress,
                              seatNumbers: seats?.joined(separator: ","), qrPayload: "BUSOPS|\(d.summary.agentOrderId)|\(ticketNo)")
        let callback = CallbackFactory.bookTicket(d, success: true, fetch: fetch, vehicle: vehicle, seats: seats)
        try ActionContext.check(callback)
        let key = "BK-" + d.summary.agentOrderId
        var seated = d.tickets
        if let seats { for k in seated.indices { seated[k].seatNo = seats[k] } }
        // The password is in clear here and listed in `personal.secrets`: the console masks it until the order is
        // revealed, the CLI always (docs/ARCHITECTURE.md: personal data is shown only after an audited reveal).
        var lines = ["passengers: " + CallbackFactory.names(seated),
                     "ticket number \(ticketNo), password \(ticketPwd), gate \(gate), fetch at \(d.fromStationAddress)"]
        let v = [vehicle.plate.map { "plate \($0)" }, vehicle.driverName.map { "driver \($0)" }, vehicle.driverPhone.map { "phone \($0)" },
                 vehicle.model.map { "model \($0)" }, vehicle.brand.map { "brand \($0)" }].compactMap { $0 }
        if !v.isEmpty { lines.append("vehicle: " + v.joined(separator: ", ")) }
        lines.append("total \(Money.yuan(d.summary.totalFen)) yuan for \(Plural.count(d.tickets.count, "ticket"))")
        lines.append("order → 3 issued, tickets → 2 issued; sends \(callback.method) success=true (key \(key))")
        let preview = ActionPreview(title: "Issue tickets for order \(d.summary.agentOrderId)", order: d, lines: lines, sending: callback,
                                    personal: PersonalValues.of(d).adding(names: [vehicle.driverName], phones: [vehicle.driverPhone],
                                                                                          secrets: [ticketPwd]))
        return PlannedAction(preview: preview) { _ in
            try ctx.store.markIssued(orderId: d.summary.id, fetch: fetch, vehicle: vehicle, seatNumbers: seats, now: ctx.now)
            let cb = try ctx.enqueue(callback, key: key, orderId: d.summary.id, refundId: nil)
            // The ticket password is a pick-up credential: the audit trail records that it was set, not its value.
            let after = AuditFields(status: 3).with("fetch_no", ticketNo).with("fetch_pwd", "***").with("gate", gate)
                .with("seats", seats?.joined(separator: ",")).with("plate", vehicle.plate).with("callback", key)
            try ctx.audit("ticket.issue", entity: "order", id: d.summary.agentOrderId,
                          before: .order(d), after: after)
            return ActionResult(summary: "order \(d.summary.agentOrderId) issued (\(Plural.count(d.tickets.count, "ticket"))), "
                                + "bookticket.confirm queued", callbackIds: [cb])
        }
    }

    /// Only a paid order waiting for its tickets can be issued or failed; the message says why not otherwise.
    static func requireAwaitingTicket(_ d: OrderDetail, verb: String) throws {
        let id = d.summary.agentOrderId
        switch d.summary.status {
        case .awaitingTicket: return
        case .awaitingPayment:
            throw OperationError.notAllowed("order \(id) is awaiting payment; it can be \(verb) only after Fliggy reports payment (status 2)")
        case .issued, .refunding, .refunded:
            throw OperationError.notAllowed("order \(id) was already issued (status \(d.summary.status.rawValue) \(d.summary.status.english))")
        case .closed, .cancelled:
            throw OperationError.notAllowed("order \(id) is \(d.summary.status.english); it cannot be \(verb)")
        }
    }
}

extension ActionRequest {
    public static func issueTickets(_ t: IssueTickets) -> ActionRequest {
        ActionRequest(unit: IssueTicketsAction.unit.id, subject: t.agentOrderId)
            .with("ticket-no", t.ticketNo).with("ticket-pwd", t.ticketPwd).with("gate", t.gate).with("seats", t.seats)
            .with("plate", t.plate).with("driver-name", t.driverName).with("driver-phone", t.driverPhone)
            .with("vehicle-model", t.vehicleModel).with("vehicle-brand", t.vehicleBrand)
    }
}
