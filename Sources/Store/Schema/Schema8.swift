/// Migration 8: the Seats header stops counting a stopped schedule's seats as left (issue 12: "its header counts the
/// seats of stopped schedules as left"). `schedule_days` (migration 4) gains `stopped_left`, the unsold seats of the
/// day's stopped schedules, kept by the same triggers, so the header still reads one row, not the day's schedules.
enum Schema8 {
    static let sql = """
    ALTER TABLE schedule_days ADD COLUMN stopped_left INTEGER NOT NULL DEFAULT 0;
    DROP TRIGGER schedule_days_insert;
    DROP TRIGGER schedule_days_update;
    DROP TRIGGER schedule_days_delete;
    \(SummaryTriggers.sql("schedule_days", on: "schedules", updateOf: "from_date, seats_total, seats_sold, seats_held, on_sale") { addDay($0, sign: $1) })
    \(recountDays)
    """

    /// Sets the day totals from the schedules (the migration, and a bulk load that ran without its triggers);
    /// replaces `Schema4.recountDays`, which predates `stopped_left`.
    static let recountDays = """
    DELETE FROM schedule_days;
    INSERT INTO schedule_days (from_date, schedules, seats_total, seats_left, stopped, stopped_left)
      SELECT from_date, count(*), sum(seats_total), sum(seats_total - seats_sold - seats_held), sum(on_sale = 0),
             sum(CASE WHEN on_sale = 0 THEN seats_total - seats_sold - seats_held ELSE 0 END)
      FROM schedules GROUP BY from_date;
    """

    /// Adds (`+`) or takes away (`-`) one schedule row's numbers from its day's totals.
    static func addDay(_ row: String, sign: String) -> String { """
      INSERT OR IGNORE INTO schedule_days (from_date, schedules, seats_total, seats_left, stopped, stopped_left)
        VALUES (\(row).from_date, 0, 0, 0, 0, 0);
      UPDATE schedule_days SET schedules = schedules \(sign) 1, seats_total = seats_total \(sign) \(row).seats_total,
        seats_left = seats_left \(sign) (\(row).seats_total - \(row).seats_sold - \(row).seats_held),
        stopped = stopped \(sign) (\(row).on_sale = 0),
        stopped_left = stopped_left \(sign) (CASE WHEN \(row).on_sale = 0 THEN \(row).seats_total - \(row).seats_sold - \(row).seats_held ELSE 0 END)
      WHERE from_date = \(row).from_date;
    """
    }
}
