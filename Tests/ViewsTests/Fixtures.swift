@testable import Store
import Views

/// Hand-built data with Chinese names, stations and cities, fixed times (no clock in goldens).
enum Fixtures {
    /// 2026-11-22 15:04:05 GMT+8.
    static let now = ChinaTime.epoch(year: 2026, month: 11, day: 22, hour: 15, minute: 4, second: 5)
    static let day = ChinaTime.epoch(year: 2026, month: 11, day: 22)

    static let people: [(String, String)] = [
        ("张三", "13812345678"), ("欧阳娜娜", "13900001111"), ("李四", "15088886666"), ("王小明", "18612340000"),
        ("司马相如", "13700002222"), ("Li Lei", "13611112222"), ("赵", "17799990000"),
    ]
    static let routes: [(String, String)] = [
        ("杭州", "上海"), ("乌鲁木齐", "呼和浩特"), ("南京", "苏州"), ("宁波", "温州"), ("北京", "天津"), ("广州", "深圳"),
    ]

    static func order(_ i: Int, status: OrderStatus? = nil) -> OrderSummary {
        let p = people[i % people.count], r = routes[i % routes.count]
        return OrderSummary(id: Int64(1000 + i), agentOrderId: "BO" + String(1_000_000_000 + i).suffix(10),
                            mainBizOrderId: String(3_900_000_000_000_000 + i * 7919),
                            status: status ?? OrderStatus.allCases[i % OrderStatus.allCases.count],
                            departsAt: day + 6 * 3600 + i * 1800, fromCity: r.0, toCity: r.1,
                            contactName: p.0, contactPhone: p.1, ticketCount: 1 + i % 3,
                            totalFen: 12_050 * (1 + i % 3) + i, createdAt: now - 3600 * (i + 1))
    }

    static func orders(_ n: Int) -> [OrderSummary] { (0..<n).map { order($0) } }

    static func ticket(_ i: Int, orderId: Int64, status: TicketStatus) -> TicketRecord {
        let p = people[i % people.count]
        return TicketRecord(id: Int64(i + 1), agentTicketId: "BT\(900 + i)", orderId: orderId, passengerId: "\(7000 + i)",
                            name: p.0, certType: 1, certNo: i == 1 ? "33010619900307123X" : "11010519491231002X",
                            phone: p.1, seatNo: "\(12 + i)", priceFen: 12_000, serviceFeeFen: 300, status: status,
                            isOfflineRefund: false, ticketNo: status == .issued ? "T2026112200\(i)" : nil,
                            ticketPwd: status == .issued ? "8842\(i)" : nil, version: 1)
    }

    static func refund(_ i: Int, orderId: Int64, status: RefundStatus = .pending) -> RefundRecord {
        RefundRecord(id: Int64(50 + i), refundId: "RF2026112200\(i)", terms: RefundTerms(orderId: orderId, ticketId: Int64(i + 1),
                     source: i % 2 == 0 ? .online : .offline, scene: .common, reasonCode: nil, reason: i == 0 ? "行程改变" : nil,
                     paidFen: 12_300, feeFen: 1_230, amountFen: 11_070), status: status, idempotencyKey: "k\(i)",
                     resultCode: nil, requestedAt: now - 1800 * (i + 1), decidedAt: nil, decidedBy: nil, version: 1)
    }

    static func callback(_ i: Int, state: OutboxState, method: String = "taobao.bus.agent.bookticket.confirm") -> OutboxRecord {
        OutboxRecord(id: Int64(300 + i), method: method, orderId: 1000, agentOrderId: "BO00000000\(10 + i)", refundId: nil,
                     idempotencyKey: "BK-\(i)", params: "{}", state: state, attempts: state == .failed ? 8 : i % 3,
                     nextAttemptAt: now + 90 * (i + 1), lastHttpStatus: state == .pending && i % 2 == 0 ? nil : 200,
                     lastCode: state == .failed ? "isv.invalid-parameter" : (state == .sent ? "0" : nil),
                     lastSubCode: state == .failed ? "isv.order-not-exist" : nil,
                     lastMessage: state == .failed ? "订单不存在 order not found" : (state == .sent ? "success" : nil),
                     lastRequest: state == .failed ? "method=\(method)&agent_order_id=BO0000001000&cert_no=33010619900307123X" : nil,
                     lastResponse: state == .failed
                        ? "{\"error_response\":{\"code\":15,\"msg\":\"Remote service error\",\"sub_code\":\"isv.order-not-exist\",\"sub_msg\":\"订单不存在，请检查 agent_order_id 是否正确\",\"request_id\":\"16abcdef0123\"}}"
                        : nil,
                     createdAt: now - 600 * (i + 1), updatedAt: now - 60 * (i + 1))
    }

