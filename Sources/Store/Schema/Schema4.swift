/// Migration 4: the Seats and Refunds screens read a handful of neighbouring pages, not one page a row.
///
/// Measured on a 1M-order store: the first visit to Refunds read ~200 pages scattered over refunds, orders, tickets,
/// schedules and refund_rules (60 rows, five tables), and Seats ~40 schedule pages. Where the OS has dropped those
/// pages from its cache (this machine reclaims idle page cache within a minute), each is a disk read of ~0.1 ms: a
/// first key press took 10–23 ms. Now:
/// - `schedules_by_day` carries every column the Seats rows show, so a day's window is a run of index entries;
/// - `schedule_days` holds the four numbers the Seats header shows per day, kept by triggers (summing a day's ~4,500
///   schedules cost 0.85 ms of CPU on every visit and every outside commit);
/// - `refund_queue` holds each pending refund with everything its Refunds row shows (order ids, cities, contact,
///   passengers, the schedule's rule tiers), clustered by departure: the most urgent screenful is one or two pages.
///   Triggers keep it: any change to a refund re-derives its row (the order's departure moving changes the refund's,
///   which re-derives it too). Rule tiers are copied: nothing changes them after a schedule is created.
enum Schema4 {
    static let sql = """
    DROP INDEX schedules_by_day;
    CREATE INDEX schedules_by_day ON schedules(from_date, departs_at, schedule_id, line_id, from_time_type, window_end_at,
      from_city_code, to_city_code, seats_total, seats_sold, seats_held, price_fen, service_fee_fen, on_sale, stop_reason,
      stop_reason_code, version);

    CREATE TABLE schedule_days (
      from_date TEXT PRIMARY KEY, schedules INTEGER NOT NULL, seats_total INTEGER NOT NULL, seats_left INTEGER NOT NULL,
      stopped INTEGER NOT NULL) WITHOUT ROWID;
    \(recountDays)

    \(SummaryTriggers.sql("schedule_days", on: "schedules", updateOf: "from_date, seats_total, seats_sold, seats_held, on_sale") { addDay($0, sign: $1) })

    CREATE TABLE refund_queue (
      departs_at INTEGER NOT NULL, id INTEGER NOT NULL,   -- the refund's departure and id: the queue's order
      refund_id TEXT NOT NULL, order_id INTEGER NOT NULL, ticket_id INTEGER, source TEXT NOT NULL, scene TEXT NOT NULL,
      reason_code INTEGER, reason TEXT, paid_fen INTEGER NOT NULL, fee_fen INTEGER NOT NULL, amount_fen INTEGER NOT NULL,
      status TEXT NOT NULL, idempotency_key TEXT NOT NULL, result_code TEXT, requested_at INTEGER NOT NULL,
      decided_at INTEGER, decided_by TEXT, version INTEGER NOT NULL,
      agent_order_id TEXT NOT NULL, main_biz_order_id TEXT NOT NULL, from_city TEXT NOT NULL, to_city TEXT NOT NULL,
      contact_name TEXT NOT NULL, passenger_names TEXT NOT NULL, schedule_id TEXT NOT NULL,
      rules TEXT NOT NULL,                                -- "hours_from,hours_to,fee_percent;…", empty for NULL
      PRIMARY KEY (departs_at, id)) WITHOUT ROWID;
    \(rebuild)

    CREATE TRIGGER refund_queue_insert AFTER INSERT ON refunds WHEN NEW.status = 'pending' BEGIN
      INSERT OR REPLACE INTO refund_queue \(rows) AND r.id = NEW.id;
    END;
    CREATE TRIGGER refund_queue_update AFTER UPDATE ON refunds BEGIN
      DELETE FROM refund_queue WHERE departs_at = \(key("OLD")) AND id = OLD.id;
      INSERT OR REPLACE INTO refund_queue \(rows) AND r.id = NEW.id;
    END;
    CREATE TRIGGER refund_queue_delete AFTER DELETE ON refunds WHEN OLD.status = 'pending' BEGIN
      DELETE FROM refund_queue WHERE departs_at = \(key("OLD")) AND id = OLD.id;
    END;
    """

    /// Sets the day totals from the schedules (the migration, and a bulk load that ran without its triggers).
    static let recountDays = """
    DELETE FROM schedule_days;
    INSERT INTO schedule_days SELECT from_date, count(*), sum(seats_total), sum(seats_total - seats_sold - seats_held), sum(on_sale = 0)
      FROM schedules GROUP BY from_date;
    """

    /// Adds (`+`) or takes away (`-`) one schedule row's numbers from its day's totals.
    static func addDay(_ row: String, sign: String) -> String { """
      INSERT OR IGNORE INTO schedule_days VALUES (\(row).from_date, 0, 0, 0, 0);
      UPDATE schedule_days SET schedules = schedules \(sign) 1, seats_total = seats_total \(sign) \(row).seats_total,
        seats_left = seats_left \(sign) (\(row).seats_total - \(row).seats_sold - \(row).seats_held),
        stopped = stopped \(sign) (\(row).on_sale = 0)
      WHERE from_date = \(row).from_date;
    """
    }

    /// Fills the queue from the tables (the migration, and a bulk load that ran without its triggers). Walked in refund
    /// id order, which is nearly order id order: the orders and tickets pages come in file order (0.9 → 0.65 s at 1M).
    static let rebuild = """
    DELETE FROM refund_queue;
    INSERT INTO refund_queue \(queueRows(refunds: "refunds r INDEXED BY refunds_by_status")) ORDER BY 1, 2;
    """

    /// A refund's place in the queue: its departure, copied from the order by a trigger just after the insert (so
    /// read from the order until then).
    static func key(_ row: String) -> String {
        "coalesce(\(row).departs_at, (SELECT departs_at FROM orders WHERE id = \(row).order_id))"
    }

    /// The queue rows of pending refunds; callers add `AND …` to narrow them.
    static let rows = queueRows(refunds: "refunds r")

    static func queueRows(refunds: String) -> String { """
    SELECT coalesce(r.departs_at, o.departs_at), r.id, r.refund_id, r.order_id, r.ticket_id, r.source, r.scene, r.reason_code,
      r.reason, r.paid_fen, r.fee_fen, r.amount_fen, r.status, r.idempotency_key, r.result_code, r.requested_at,
      r.decided_at, r.decided_by, r.version, o.agent_order_id, o.main_biz_order_id, fc.name, tc.name, o.contact_name,
      coalesce((SELECT group_concat(t.name, '、') FROM tickets t
                WHERE t.order_id = o.id AND (r.ticket_id IS NULL OR t.id = r.ticket_id)), ''),
      o.schedule_id,
      coalesce((SELECT group_concat(rr.hours_from || ',' || coalesce(rr.hours_to, '') || ',' || coalesce(rr.fee_percent, ''), ';')
                FROM refund_rules rr WHERE rr.schedule_id = o.schedule_id), '')
    FROM \(refunds) JOIN orders o ON o.id = r.order_id JOIN schedules s ON s.schedule_id = o.schedule_id
      JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
    WHERE r.status = 'pending'
    """
    }
}
