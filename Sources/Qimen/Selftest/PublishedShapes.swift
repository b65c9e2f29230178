import TOP

/// Every Qimen answer's fields as docs/PROTOCOL.md's Qimen tables give them (the envelope is checked
/// by `AnswerEnvelope`). `M` rows and busops's recorded decisions are required; `–` and `O`
/// rows are checked only when present; unknown fields pass.
enum PublishedShapes {
    /// The page number a line names, docs/PROTOCOL.md's Qimen headings (cancel has none).
    static func code(_ interface: QimenInterface) -> String {
        switch interface {
        case .fromCity: return "63238"
        case .toCity: return "63237"
        case .schedules: return "63236"
        case .seats: return "63235"
        case .createOrder: return "63228"
        case .queryOrder: return "63227"
        case .issueTicket: return "63226"
        case .refundApply: return "63225"
        case .refundFee: return "63224"
        case .stoppedSchedules: return "63223"
        case .closeOrder: return "64430"
        case .cancelOrder: return "cancel"
        }
    }

    /// Shape lines for one successful answer.
    static func check(_ interface: QimenInterface, _ answer: JSON) -> [SelftestLine] {
        var checker = ShapeChecker(code: code(interface))
        checker.checkObject(answer, rules: rules(interface), at: .root)
        return checker.tally.lines
    }

    static func rules(_ interface: QimenInterface) -> [FieldRule] {
        switch interface {
        case .fromCity:
            return [.req("fromCityList", .array(.object([
                .req("provinceName", .string(.any)), .req("fromCity", .string(.nonEmpty)),
                .req("cityCode", .string(.adminCode)),
            ])), formerly: ["cities"])]
        case .toCity:
            return [.req("toCityList", .array(.object([
                .opt("provinceName", .string(.any)), .req("toCity", .string(.nonEmpty)),
                .req("preSellDay", .number(.count)),
            ])), formerly: ["cities"])]
        case .schedules:
            return [.req("lineSchedule", .array(.object(schedule)), formerly: ["schedules"])]
        case .seats:
            // 63235 marks every row `–`; the decision makes ticketPrice constant and the
            // count is the point of the call, so both are required here.
            return [.req("leftTicketCnt", .number(.count)), .req("ticketPrice", .string(.digits)),
                    .opt("startTime", .string(.dateTime)), .opt("saleStatus", .number(.oneOf([0, 1])))]
        case .createOrder:
            return [.req("agentOrderId", .string(.nonEmpty)), .req("alitripOrderId", .string(.nonEmpty)),
                    .req("status", .string(.oneOf(["1"])))]
        case .issueTicket:
            return order(status: ["3", "2"], refundFlags: false)
        case .queryOrder:
            return order(status: ["1", "2", "3", "4", "5", "9", "11"], refundFlags: true)
        case .refundFee:
            return [.req("agentOrderId", .string(.nonEmpty)), .req("alitripOrderId", .string(.nonEmpty)),
                    .req("passengerList", .array(.object([
                        .opt("passengerId", .string(.digits)), .opt("passengerName", .string(.any)),
                        .opt("passengerCertificateNo", .string(.any)), .opt("ticketId", .string(.digits)),
                        .opt("passengerCertificateType", .string(.oneOf(["1"]))),
                        .opt("refundSurcharge", .number(.count)),
                    ])), formerly: ["passengers", "tickets"])]
        case .refundApply:
            return []  // envelope only (analogue 48226)
        case .stoppedSchedules:
            return [.opt("lineSchedule", .array(.object([
                .req("line", .object(line(idRequired: false))), .req("scheduleId", .string(.nonEmpty)),
            ])), formerly: ["schedules"])]
        case .closeOrder:
            return [.req("status", .string(.oneOf(["4"])))]
        case .cancelOrder:
            return [.req("status", .string(.oneOf(["5"])))]
        }
    }

