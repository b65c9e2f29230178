/// What Fliggy asks through Qimen, in store terms. Codes match docs/PROTOCOL.md's retCode list.
public enum SalesError: Error, Equatable, CustomStringConvertible {
    case scheduleNotFound(String)
    case scheduleStopped(String)
    case seatsInsufficient(left: Int)
    case priceChanged(currentFen: Int)
    case startTimeChanged(current: String)
    case orderNotFound(String)
    case orderStateInvalid(String)
    case refundNotAllowed(String)
    case invalid(String)

    public var code: String {
        switch self {
        case .scheduleNotFound: return "schedule-not-found"
        case .scheduleStopped: return "schedule-stopped"
        case .seatsInsufficient: return "seats-insufficient"
        case .priceChanged: return "price-changed"
        case .startTimeChanged: return "start-time-changed"
        case .orderNotFound: return "order-not-found"
        case .orderStateInvalid: return "order-state-invalid"
        case .refundNotAllowed: return "refund-not-allowed"
        case .invalid: return "param-invalid"
        }
    }

    public var description: String {
        switch self {
        case .scheduleNotFound(let id): return "schedule \(id) not found"
        case .scheduleStopped(let r): return "schedule stopped: \(r)"
        case .seatsInsufficient(let left): return "only \(left) seats left"
        case .priceChanged(let p): return "price changed to \(p) fen"
        case .startTimeChanged(let t): return "departure time changed to \(t)"
        case .orderNotFound(let id): return "order \(id) not found"
        case .orderStateInvalid(let s): return s
        case .refundNotAllowed(let s): return s
        case .invalid(let s): return s
        }
    }
}

public struct CityRecord: Equatable, Sendable {
    public var code: String, name: String, province: String
    /// The official name (上海市): what Fliggy's city interfaces carry.
    public var fullName: String
    /// Days ahead, today included, that this city pair has schedules (63237 `preSellDay`); 0 where not asked.
    public var preSellDays: Int = 0
}

public struct StationRecord: Equatable, Sendable {
    public var code: String, name: String, address: String, cityCode: String
    public var isArea: Bool
    public var longitude: Double?, latitude: Double?
    public var geofence: [Coordinate]
    public var features: [String]
}

public struct StopRecord: Equatable, Sendable {
    public var seq: Int
    public var station: StationRecord
    public var arriveAt: Int?, departAt: Int?
}

public struct SegmentPrice: Equatable, Sendable {
    public var fromStation: String, toStation: String, priceFen: Int
}

public struct TransferPoint: Equatable, Sendable {
    public var name: String, address: String?, longitude: Double?, latitude: Double?
}

/// A schedule's own row as the schedule query reads it first (the part that changes with every sale).
public struct ScheduleHead: Equatable, Sendable {
    public var seats: ScheduleSeats
    public var fromCityCode: String, toCityCode: String
    public var backDays: Int
    public var isOrderRefund: Bool
}

/// A schedule with everything Fliggy's schedule query needs (SPEC §3, seed 000 notes 1–8).
public struct ScheduleFull: Equatable, Sendable {
    public var seats: ScheduleSeats
    public var fromCityCode: String, toCityCode: String
    public var backDays: Int
    public var isOrderRefund: Bool
    public var stops: [StopRecord]
    public var segmentPrices: [SegmentPrice]
    public var refundRules: [RefundRule]
    public var transferPoints: [TransferPoint]
}

/// One passenger of Fliggy's create order, as sent (docs/PROTOCOL.md 63228 `passengerList`).
public struct LockPassenger: Equatable, Sendable {
    /// nil: busops assigns a digit-only id (docs/PROTOCOL.md "Shared rules": `passengerId`).
    public var passengerId: String?
    public var name: String, certType: Int, certNo: String, phone: String?
    /// 0 ordinary, 1 child (page 63226's codes; the classic 1/2 are mapped before they reach the store).
    public var passengerType: Int
    /// The fare Fliggy charged this passenger, fen; nil = the schedule's fare.
    public var ticketPriceFen: Int?
    public init(passengerId: String? = nil, name: String, certType: Int, certNo: String, phone: String?,
                passengerType: Int = 0, ticketPriceFen: Int? = nil) {
        self.passengerId = passengerId; self.name = name; self.certType = certType; self.certNo = certNo; self.phone = phone
        self.passengerType = passengerType; self.ticketPriceFen = ticketPriceFen
    }
}

/// Fliggy's create-order (seat lock), docs/PROTOCOL.md 63228.
public struct LockRequest: Equatable, Sendable {
    public var alitripOrderId: String
    public var scheduleId: String
    public var fromStation: String?, toStation: String?
    /// The departure as Fliggy last saw it, `yyyy-MM-dd HH:mm[:ss]` (its `fromDate` + `fromTime`); compared to the minute.
    public var startTime: String?
    public var orderAmountFen: Int?        // what Fliggy will charge for the order
    public var ticketAmountFen: Int?       // one ticket's fare as Fliggy shows it
    public var contactName: String, contactPhone: String
    public var passengers: [LockPassenger]
    /// No `passengerList`: the tickets carry the contact's name (docs/PROTOCOL.md 63228 decisions: anonymous tickets).
    public var anonymous: Bool
    public var alipayTradeNo: String?, goodsId: String?, lineId: String?
    public var contactCertType: Int?, contactCertNo: String?
    public init(alitripOrderId: String, scheduleId: String, fromStation: String?, toStation: String?, startTime: String?,
                orderAmountFen: Int?, contactName: String, contactPhone: String, passengers: [LockPassenger],
                ticketAmountFen: Int? = nil, anonymous: Bool = false, alipayTradeNo: String? = nil, goodsId: String? = nil,
                lineId: String? = nil, contactCertType: Int? = nil, contactCertNo: String? = nil) {
        self.alitripOrderId = alitripOrderId; self.scheduleId = scheduleId; self.fromStation = fromStation; self.toStation = toStation
        self.startTime = startTime; self.orderAmountFen = orderAmountFen; self.contactName = contactName
        self.contactPhone = contactPhone; self.passengers = passengers; self.ticketAmountFen = ticketAmountFen
        self.anonymous = anonymous; self.alipayTradeNo = alipayTradeNo; self.goodsId = goodsId; self.lineId = lineId
        self.contactCertType = contactCertType; self.contactCertNo = contactCertNo
    }
}

public struct LockResult: Equatable, Sendable {
    public var agentOrderId: String
    public var status: OrderStatus
    public var lockExpiresAt: Int?
    /// True when this alitripOrderId was already locked (a retry): nothing new was taken.
    public var replayed: Bool
}
