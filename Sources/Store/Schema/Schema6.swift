/// Migration 6: the due-work list (issue 12, `:due` and `busops due`) reads the few orders awaiting tickets in
/// deadline order without walking the million others. An order's ticketing deadline is the earlier of its payment
/// plus the configured time and its departure, so the soonest N are among the first N by payment and the first N
/// by departure: two small partial indexes, kept by SQLite itself (no trigger). Orders that departed more than a day
/// ago are left out (they need a refund, not tickets); the payment index carries the departure so skipping them reads
/// no table rows.
enum Schema6 {
    static let sql = """
    CREATE INDEX orders_awaiting_by_paid ON orders(paid_at, departs_at, id) WHERE status = 2;
    CREATE INDEX orders_awaiting_by_departure ON orders(departs_at, id) WHERE status = 2;
    """
}
