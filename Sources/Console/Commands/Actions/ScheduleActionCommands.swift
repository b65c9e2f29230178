import Operations

/// `busops schedule stop|change SCHEDULE_ID ...`
enum ScheduleActionCommands {
    static func stop(_ args: ParsedArguments) throws -> Int32 {
        let id = try ActionRunner.id(args, "schedule")
        return try ActionRunner.run(args, .stopSchedule(scheduleId: id, reasonCode: try ActionRunner.requiredInt(args, "reason-code"),
                                                        reason: args.value("reason")))
    }

    static func change(_ args: ParsedArguments) throws -> Int32 {
        let id = try ActionRunner.id(args, "schedule")
        let price = try args.int("price")
        let departs = args.value("departs")
        guard price != nil || departs != nil else { throw UsageError(message: "give --price FEN or --departs 'yyyy-MM-dd HH:mm'") }
        return try ActionRunner.run(args, .changeSchedule(scheduleId: id, priceFen: price, departs: departs))
    }
}
