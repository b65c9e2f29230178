/// What Fliggy asks through Qimen, in store terms. Codes match PROTOCOL.md's retCode list.
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

public struct LockPassenger: Equatable, Sendable {
    public var passengerId: String, name: String, certType: Int, certNo: String, phone: String?
    public init(passengerId: String, name: String, certType: Int, certNo: String, phone: String?) {
        self.passengerId = passengerId; self.name = name; self.certType = certType; self.certNo = certNo; self.phone = phone
    }
}

/// Fliggy's create-order (seat lock).
public struct LockRequest: Equatable, Sendable {
    public var alitripOrderId: String
    public var scheduleId: String
    public var fromStation: String?, toStation: String?
    public var startTime: String?          // yyyy-MM-dd HH:mm as Fliggy last saw it
    public var orderAmountFen: Int?        // what Fliggy will charge
    public var contactName: String, contactPhone: String
    public var passengers: [LockPassenger]
    public init(alitripOrderId: String, scheduleId: String, fromStation: String?, toStation: String?, startTime: String?,
                orderAmountFen: Int?, contactName: String, contactPhone: String, passengers: [LockPassenger]) {
        self.alitripOrderId = alitripOrderId; self.scheduleId = scheduleId; self.fromStation = fromStation; self.toStation = toStation
        self.startTime = startTime; self.orderAmountFen = orderAmountFen; self.contactName = contactName
        self.contactPhone = contactPhone; self.passengers = passengers
    }
}

public struct LockResult: Equatable, Sendable {
    public var agentOrderId: String
    public var status: OrderStatus
    public var lockExpiresAt: Int?
    /// True when this alitripOrderId was already locked (a retry): nothing new was taken.
    public var replayed: Bool
}
