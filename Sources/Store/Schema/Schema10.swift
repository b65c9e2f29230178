/// Migration 10: the daily settlement (issue 13, `busops report day` and `:report`) without scanning the day's orders.
/// Scanning by `paid_at` / `decided_at` took ~6 s on the 1M-order store and froze the console; the settlement now reads
/// a few dozen rows of `day_routes`, kept by triggers in the transactions that change orders and refunds (like
/// Schema7's `dash_*` tables, docs/ARCHITECTURE.md "Rules the code keeps") and recounted after a bulk load.
///
/// - `day_routes`: per GMT+8 day (`(epoch + ChinaTime.offset) / 86400`) and route (the schedule's cities), the orders
///   paid that day, their tickets and money (by `paid_at`), and the refunds decided that day and not refused, by
///   finance's kind, with the fees kept (by `decided_at`): exactly DayReportTypes.swift's definitions.
///   A schedule's route never changes (its id is stable forever, Schema1), so no trigger on `schedules` is needed.
/// - The reconciliation half reads the day's callbacks and changed orders through two indexes, so it walks one day's
///   rows, not the tables: `outbox_by_created` and `orders_by_updated`. Both keys are "now" when written, so each
///   write appends at the index's right edge (a hot page), the cheapest an index can cost.
enum Schema10 {
    static let sql = """
    CREATE TABLE day_routes (day INTEGER NOT NULL, from_city_code TEXT NOT NULL, to_city_code TEXT NOT NULL,
      orders INTEGER NOT NULL DEFAULT 0, tickets INTEGER NOT NULL DEFAULT 0, taken_fen INTEGER NOT NULL DEFAULT 0,
      \(DayRefundKind.allCases.map { "\($0.rawValue)_refunds INTEGER NOT NULL DEFAULT 0, \($0.rawValue)_fen INTEGER NOT NULL DEFAULT 0" }.joined(separator: ", ")),
      fees_fen INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, from_city_code, to_city_code)) WITHOUT ROWID;
    CREATE INDEX outbox_by_created ON outbox(created_at);
    CREATE INDEX orders_by_updated ON orders(updated_at);
    \(recount)

    CREATE TRIGGER day_routes_orders_insert AFTER INSERT ON orders BEGIN
      \(sold("NEW", sign: "+"))
    END;
    CREATE TRIGGER day_routes_orders_update AFTER UPDATE OF paid_at, total_fen, ticket_count, schedule_id ON orders
      WHEN OLD.paid_at IS NOT NEW.paid_at OR OLD.total_fen != NEW.total_fen OR OLD.ticket_count != NEW.ticket_count
        OR OLD.schedule_id != NEW.schedule_id BEGIN
      \(sold("OLD", sign: "-"))
      \(sold("NEW", sign: "+"))
    END;
    CREATE TRIGGER day_routes_orders_delete AFTER DELETE ON orders BEGIN
      \(sold("OLD", sign: "-"))
    END;

    \(SummaryTriggers.sql("day_routes_refunds", on: "refunds", updateOf: "status, decided_at, amount_fen, fee_fen, source, scene, order_id") { refunded($0, sign: $1) })
    """

    /// The GMT+8 day number of an epoch-seconds expression.
    static func day(_ epoch: String) -> String { "(\(epoch) + \(ChinaTime.offset)) / 86400" }

    /// Sets `day_routes` from the data (the migration, and a bulk load that ran without its triggers).
    static let recount = """
    DELETE FROM day_routes;
    INSERT INTO day_routes (day, from_city_code, to_city_code, orders, tickets, taken_fen)
      SELECT \(day("o.paid_at")), s.from_city_code, s.to_city_code, count(*), sum(o.ticket_count), sum(o.total_fen)
      FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id WHERE o.paid_at IS NOT NULL GROUP BY 1, 2, 3;
    INSERT INTO day_routes (day, from_city_code, to_city_code, \(kindColumns), fees_fen)
      SELECT \(day("r.decided_at")), s.from_city_code, s.to_city_code,
        \(DayRefundKind.allCases.map { "sum(r.kind = '\($0.rawValue)'), sum(CASE WHEN r.kind = '\($0.rawValue)' THEN r.amount_fen ELSE 0 END)" }.joined(separator: ", ")),
        sum(r.fee_fen)
      FROM (SELECT r.order_id, r.decided_at, r.amount_fen, r.fee_fen, \(DayRefundKind.sql("r")) AS kind FROM refunds r
            WHERE \(Schema7.counted("r"))) r
        JOIN orders o ON o.id = r.order_id JOIN schedules s ON s.schedule_id = o.schedule_id
      WHERE true GROUP BY 1, 2, 3
      ON CONFLICT DO UPDATE SET \(DayRefundKind.allCases.map { "\($0.rawValue)_refunds = excluded.\($0.rawValue)_refunds, \($0.rawValue)_fen = excluded.\($0.rawValue)_fen" }.joined(separator: ", ")),
        fees_fen = excluded.fees_fen;
    """

    static let kindColumns = DayRefundKind.allCases.map { "\($0.rawValue)_refunds, \($0.rawValue)_fen" }.joined(separator: ", ")

    /// Adds to one day's row of a route, creating it first. `route` selects the route's (from, to); `when` guards both.
    static func add(day: String, route: String, set: String, when: String) -> String { """
      INSERT INTO day_routes (day, from_city_code, to_city_code) SELECT \(day), r.from_city_code, r.to_city_code
        FROM (\(route)) r WHERE \(when) ON CONFLICT DO NOTHING;
      UPDATE day_routes SET \(set) WHERE \(when) AND day = \(day) AND (from_city_code, to_city_code) = (\(route));
    """
    }

    /// An order row `o` (NEW or OLD) counted as sold on its payment day, or taken back out.
    static func sold(_ o: String, sign: String) -> String {
        add(day: day("\(o).paid_at"), route: "SELECT from_city_code, to_city_code FROM schedules WHERE schedule_id = \(o).schedule_id",
            set: "orders = orders \(sign) 1, tickets = tickets \(sign) \(o).ticket_count, taken_fen = taken_fen \(sign) \(o).total_fen",
            when: "\(o).paid_at IS NOT NULL")
    }

    /// A refund row `r` (NEW or OLD) counted on its decision day under its kind, or taken back out.
    static func refunded(_ r: String, sign: String) -> String {
        let kind = DayRefundKind.sql(r)
        let set = DayRefundKind.allCases.map { k in
            "\(k.rawValue)_refunds = \(k.rawValue)_refunds \(sign) (\(kind) = '\(k.rawValue)'), "
                + "\(k.rawValue)_fen = \(k.rawValue)_fen \(sign) (\(kind) = '\(k.rawValue)') * \(r).amount_fen"
        }.joined(separator: ", ") + ", fees_fen = fees_fen \(sign) \(r).fee_fen"
        return add(day: day("\(r).decided_at"), route: """
            SELECT s.from_city_code, s.to_city_code FROM orders o JOIN schedules s ON s.schedule_id = o.schedule_id WHERE o.id = \(r).order_id
            """, set: set, when: Schema7.counted(r))
    }
}
