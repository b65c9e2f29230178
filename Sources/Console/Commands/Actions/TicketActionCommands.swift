import Operations

/// `busops ticket issue|fail ORDER ...`
enum TicketActionCommands {
    static func issue(_ args: ParsedArguments) throws -> Int32 {
        let order = try ActionRunner.id(args, "order")
        let input = IssueTickets(agentOrderId: order, ticketNo: try ActionRunner.required(args, "ticket-no"),
                                 ticketPwd: try ActionRunner.required(args, "ticket-pwd"), gate: try ActionRunner.required(args, "gate"),
                                 seats: args.value("seats"), plate: args.value("plate"), driverName: args.value("driver-name"),
                                 driverPhone: args.value("driver-phone"), vehicleModel: args.value("vehicle-model"),
                                 vehicleBrand: args.value("vehicle-brand"))
        return try ActionRunner.run(args, .issueTickets(input))
    }

    static func fail(_ args: ParsedArguments) throws -> Int32 {
        let order = try ActionRunner.id(args, "order")
        return try ActionRunner.run(args, .issueFailed(agentOrderId: order, reason: try ActionRunner.required(args, "reason")))
    }
}
