import Store
import TOP

/// What one call's handler works with: a borrowed connection, the request's clock and the settings.
struct SalesContext {
    let store: Store
    /// Epoch seconds of the request (the router's clock), so one call sees one "now".
    let now: Int
    let settings: QimenSalesSettings
    /// The schedule query's encoded answers, shared by every request of this handler.
    var scheduleCache: ScheduleAnswerCache? = nil
    /// The request's day, yyyy-MM-dd (GMT+8).
    var today: String { ChinaTime.date(now) }

    /// The order behind a reference. When the caller names both ids they must be the same
    /// order: acting on the agent id while Fliggy meant another order would be worse than refusing.
    func order(_ ref: OrderRef) throws -> OrderDetail {
        let detail = try store.orderDetail(ref)
        if let agent = ref.agentOrderId, let alitrip = ref.alitripOrderId,
           detail.summary.agentOrderId != agent || detail.summary.mainBizOrderId != alitrip {
            throw QimenFailure(.orderNotFound, "agentOrderId \(agent) does not belong to alitripOrderId \(alitrip)")
        }
        return detail
    }

    /// Checks the pair before a write, then hands the reference on.
    func checkedRef(_ ref: OrderRef) throws -> OrderRef {
        if ref.agentOrderId != nil && ref.alitripOrderId != nil { _ = try order(ref) }
        return ref
    }
}

/// Field encodings shared by several interfaces (docs/PROTOCOL.md (Qimen) "Shared rules").
enum SalesJSON {
    /// `yyyy-MM-dd HH:mm:ss`, GMT+8 (`startTime`, `agentIssueTime`).
    static func time(_ epoch: Int) -> JSON { .string(ChinaTime.second(epoch)) }

    /// `HH:mm`, GMT+8: line times.
    static func lineTime(_ epoch: Int) -> JSON { .string(String(ChinaTime.minute(epoch).suffix(5))) }

    /// Fen as a Number.
    static func fen(_ fen: Int) -> JSON { .int(Int64(fen)) }

    /// Fen as a String of digits, where the pages show one (63235 `ticketPrice`, 63236 prices).
    static func fenText(_ fen: Int) -> JSON { .string(String(fen)) }

    /// Status codes go as Strings in every answer (page 63226 `"3"`).
    static func status(_ status: OrderStatus) -> JSON { .string(String(status.rawValue)) }

    /// Qimen numbers certificate types without the leading zero TOP uses (`"1"` ID card).
    static func certType(_ type: Int) -> JSON { .string(String(type)) }

    /// 1 on sale, 0 stopped; a departed schedule is no longer on sale either.
    static func saleStatus(_ seats: ScheduleSeats, now: Int) -> JSON {
        seats.onSale && seats.departsAt > now ? 1 : 0
    }

    /// Degrees as text to six places (about 0.1 m), the pages' String type: stored arithmetic like
    /// 120.1646 - 0.004 would otherwise print as 120.16059999999999.
    static func degrees(_ value: Double) -> JSON {
        let micro = Int64((value * 1_000_000).rounded())
        let sign = micro < 0 ? "-" : ""
        let whole = abs(micro) / 1_000_000, frac = abs(micro) % 1_000_000
        var text = "\(sign)\(whole).\(String(repeating: "0", count: 6 - String(frac).count))\(frac)"
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return .string(text)
    }

    static func coordinate(_ c: Coordinate) -> JSON {
        ["longitude": degrees(c.longitude), "latitude": degrees(c.latitude)]
    }
}
