import Store
import TOP

/// Create order = seat lock (63228). Atomic and idempotent on `alitripOrderId` in the store:
/// Fliggy retries a `success:false`, and a retry answers the first lock without taking seats.
/// Refused with `start-time-changed` / `price-changed` when Fliggy's copy is out of date.
enum CreateOrderHandler {
    static func handle(_ body: QimenBody, _ ctx: SalesContext) throws -> [(String, JSON)] {
        let request = try lockRequest(body)
        let result = try ctx.store.lockSeats(request, now: ctx.now, lockSeconds: ctx.settings.lockSeconds)
        var fields: [(String, JSON)] = [("agentOrderId", .string(result.agentOrderId)),
                                        ("alitripOrderId", .string(request.alitripOrderId)),
                                        ("status", .int(Int64(result.status.rawValue)))]
        if let expires = result.lockExpiresAt { fields.append(("lockExpireTime", SalesJSON.time(expires))) }
        return fields
    }

    static func lockRequest(_ body: QimenBody) throws -> LockRequest {
        let from = try body.optionalCode("fromStationCode")
        let to = try body.optionalCode("toStationCode")
        guard (from == nil) == (to == nil) else { throw QimenFailure.invalid("fromStationCode and toStationCode go together") }
        var startTime: String?
        if let text = try body.optionalString("startTime") {
            guard ChinaTime.parseMinute(text) != nil else { throw QimenFailure.invalid("startTime must be yyyy-MM-dd HH:mm") }
            startTime = text
        }
        guard let list = body.json["passengers"]?.arrayValue, !list.isEmpty else {
            throw QimenFailure.invalid("passengers must be a non-empty list")
        }
        guard list.count <= 9 else { throw QimenFailure.invalid("1 to 9 passengers per order") }
        let passengers = try list.map(passenger)
        if let count = try body.optionalInt("ticketCount"), count != passengers.count {
            throw QimenFailure.invalid("ticketCount \(count) does not match \(passengers.count) passengers")
        }
        // Fliggy's pages name the total both ways; either one is the amount it will charge.
        let amount = try body.optionalFen("orderAmount") ?? body.optionalFen("ticketAmount")
        return LockRequest(alitripOrderId: try body.code("alitripOrderId"), scheduleId: try body.code("scheduleId"),
                           fromStation: from, toStation: to, startTime: startTime, orderAmountFen: amount,
                           contactName: try body.string("contactName"), contactPhone: try body.string("contactPhone"),
                           passengers: passengers)
    }

    static func passenger(_ item: JSON) throws -> LockPassenger {
        guard case .object = item else { throw QimenFailure.invalid("each passenger must be an object") }
        let p = QimenBody(item)
        let certType = try p.optionalInt("certType") ?? 1
        guard (1...99).contains(certType) else { throw QimenFailure.invalid("certType must be a small positive number") }
        return LockPassenger(passengerId: try p.string("passengerId"), name: try p.string("name"), certType: certType,
                             certNo: try p.string("certNo"), phone: try p.optionalString("phone"))
    }
}
