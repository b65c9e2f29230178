/// One row of the orders list: what an operator scans for (SPEC §1).
public struct OrderSummary: Equatable, Sendable {
    public var id: Int64
    public var agentOrderId: String
    public var mainBizOrderId: String
    public var status: OrderStatus
    public var departsAt: Int
    public var fromCity: String
    public var toCity: String
    public var contactName: String
    public var contactPhone: String
    public var ticketCount: Int
    public var totalFen: Int
    public var createdAt: Int
    public init(id: Int64, agentOrderId: String, mainBizOrderId: String, status: OrderStatus, departsAt: Int,
                fromCity: String, toCity: String, contactName: String, contactPhone: String,
                ticketCount: Int, totalFen: Int, createdAt: Int) {
        self.id = id; self.agentOrderId = agentOrderId; self.mainBizOrderId = mainBizOrderId; self.status = status
        self.departsAt = departsAt; self.fromCity = fromCity; self.toCity = toCity; self.contactName = contactName
        self.contactPhone = contactPhone; self.ticketCount = ticketCount; self.totalFen = totalFen; self.createdAt = createdAt
    }
}

/// Fetch information and vehicle for an issued order.
public struct FetchInfo: Equatable, Sendable {
    public var ticketNo: String?
    public var ticketPwd: String?
    public var gate: String?
    public var address: String?
    public var seatNumbers: String?
    public var qrPayload: String?
    public init(ticketNo: String? = nil, ticketPwd: String? = nil, gate: String? = nil, address: String? = nil,
                seatNumbers: String? = nil, qrPayload: String? = nil) {
        self.ticketNo = ticketNo; self.ticketPwd = ticketPwd; self.gate = gate; self.address = address
        self.seatNumbers = seatNumbers; self.qrPayload = qrPayload
    }
}

public struct VehicleInfo: Equatable, Sendable {
    public var plate: String?
    public var driverName: String?
    public var driverPhone: String?
    public var model: String?
    public var brand: String?
    public init(plate: String? = nil, driverName: String? = nil, driverPhone: String? = nil, model: String? = nil, brand: String? = nil) {
        self.plate = plate; self.driverName = driverName; self.driverPhone = driverPhone; self.model = model; self.brand = brand
    }
}

public struct TicketRecord: Equatable, Sendable {
    public var id: Int64
    public var agentTicketId: String
    public var orderId: Int64
    public var passengerId: String
    public var name: String
    public var certType: Int
    public var certNo: String
    public var phone: String?
    public var seatNo: String?
    public var priceFen: Int
    public var serviceFeeFen: Int
    public var status: TicketStatus
    public var isOfflineRefund: Bool
    public var ticketNo: String?
    public var ticketPwd: String?
    public var version: Int
}

/// Everything the order detail screen shows about one order.
public struct OrderDetail: Equatable, Sendable {
    public var summary: OrderSummary
    public var scheduleId: String
    public var fromStation: String
    public var toStation: String
    public var fromStationAddress: String
    public var fetch: FetchInfo
    public var vehicle: VehicleInfo
    public var updatedAt: Int
    public var paidAt: Int?
    public var issuedAt: Int?
    public var lockExpiresAt: Int?
    public var isOrderRefund: Bool
    public var version: Int
    public var tickets: [TicketRecord]
    public var refunds: [RefundRecord]
    public var callbacks: [OutboxRecord]
    public var audit: [AuditRecord]
    /// Agents' notes on the order (客服备注), oldest first.
    public var notes: [OrderNote] = []
    /// The schedule's refund tiers, so the detail quotes a pending refund's fee as the Refunds view does (issue 12).
    public var refundRules: [RefundRule] = []
}

/// One agent's note on an order: free text, who wrote it and when.
public struct OrderNote: Equatable, Sendable {
    public var id: Int64
    public var text: String
    public var operatorName: String
    public var at: Int
}
