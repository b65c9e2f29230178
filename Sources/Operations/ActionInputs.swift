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

    /// The text that reads back as this reference.
    public var text: String {
        switch self { case .agentTicketId(let t), .certNo(let t), .passengerId(let t): return t }
    }
}