    static func audit(_ i: Int) -> AuditRecord {
        let actions = ["create", "pay", "issue", "reveal"]
        return AuditRecord(id: Int64(i + 1), at: now - 3600 * (4 - i), operatorName: i == 3 ? "客服小王" : "qimen",
                           source: i == 3 ? "console" : "qimen", action: actions[i % 4], entity: "order",
                           entityId: "BO0000001000", before: nil, after: nil)
    }

    static func detail(status: OrderStatus = .issued) -> OrderDetail {
        var s = order(0, status: status)
        s.ticketCount = 2
        s.totalFen = 24_600
        return OrderDetail(summary: s, scheduleId: "HZ-SH-0830", fromStation: "杭州汽车客运中心", toStation: "上海南站",
                           fromStationAddress: "浙江省杭州市江干区九堡镇德胜路",
                           fetch: FetchInfo(ticketNo: "T20261122001", ticketPwd: "884211", gate: "5号检票口", address: "一楼自助取票机",
                                            seatNumbers: "12,13"),
                           vehicle: VehicleInfo(plate: "浙A·12345", driverName: "王师傅", driverPhone: "13588889999",
                                                model: "ZK6122", brand: "宇通"),
                           updatedAt: now - 60, paidAt: now - 3000, issuedAt: now - 2400, lockExpiresAt: nil,
                           isOrderRefund: false, version: 3,
                           tickets: [ticket(0, orderId: s.id, status: .issued), ticket(1, orderId: s.id, status: .refunding)],
                           refunds: [refund(0, orderId: s.id), refund(1, orderId: s.id, status: .done)],
                           callbacks: [callback(0, state: .sent), callback(1, state: .failed, method: "taobao.bus.agent.refund.confirm")],
                           audit: (0..<4).map(audit))
    }

    static func schedule(_ i: Int) -> ScheduleSeats {
        let r = routes[i % routes.count]
        let total = 45, sold = [40, 12, 0, 45, 20, 3][i % 6], held = [2, 5, 0, 0, 1, 0][i % 6]
        return ScheduleSeats(scheduleId: "S\(2026112200 + i)", lineId: "L\(i)", departsAt: day + 7 * 3600 + i * 2700,
                             fromTimeType: i == 4 ? 4 : 1, windowEndAt: i == 4 ? day + 7 * 3600 + i * 2700 + 7200 : nil,
                             fromCity: r.0, toCity: r.1, seatsTotal: total, seatsSold: sold, seatsHeld: held,
                             priceFen: 8_500 + 500 * i, serviceFeeFen: 300, onSale: i != 2,
                             stopReason: i == 2 ? "天气原因 大雾" : nil, stopReasonCode: i == 2 ? 1 : nil, version: 1)
    }

    static func pendingRefund(_ i: Int) -> PendingRefund {
        let o = order(i, status: .refunding)
        let tiers: [(Int?, Int?)] = [(10, 7980), (25, 3000), (nil, nil), (0, 86400 * 2 + 3600)]
        let t = tiers[i % tiers.count]
        return PendingRefund(refund: refund(i, orderId: o.id), agentOrderId: o.agentOrderId, mainBizOrderId: o.mainBizOrderId,
                             departsAt: o.departsAt, fromCity: o.fromCity, toCity: o.toCity, contactName: o.contactName,
                             passengerNames: i % 2 == 0 ? o.contactName : o.contactName + ",李雷",
                             currentFeeFen: t.0.map { 12_300 * $0 / 100 }, currentFeePercent: t.0, secondsToNextTier: t.1)
    }

    static func chrome(tab: Int = 0) -> ChromeModel {
        var c = ChromeModel()
        c.activeTab = tab
        c.isDemo = true
        c.storePath = "/home/operator/.local/share/busops/demo-store.sqlite"
        c.dataAge = 0.1
        c.outboxPending = 3
        c.outboxFailed = 1
        c.now = now
        return c
    }
}
