/// Every operator action, as data: the console, the headless CLI and the Qimen server build one of these,
/// preview it, and execute it bound to the previewed version.
public enum OperatorAction: Sendable, Equatable {
    case issueTickets(IssueTickets)
    case issueFailed(agentOrderId: String, reason: String)
    /// `feeFen` nil: the fee of the schedule's rule tier in force now.
    case approveRefund(refundId: String, feeFen: Int?)
    case rejectRefund(refundId: String, resultCode: String, reason: String)
    /// Refunded at the station; `ticket` nil refunds every ticket still on a seat.
    case offlineRefund(agentOrderId: String, ticket: TicketRef?, amountFen: Int)
    case moneyRefund(agentOrderId: String, amountFen: Int, reason: String)
    case stopSchedule(scheduleId: String, reasonCode: Int, reason: String?)
    /// `departs` is "yyyy-MM-dd HH:mm" (GMT+8).
    case changeSchedule(scheduleId: String, priceFen: Int?, departs: String?)
    case retryCallback(id: Int64)
    case setSending(paused: Bool)
}

/// What an operator types to issue tickets (SPEC §5 bookticket.confirm fields).
public struct IssueTickets: Sendable, Equatable {
    public var agentOrderId: String
    public var ticketNo: String
    public var ticketPwd: String
    public var gate: String
    /// Comma separated, one per ticket; nil keeps the seats already assigned.
    public var seats: String?
    public var plate: String?
    public var driverName: String?
    public var driverPhone: String?
    public var vehicleModel: String?
    public var vehicleBrand: String?
    public init(agentOrderId: String, ticketNo: String, ticketPwd: String, gate: String, seats: String? = nil, plate: String? = nil,
                driverName: String? = nil, driverPhone: String? = nil, vehicleModel: String? = nil, vehicleBrand: String? = nil) {
        self.agentOrderId = agentOrderId; self.ticketNo = ticketNo; self.ticketPwd = ticketPwd; self.gate = gate; self.seats = seats
        self.plate = plate; self.driverName = driverName; self.driverPhone = driverPhone; self.vehicleModel = vehicleModel
        self.vehicleBrand = vehicleBrand
    }
}

/// One ticket of an order, as the operator names it at the station.
public enum TicketRef: Sendable, Equatable {
    case agentTicketId(String)
    /// The passenger's certificate number (ID cards are checked against their check digit).
    case certNo(String)
    /// Fliggy's passenger id (digits only).
    case passengerId(String)
}
