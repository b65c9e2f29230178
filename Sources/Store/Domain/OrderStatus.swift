/// Order status codes exactly as the seed table (000) defines them; the raw value is what goes on the wire.
public enum OrderStatus: Int, CaseIterable, Sendable, Codable {
    case awaitingPayment = 1
    case awaitingTicket = 2
    case issued = 3
    case closed = 4
    case cancelled = 5
    case refunding = 9
    case refunded = 11

    /// The seed table's (000) Chinese name and its English gloss, side by side so a new status is one line.
    public var names: (chinese: String, english: String) {
        switch self {
        case .awaitingPayment: return ("等待付款", "awaiting payment")
        case .awaitingTicket: return ("等待出票", "awaiting ticket")
        case .issued: return ("出票成功", "issued")
        case .closed: return ("订单关闭", "closed")
        case .cancelled: return ("订单取消", "cancelled")
        case .refunding: return ("退票中", "refunding")
        case .refunded: return ("退票成功", "refunded")
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

    /// The seed table's (000) Chinese name and its English gloss, side by side so a new status is one line.
    public var names: (chinese: String, english: String) {
        switch self {
        case .unknown: return ("未知", "unknown")
        case .issuing: return ("出票中", "issuing")
        case .issued: return ("已出票", "issued")
        case .noTicket: return ("无票", "no ticket")
        case .refunding: return ("退票中", "refunding")
        case .refunded: return ("已退票", "refunded")
        case .refundFailed: return ("退票失败", "refund failed")
        }
    }
}

/// A status code of the seed table (000), named in Chinese (what the operator and Fliggy read) and English.
public protocol NamedStatus {
    var names: (chinese: String, english: String) { get }
}

extension NamedStatus {
    public var chinese: String { names.chinese }
    public var english: String { names.english }
}

extension OrderStatus: NamedStatus {}
extension TicketStatus: NamedStatus {}
