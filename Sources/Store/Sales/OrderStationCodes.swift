/// Boarding and alighting station codes of an order (OrderDetail carries their names, for screens).
extension Store {
    public func orderStationCodes(agentOrderId: String) throws -> (from: String, to: String)? {
        let s = try db.prepare("SELECT from_station, to_station FROM orders WHERE agent_order_id = ?")
        try s.bind([.text(agentOrderId)])
        return try s.all { ($0.text(0), $0.text(1)) }.first
    }
}
