/// Order status codes exactly as the seed table (000) defines them; the raw value is what goes on the wire.
public enum OrderStatus: Int, CaseIterable, Sendable, Codable {
    case awaitingPayment = 1
    case awaitingTicket = 2
    case issued = 3
    case closed = 4
    case cancelled = 5
    case refunding = 9
    case refunded = 11

    public var chinese: String {
        switch self {
        case .awaitingPayment: return "等待付款"
        case .awaitingTicket: return "等待出票"
        case .issued: return "出票成功"
        case .closed: return "订单关闭"
        case .cancelled: return "订单取消"
        case .refunding: return "退票中"
        case .refunded: return "退票成功"
        }
    }

    public var english: String {
        switch self {
        case .awaitingPayment: return "awaiting payment"
        case .awaitingTicket: return "awaiting ticket"
        case .issued: return "issued"
        case .closed: return "closed"
        case .cancelled: return "cancelled"
        case .refunding: return "refunding"
        case .refunded: return "refunded"
        }
    }

    /// "等待出票 (2 awaiting ticket)": how refusals name a state.
    public var described: String { "\(chinese) (\(rawValue) \(english))" }

    /// Orders that still hold or use seats (everything not closed, cancelled or refunded).
    public var holdsSeats: Bool { [.awaitingPayment, .awaitingTicket, .issued, .refunding].contains(self) }
}

/// Ticket status codes exactly as the seed table (000) defines them.
public enum TicketStatus: Int, CaseIterable, Sendable, Codable {
    case unknown = -1
    case issuing = 1
    case issued = 2
    case noTicket = 3
    case refunding = 4
    case refunded = 5
    case refundFailed = 6

    public var chinese: String {
        switch self {
        case .unknown: return "未知"
        case .issuing: return "出票中"
        case .issued: return "已出票"
        case .noTicket: return "无票"
        case .refunding: return "退票中"
        case .refunded: return "已退票"
        case .refundFailed: return "退票失败"
        }
    }

    public var english: String {
        switch self {
        case .unknown: return "unknown"
        case .issuing: return "issuing"
        case .issued: return "issued"
        case .noTicket: return "no ticket"
        case .refunding: return "refunding"
        case .refunded: return "refunded"
        case .refundFailed: return "refund failed"
        }
    }
}