    /// 63223's `Line`, which 63236 reuses; `fromTimeType` inside it (guide, decision).
    /// Which of date/time/window must be present depends on the type: `ScheduleRules`.
    static func line(idRequired: Bool) -> [FieldRule] {
        [
            idRequired ? .req("id", .string(.nonEmpty)) : .opt("id", .string(.nonEmpty)),
            .opt("name", .string(.any)), .opt("desc", .string(.any)),
            .opt("fromDate", .string(.date)), .opt("fromTime", .string(.minute)),
            .opt("fromDurationBegin", .string(.minute)), .opt("fromDurationEnd", .string(.minute)),
            .req("fromTimeType", .number(.oneOf([1, 3, 4]))),
        ]
    }

    /// One 63236 `lineSchedule` element. `line.id` is required: 63235 and 63228 send it as lineId.
    static let schedule: [FieldRule] = [
        .req("line", .object(line(idRequired: true))),
        .req("scheduleId", .string(.nonEmpty)),
        .req("ticketPrice", .string(.digits)), .opt("servicePrice", .string(.digits)),
        .req("leftTicketCnt", .number(.count)), .req("saleStatus", .number(.oneOf([0, 1]))),
        .opt("maxSellNum", .number(.integer(min: 1, max: nil))),
        .opt("backDays", .number(.integer(min: 0, max: 2))),
        .req("isOrderRefund", .boolean),
        .req("refundRules", .array(.object([
            // An open last tier (no upper bound) leaves hoursBeforeTo out: ScheduleRules.
            .req("hoursBeforeFrom", .number(.count)), .opt("hoursBeforeTo", .number(.count)),
            .req("feePercent", .number(.integer(min: 0, max: 100))),
        ]))),
        .opt("refundStructuredInfo", .string(.jsonText)),
        .req("stations", .array(.object([
            .req("stationCode", .string(.nonEmpty)), .req("stationName", .string(.nonEmpty)),
            .req("arriveTime", .string(.minute)), .req("stationType", .number(.oneOf([1, 2]))),
            .opt("longitude", .string(.degrees)), .opt("latitude", .string(.degrees)),
            .opt("geofence", .array(.object([.req("longitude", .degreesAnyType), .req("latitude", .degreesAnyType)]))),
            .opt("stationFeature", .array(.string(.any))),
        ]))),
        .req("segmentPrices", .array(.object([
            .req("fromStationCode", .string(.nonEmpty)), .req("toStationCode", .string(.nonEmpty)),
            .req("ticketPrice", .string(.digits)),
        ]))),
        .opt("transferPoints", .array(.object([.req("name", .string(.any))]))),
    ]

    /// 63226's answer; 63227 is the same plus the `isRefund` flags (decision).
    static func order(status: [String], refundFlags: Bool) -> [FieldRule] {
        let ticket: [FieldRule] = [
            .req("ticketId", .string(.digits)),
            .opt("ticketNo", .string(.any)), .opt("ticketPwd", .string(.any)), .opt("ticketSeatNo", .string(.any)),
            .opt("ticketTitle", .string(.any)), .opt("ticketType", .string(.any)),
            .opt("ticketPrice", .number(.count)), .opt("eTicketNo", .string(.any)),
            .opt("ticketStatus", .string(.oneOf(["1", "2", "3", "4", "5", "6", "-1"]))),
        ]
        var passenger: [FieldRule] = [
            .req("passengerName", .string(.any)), .req("passengerCertificateNo", .string(.any)),
            .req("passengerType", .string(.oneOf(["0", "1"]))),
            .req("passengerCertificateType", .string(.oneOf(["1"]))),
            .req("passengerId", .string(.digits)),
            .req("ticketList", .array(.object(ticket)), formerly: ["tickets"]),
        ]
        if refundFlags { passenger.append(.req("isRefund", .boolean)) }
        var fields: [FieldRule] = [
            .req("alitripOrderId", .string(.nonEmpty)), .req("agentOrderId", .string(.nonEmpty)),
            .req("agentIssueTime", .string(.dateTime)),
            .req("status", .string(.oneOf(status))),
            .opt("statusDesc", .string(.any)), .opt("fetchTicketSpot", .string(.any)),
            .opt("ticketWicket", .string(.any), formerly: ["ticketGate"]), .opt("smsContent", .string(.any)),
            .req("passengerList", .array(.object(passenger)), formerly: ["passengers"]),
        ]
        if refundFlags { fields.append(.req("isRefund", .boolean)) }
        return fields
    }
}
