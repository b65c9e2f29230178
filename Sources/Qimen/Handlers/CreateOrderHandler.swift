import Store
import TOP

/// Create order = seat lock (63228). Atomic and idempotent on `alitripOrderId` in the store: Fliggy retries a
/// `success:false`, and a retry answers the first lock without taking seats. Refused with `start-time-changed` when
/// `fromDate` + `fromTime` is no longer the departure, `price-changed` when the amounts are not today's fare.
/// Answers `agentOrderId`, `alitripOrderId`, `status` (a String) — docs/PROTOCOL.md 63228's decision.
enum CreateOrderHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let request = try lockRequest(body, ctx)
        let result = try ctx.store.lockSeats(request, now: ctx.now, lockSeconds: ctx.settings.lockSeconds)
        return [("agentOrderId", .string(result.agentOrderId)), ("alitripOrderId", .string(request.alitripOrderId)),
                ("status", SalesJSON.status(result.status))]
    }

    static func lockRequest(_ body: QimenBody, _ ctx: SalesContext) throws -> LockRequest {
        let scheduleId = try body.code("scheduleId")
        let from = try station(body, ctx, scheduleId, code: "fromStationCode", name: "fromStationName")
        let to = try station(body, ctx, scheduleId, code: "toStationCode", name: "toStationName")
        guard (from == nil) == (to == nil) else { throw QimenFailure.invalid("fromStationCode and toStationCode go together") }
        let date = try body.date("fromDate")
        guard let time = try body.optionalTime("fromTime") else { throw QimenFailure.invalid("fromTime is required") }
        guard let count = try body.optionalInt("ticketCount") else { throw QimenFailure.invalid("ticketCount is required") }
        guard (1...ScheduleQueryHandler.maxSellNum).contains(count) else {
            throw QimenFailure.invalid("ticketCount must be 1 to \(ScheduleQueryHandler.maxSellNum)")
        }
        guard let amount = try body.optionalFen("orderAmount") else { throw QimenFailure.invalid("orderAmount is required (fen)") }
        guard let phone = try body.firstString(["contactMobile", "contactPhone"]) else { throw QimenFailure.invalid("contactMobile is required") }
        // Named as Fliggy sent it: the store's own check would name its column (contactPhone) for a contactMobile.
        guard PersonalData.isValidPhone(phone) else {
            let sent = try body.optionalString("contactMobile") != nil ? "contactMobile" : "contactPhone"
            throw QimenFailure.invalid("\(sent) must be an 11-digit mobile number")
        }
        let contactName = try body.string("contactName")
        let contactCertType = try body.optionalCertType("contactCertificateType")
        let contactCertNo = try body.optionalString("contactCertificateNo")
        var passengers: [LockPassenger]
        let anonymous: Bool
        if let list = body.json["passengerList"], !list.isNull {
            guard let items = list.arrayValue, !items.isEmpty else { throw QimenFailure.invalid("passengerList must be a non-empty list") }
            guard items.count == count else {
                throw QimenFailure.invalid("ticketCount \(count) does not match the \(items.count) passengers of passengerList")
            }
            passengers = try PassengerListReader.read(items)
            anonymous = false
        } else {
            passengers = (0..<count).map { _ in
                LockPassenger(name: contactName, certType: contactCertType ?? 1, certNo: contactCertNo ?? "", phone: nil)
            }
            anonymous = true
        }
        return LockRequest(alitripOrderId: try body.code("alitripOrderId"), scheduleId: scheduleId, fromStation: from, toStation: to,
                           startTime: "\(date) \(time)", orderAmountFen: amount, contactName: contactName, contactPhone: phone,
                           passengers: passengers, ticketAmountFen: try body.optionalFen("ticketAmount"), anonymous: anonymous,
                           alipayTradeNo: try body.optionalCode("alipayTradeNo"), goodsId: try body.optionalCode("goodsId"),
                           lineId: try body.optionalCode("lineId"), contactCertType: contactCertType, contactCertNo: contactCertNo)
    }

    /// A stop of the schedule named by code, or by name where only the name is sent (the 63223 samples put names in
    /// code fields, so a code field holding a name is matched too).
    static func station(_ body: QimenBody, _ ctx: SalesContext, _ scheduleId: String, code: String, name: String) throws -> String? {
        guard let given = try body.optionalString(code) ?? body.optionalString(name) else { return nil }
        guard let found = try ctx.store.stopCode(scheduleId: scheduleId, codeOrName: given) else {
            throw QimenFailure.invalid("\(code) \(given.prefix(40)) is not a stop of schedule \(scheduleId)")
        }
        return found
    }
}

/// 63228's `passengerList` (analogue 48231): `passengerName`, `passengerCertificateNo`, `passengerCertificateType`
/// (`"1"` or `"01"`), `passengerType`, `ticketPrice` (fen). `passengerType` comes in two numberings (docs/PROTOCOL.md
/// "Shared rules"): page 63226's `"0"` ordinary / `"1"` child and the classic `"1"` adult / `"2"` child; a list with
/// a `"2"` is classic, a list mixing `"0"` and `"2"` cannot be read either way.
enum PassengerListReader {
    static func read(_ items: [JSON]) throws -> [LockPassenger] {
        let bodies = try items.enumerated().map { k, item -> QimenBody in
            guard case .object = item else { throw QimenFailure.invalid("passengerList[\(k)] must be an object") }
            return QimenBody(item)
        }
        let types = try bodies.enumerated().map { k, p -> Int in
            guard let t = try p.optionalInt("passengerType") else { return 0 }
            guard (0...2).contains(t) else { throw QimenFailure.invalid("passengerList[\(k)].passengerType must be 0, 1 or 2") }
            return t
        }
        let classic = types.contains(2)
        if classic && types.contains(0) {
            throw QimenFailure.invalid("passengerType mixes \"0\" (ordinary) and \"2\" (classic child); use one numbering")
        }
        return try bodies.enumerated().map { k, p in
            let who = "passengerList[\(k)]"
            guard let name = try p.optionalString("passengerName") else { throw QimenFailure.invalid("\(who).passengerName is required") }
            guard let cert = try p.optionalString("passengerCertificateNo") else {
                throw QimenFailure.invalid("\(who).passengerCertificateNo is required")
            }
            return LockPassenger(name: name, certType: try p.optionalCertType("passengerCertificateType") ?? 1, certNo: cert,
                                 phone: try p.optionalString("passengerMobile"), passengerType: classic ? types[k] - 1 : types[k],
                                 ticketPriceFen: try p.optionalFen("ticketPrice"))
        }
    }
}
