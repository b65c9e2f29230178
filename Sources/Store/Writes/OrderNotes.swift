/// Agents' notes on orders (客服备注): written by the note action in the same transaction as its audit row.
extension Store {
    public func addOrderNote(orderId: Int64, text: String, operatorName: String, at: Int) throws -> Int64 {
        try db.run("INSERT INTO order_notes (order_id, text, operator, at) VALUES (?, ?, ?, ?)",
                   .int(orderId), .text(text), .text(operatorName), .of(at))
        return db.lastInsertRowID
    }

    public func orderNotes(orderId: Int64) throws -> [OrderNote] {
        let s = try db.prepare("SELECT id, text, operator, at FROM order_notes WHERE order_id = ? ORDER BY id")
        try s.bind([.int(orderId)])
        return try s.all { OrderNote(id: $0.int64(0), text: $0.text(1), operatorName: $0.text(2), at: $0.int(3)) }
    }
}
