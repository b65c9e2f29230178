/// The three triggers that keep a summary table in step with the rows it counts: `share(row, sign)` adds ("+") or
/// takes away ("-") one row's share; an update takes the OLD row's share away and adds the NEW row's. Written once
/// for schedule_days, route_days, dash_departures and day_routes; the SQL text is byte for byte what those shipped
/// migrations ran.
enum SummaryTriggers {
    static func sql(_ name: String, on table: String, updateOf columns: String,
                    _ share: (_ row: String, _ sign: String) -> String) -> String { """
    CREATE TRIGGER \(name)_insert AFTER INSERT ON \(table) BEGIN
      \(share("NEW", "+"))
    END;
    CREATE TRIGGER \(name)_update AFTER UPDATE OF \(columns) ON \(table) BEGIN
      \(share("OLD", "-"))
      \(share("NEW", "+"))
    END;
    CREATE TRIGGER \(name)_delete AFTER DELETE ON \(table) BEGIN
      \(share("OLD", "-"))
    END;
    """
    }
}
