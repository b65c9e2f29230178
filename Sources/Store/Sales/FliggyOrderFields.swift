/// What Fliggy's order answers (63226 / 63227) carry beyond the order detail the console shows: the stations' codes,
/// each ticket's passenger type, the contact's certificate and the goods id, as Fliggy sent them at create order.
public struct FliggyOrderFields: Equatable, Sendable {
    public var fromStationCode: String, toStationCode: String
    public var goodsId: String?, alipayTradeNo: String?
    public var contactCertType: Int?, contactCertNo: String?
    /// Ticket row id → 0 ordinary, 1 child.
    public var passengerTypes: [Int64: Int]
}

extension Store {
    public func fliggyOrderFields(orderId: Int64) throws -> FliggyOrderFields? {
        let s = try db.prepare("SELECT from_station, to_station, goods_id, alipay_trade_no, contact_cert_type, contact_cert_no FROM orders WHERE id = ?")
        try s.bind([.int(orderId)])
        guard var f = try s.all({ FliggyOrderFields(fromStationCode: $0.text(0), toStationCode: $0.text(1), goodsId: $0.optionalText(2),
                                                     alipayTradeNo: $0.optionalText(3), contactCertType: $0.optionalInt(4),
                                                     contactCertNo: $0.optionalText(5), passengerTypes: [:]) }).first else { return nil }
        let t = try db.prepare("SELECT id, passenger_type FROM tickets WHERE order_id = ?")
        try t.bind([.int(orderId)])
        for (id, type) in try t.all({ ($0.int64(0), $0.int(1)) }) { f.passengerTypes[id] = type }
        return f
    }
}
