/// Migration 5: what Fliggy's published custom-bus shapes need (docs/PROTOCOL.md).
///
/// - `cities.full_name`: the official name (上海市, 香港特别行政区). Fliggy names cities in full in 63237 / 63223
///   (PROTOCOL.md §2 "Shared rules": answers give the full name); the console keeps the short `name` it shows.
/// - `orders`: the create-order fields Fliggy sends that busops had no place for (goods, contact certificate), kept as
///   sent so order query answers what Fliggy knows.
/// - `tickets.passenger_type`: 0 ordinary, 1 child (page 63226's codes), as Fliggy sent it at create order.
/// - `refunds.fee_cap_fen`: the `refundSurcharge` Fliggy showed the buyer in 63225; the fee kept is never above it
///   (PROTOCOL.md 63225 decisions: fee kept = the lower of `refundSurcharge` and the current tier's).
/// - `schedules_by_route`: schedules are looked up by route, not by day; `schedules_stopped` keeps 63223's lookup to
///   the stopped few.
/// - `order_notes`: an agent's notes on an order (客服备注, docs/ARCHITECTURE.md's example of adding an action).
/// - `route_days`: which city pairs run on which days, kept by triggers. The city lists (63238, 63237) read this
///   table of a few hundred rows instead of probing the schedules (31–35 ms on a 1M-order store before; 8–12 ms with
///   an EXISTS probe per city, which walks a route's past days before reaching today).
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

    CREATE TABLE order_notes (
      id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders(id),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 200), operator TEXT NOT NULL, at INTEGER NOT NULL);
    CREATE INDEX order_notes_by_order ON order_notes(order_id, id);

    CREATE TABLE route_days (
      from_city_code TEXT NOT NULL, to_city_code TEXT NOT NULL, from_date TEXT NOT NULL, schedules INTEGER NOT NULL,
      PRIMARY KEY (from_city_code, to_city_code, from_date)) WITHOUT ROWID;
    \(recountRoutes)
    \(SummaryTriggers.sql("route_days", on: "schedules", updateOf: "from_city_code, to_city_code, from_date") { addRoute($0, sign: $1) })
    """

    /// Sets the route days from the schedules (the migration, and a bulk load that ran without its triggers).
    static let recountRoutes = """
    DELETE FROM route_days;
    INSERT INTO route_days SELECT from_city_code, to_city_code, from_date, count(*) FROM schedules GROUP BY 1, 2, 3;
    """

    /// Counts one schedule row in (`+`) or out (`-`) of its route's day; a day with none left goes.
    static func addRoute(_ row: String, sign: String) -> String { """
      INSERT OR IGNORE INTO route_days VALUES (\(row).from_city_code, \(row).to_city_code, \(row).from_date, 0);
      UPDATE route_days SET schedules = schedules \(sign) 1
      WHERE from_city_code = \(row).from_city_code AND to_city_code = \(row).to_city_code AND from_date = \(row).from_date;
      DELETE FROM route_days WHERE schedules <= 0 AND from_city_code = \(row).from_city_code
        AND to_city_code = \(row).to_city_code AND from_date = \(row).from_date;
    """
    }
}
