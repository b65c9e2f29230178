/// Migration 2: what the screens' searches and the Refunds queue need at a million orders.
/// - passenger phones are searchable through an index (the `/` search by phone);
/// - refunds carry their order's departure so the queue ("most urgent first") is an index walk, not a sort of
///   every pending refund; triggers keep the copy exact when a refund is written or an order's departure moves.
enum Schema2 {
    static let sql = """
    CREATE INDEX tickets_by_phone ON tickets(phone);

    ALTER TABLE refunds ADD COLUMN departs_at INTEGER;
    UPDATE refunds SET departs_at = (SELECT o.departs_at FROM orders o WHERE o.id = refunds.order_id);
    CREATE INDEX refunds_queue ON refunds(status, departs_at, id);

    CREATE TRIGGER refunds_copy_departure AFTER INSERT ON refunds BEGIN
      UPDATE refunds SET departs_at = (SELECT departs_at FROM orders WHERE id = NEW.order_id) WHERE id = NEW.id;
    END;
    CREATE TRIGGER orders_departure_moves_refunds AFTER UPDATE OF departs_at ON orders BEGIN
      UPDATE refunds SET departs_at = NEW.departs_at WHERE order_id = NEW.id;
    END;
    """
}
