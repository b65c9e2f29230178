import Operations

/// `busops refund approve|reject|offline|money ...`
enum RefundActionCommands {
    static func approve(_ args: ParsedArguments) throws -> Int32 {
        let id = try ActionRunner.id(args, "refund")
        return try ActionRunner.run(args, .approveRefund(refundId: id, feeFen: try args.int("fee")))
    }

    static func reject(_ args: ParsedArguments) throws -> Int32 {
        let id = try ActionRunner.id(args, "refund")
        return try ActionRunner.run(args, .rejectRefund(refundId: id, resultCode: try ActionRunner.required(args, "code"),
                                                        reason: try ActionRunner.required(args, "reason")))
    }

    static func offline(_ args: ParsedArguments) throws -> Int32 {
        let order = try ActionRunner.id(args, "order")
        let refs: [TicketRef] = [args.value("ticket").map(TicketRef.agentTicketId), args.value("cert").map(TicketRef.certNo),
                                 args.value("passenger").map(TicketRef.passengerId)].compactMap { $0 }
        guard refs.count <= 1 else { throw UsageError(message: "name the ticket once: --ticket, --cert or --passenger") }
        return try ActionRunner.run(args, .offlineRefund(agentOrderId: order, ticket: refs.first,
                                                         amountFen: try ActionRunner.requiredInt(args, "amount")))
    }

    static func money(_ args: ParsedArguments) throws -> Int32 {
        let order = try ActionRunner.id(args, "order")
        return try ActionRunner.run(args, .moneyRefund(agentOrderId: order, amountFen: try ActionRunner.requiredInt(args, "amount"),
                                                       reason: try ActionRunner.required(args, "reason")))
    }
}
