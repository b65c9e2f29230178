public struct OutboxRecord: Equatable, Sendable {
    public var id: Int64
    public var method: String
    public var orderId: Int64?
    public var agentOrderId: String?
    public var refundId: Int64?
    public var idempotencyKey: String
    public var params: String
    public var state: OutboxState
    public var attempts: Int
    public var nextAttemptAt: Int
    public var lastHttpStatus: Int?
    public var lastCode: String?
    public var lastSubCode: String?
    public var lastMessage: String?
    public var lastRequest: String?
    public var lastResponse: String?
    public var createdAt: Int
    public var updatedAt: Int
}

public struct AuditRecord: Equatable, Sendable {
    public var id: Int64
    public var at: Int
    public var operatorName: String
    public var source: String
    public var action: String
    public var entity: String
    public var entityId: String
    public var before: String?
    public var after: String?
}

/// One schedule as the Seats view shows it.
public struct ScheduleSeats: Equatable, Sendable {
    public var scheduleId: String
    public var lineId: String
    public var departsAt: Int
    public var fromTimeType: Int
    public var windowEndAt: Int?
    public var fromCity: String
    public var toCity: String
    public var seatsTotal: Int
    public var seatsSold: Int
    public var seatsHeld: Int
    public var seatsLeft: Int { seatsTotal - seatsSold - seatsHeld }
    public var priceFen: Int
    public var serviceFeeFen: Int
    public var onSale: Bool
    public var stopReason: String?
    public var stopReasonCode: Int?
    public var version: Int
}

/// `busops stats` counts (SPEC §7).
public struct StoreStats: Equatable, Sendable {
    public var orders: [OrderStatus: Int]
    public var tickets: [TicketStatus: Int]
    public var refundsPending: Int
    public var outbox: [OutboxState: Int]
    public var seatsToday: (total: Int, sold: Int, left: Int)
    public static func == (a: StoreStats, b: StoreStats) -> Bool {
        a.orders == b.orders && a.tickets == b.tickets && a.refundsPending == b.refundsPending && a.outbox == b.outbox
            && a.seatsToday == b.seatsToday
    }
}

/// A day's schedules in numbers, for the Seats header (counted in SQL, so the view loads only a window of rows).
public struct SeatsDaySummary: Equatable, Sendable {
    public var schedules: Int
    public var seatsTotal: Int
    /// Unsold seats over every schedule of the day, stopped and departed ones included (what `schedule_days` keeps).
    public var seatsLeft: Int
    public var stopped: Int
    /// Unsold seats of the stopped schedules (migration 8): not for sale, so not "left" on the Seats header.
    public var stoppedLeft: Int
    /// Schedules already departed at the time asked, and their unsold seats (of those still on sale).
    public var departed: Int
    public var departedLeft: Int
    public init(schedules: Int, seatsTotal: Int, seatsLeft: Int, stopped: Int, stoppedLeft: Int = 0, departed: Int = 0, departedLeft: Int = 0) {
        self.schedules = schedules; self.seatsTotal = seatsTotal; self.seatsLeft = seatsLeft; self.stopped = stopped
        self.stoppedLeft = stoppedLeft; self.departed = departed; self.departedLeft = departedLeft
    }
    public init(of rows: [ScheduleSeats], now: Int? = nil) {
        let gone = now.map { n in rows.filter { $0.departsAt <= n } } ?? []
        self.init(schedules: rows.count, seatsTotal: rows.reduce(0) { $0 + $1.seatsTotal },
                  seatsLeft: rows.reduce(0) { $0 + $1.seatsLeft }, stopped: rows.filter { !$0.onSale }.count,
                  stoppedLeft: rows.filter { !$0.onSale }.reduce(0) { $0 + $1.seatsLeft },
                  departed: gone.count, departedLeft: gone.filter(\.onSale).reduce(0) { $0 + $1.seatsLeft })
    }
    /// Seats a buyer can still get: not sold, not held, on a schedule on sale that has not left (issue 12).
    public var leftOnSale: Int { max(0, seatsLeft - stoppedLeft - departedLeft) }
}
