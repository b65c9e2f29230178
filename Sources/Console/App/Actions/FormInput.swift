import Operations
import Store

/// What an action is about, for telling the operator who changed it since they looked.
enum ActionTarget: Equatable {
    case refund(String)
    case order(String)
    case schedule(String)
    case callback(Int64)
}

/// Turns what the operator typed into an `OperatorAction`. Amounts are typed in yuan and become fen here;
/// everything else is checked by the action's own plan (one set of rules for console and CLI).
enum FormInput {
    static func action(_ purpose: FormPurpose, _ values: [String]) throws -> OperatorAction {
        func v(_ i: Int) -> String { i < values.count ? values[i] : "" }
        func optional(_ i: Int) -> String? { v(i).trimmingCharacters(in: .whitespaces).isEmpty ? nil : v(i) }
        switch purpose {
        case .approveRefund(let id, _, let tierFee):
            // Unchanged: the tier in force when it executes decides (the confirmation shows which).
            let fee = v(0).trimmingCharacters(in: .whitespaces)
            if fee == tierFee && !tierFee.isEmpty { return .approveRefund(refundId: id, feeFen: nil) }
            guard !fee.isEmpty else {
                throw OperationError.invalid("fee is required: the rules allow no refund now, so type the fee to keep (0 refunds everything)")
            }
            return .approveRefund(refundId: id, feeFen: try InputValidation.yuan(fee, field: "fee"))
        case .rejectRefund(let id, _):
            let code = try InputValidation.resultCode(v(0))
            return .rejectRefund(refundId: id, resultCode: String(code), reason: try InputValidation.reason(v(1)))
        case .issueTicket(let order, _):
            return .issueTickets(IssueTickets(agentOrderId: order, ticketNo: v(0), ticketPwd: v(1), gate: v(2), seats: optional(3),
                                              plate: optional(4), driverName: optional(5), driverPhone: optional(6),
                                              vehicleModel: optional(7), vehicleBrand: optional(8)))
        case .failIssue(let order, _):
            return .issueFailed(agentOrderId: order, reason: try InputValidation.reason(v(0)))
        case .offlineRefund(let order, _):
            let amount = try InputValidation.yuan(v(1))
            return .offlineRefund(agentOrderId: order, ticket: optional(0).map(ticketRef), amountFen: amount)
        case .moneyRefund(let order, _):
            let amount = try InputValidation.yuan(v(0))
            return .moneyRefund(agentOrderId: order, amountFen: amount, reason: try InputValidation.reason(v(1)))
        case .stopSchedule(let id, _):
            let text = v(0).trimmingCharacters(in: .whitespaces)
            guard let code = Int(text), (0...2).contains(code) else {
                throw OperationError.invalid("reason code must be 0 (schedule stopped), 1 (weather) or 2 (epidemic); got '\(text)'")
            }
            return .stopSchedule(scheduleId: id, reasonCode: code, reason: optional(1))
        case .changeSchedule(let id, _):
            // Both fields go to the action, which changes (and tells Fliggy about) only what differs.
            return .changeSchedule(scheduleId: id, priceFen: try InputValidation.yuan(v(0), field: "price"), departs: v(1))
        case .retryCallback(let id, _):
            return .retryCallback(id: id)
        }
    }

    /// A ticket named at the station: certificate numbers are long digit strings (ID cards may end in X),
    /// passenger ids are shorter digit strings, anything else is our ticket id.
    static func ticketRef(_ text: String) -> TicketRef {
        let t = text.trimmingCharacters(in: .whitespaces)
        let digitsOrX = !t.isEmpty && t.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "x") }
        if digitsOrX && t.count >= 15 { return .certNo(t) }
        if !t.isEmpty && t.allSatisfy({ $0.isASCII && $0.isNumber }) { return .passengerId(t) }
        return .agentTicketId(t)
    }

    /// The row the form was opened on and the version the operator saw.
    static func target(_ purpose: FormPurpose) -> (ActionTarget, Int) {
        switch purpose {
        case .approveRefund(let id, let v, _), .rejectRefund(let id, let v): return (.refund(id), v)
        case .issueTicket(let id, let v), .failIssue(let id, let v), .offlineRefund(let id, let v), .moneyRefund(let id, let v):
            return (.order(id), v)
        case .stopSchedule(let id, let v), .changeSchedule(let id, let v): return (.schedule(id), v)
        case .retryCallback(let id, let v): return (.callback(id), v)
        }
    }
}
