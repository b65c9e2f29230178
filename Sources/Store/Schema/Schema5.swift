/// Migration 5: what Fliggy's published custom-bus shapes need (docs/PROTOCOL.md).
///
/// - `cities.full_name`: the official name (上海市, 香港特别行政区). Fliggy names cities in full in 63237 / 63223
///   (PROTOCOL.md §2 "Shared rules": answers give the full name); the console keeps the short `name` it shows.
/// - `orders`: the create-order fields Fliggy sends that busops had no place for (goods, contact certificate), kept as
///   sent so order query answers what Fliggy knows.
/// - `tickets.passenger_type`: 0 ordinary, 1 child (page 63226's codes), as Fliggy sent it at create order.
/// - `refunds.fee_cap_fen`: the `refundSurcharge` Fliggy showed the buyer in 63225; the fee kept is never above it
///   (PROTOCOL.md 63225 decisions: fee kept = the lower of `refundSurcharge` and the current tier's).
/// - `schedules_by_route`: cities, schedules and seats are looked up by route, not by day (a 1M-order store scanned
///   every schedule for the city lists: 31–35 ms); `schedules_stopped` keeps 63223's lookup to the stopped few.
enum Schema5 {
    static let sql = """
    ALTER TABLE cities ADD COLUMN full_name TEXT;
    UPDATE cities SET full_name = CASE
      WHEN code GLOB '81*' THEN '香港特别行政区'
      WHEN code GLOB '82*' THEN '澳门特别行政区'
      WHEN name GLOB '*市' OR name GLOB '*州' OR name GLOB '*盟' OR name GLOB '*地区' OR name GLOB '*区' THEN name
      ELSE name || '市' END;

    ALTER TABLE orders ADD COLUMN goods_id TEXT;
    ALTER TABLE orders ADD COLUMN contact_cert_type INTEGER;
    ALTER TABLE orders ADD COLUMN contact_cert_no TEXT;
    ALTER TABLE tickets ADD COLUMN passenger_type INTEGER NOT NULL DEFAULT 0 CHECK (passenger_type IN (0, 1));
    ALTER TABLE refunds ADD COLUMN fee_cap_fen INTEGER CHECK (fee_cap_fen IS NULL OR fee_cap_fen >= 0);

    CREATE INDEX schedules_by_route ON schedules(from_city_code, to_city_code, from_date, departs_at);
    CREATE INDEX schedules_stopped ON schedules(departs_at) WHERE on_sale = 0;
    """
}
