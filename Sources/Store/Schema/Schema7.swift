/// Migration 7: the dashboard's aggregates (issue 13), kept by triggers in the transactions that change the data, so
/// the Dashboard reads a few dozen small rows and never scans orders (first frame ≤ 50 ms, refresh ≤ 10 ms on the
/// 1M-order store). Hours and minutes are epoch seconds / 3600 and / 60 (GMT+8 is a whole number of hours).
///
/// - `dash_hours`: per hour, orders created and their tickets (by `created_at`), money taken (by `paid_at`, the
///   settlement's "sold"), refunds decided and not refused — money back and fees kept (by `decided_at`, the
///   settlement's refunds): the same definitions as `busops report day` (Reports/DayReportTypes.swift).
/// - `dash_callbacks`: per hour of the attempt's record (`updated_at`), attempts that were sent, retried, dead-lettered.
/// - `dash_pending`: pending refunds per minute of request, with the money asked back (`paid_fen`): ages are range
///   sums over at most 240 rows; "older" is the total (`counters`) minus those.
/// - `dash_departures`: seats per day and hour of departure (total / sold / held), like Schema4's `schedule_days`.
/// - `qimen_minutes`: Qimen requests and errors per minute and interface, one UPSERT per request by `serve`.
enum Schema7 {
    static let sql = """
    CREATE TABLE dash_hours (hour INTEGER PRIMARY KEY, orders INTEGER NOT NULL DEFAULT 0, tickets INTEGER NOT NULL DEFAULT 0,
      paid_orders INTEGER NOT NULL DEFAULT 0, paid_fen INTEGER NOT NULL DEFAULT 0, refunds INTEGER NOT NULL DEFAULT 0,
      refunded_fen INTEGER NOT NULL DEFAULT 0, fees_fen INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE dash_callbacks (hour INTEGER PRIMARY KEY, sent INTEGER NOT NULL DEFAULT 0, retried INTEGER NOT NULL DEFAULT 0,
      dead INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE dash_pending (minute INTEGER PRIMARY KEY, refunds INTEGER NOT NULL DEFAULT 0, paid_fen INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE dash_departures (from_date TEXT NOT NULL, hour INTEGER NOT NULL, seats_total INTEGER NOT NULL DEFAULT 0,
      seats_sold INTEGER NOT NULL DEFAULT 0, seats_held INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (from_date, hour)) WITHOUT ROWID;
    CREATE TABLE qimen_minutes (minute INTEGER NOT NULL, interface TEXT NOT NULL, requests INTEGER NOT NULL DEFAULT 0,
      errors INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (minute, interface)) WITHOUT ROWID;
    \(recount)

    CREATE TRIGGER dash_orders_insert AFTER INSERT ON orders BEGIN
      \(hours("NEW.created_at / 3600", "orders = orders + 1, tickets = tickets + NEW.ticket_count"))
      \(hours("NEW.paid_at / 3600", "paid_orders = paid_orders + 1, paid_fen = paid_fen + NEW.total_fen", when: "NEW.paid_at IS NOT NULL"))
    END;
    CREATE TRIGGER dash_orders_paid AFTER UPDATE OF paid_at ON orders WHEN OLD.paid_at IS NOT NEW.paid_at BEGIN
      \(hours("OLD.paid_at / 3600", "paid_orders = paid_orders - 1, paid_fen = paid_fen - OLD.total_fen", when: "OLD.paid_at IS NOT NULL"))
      \(hours("NEW.paid_at / 3600", "paid_orders = paid_orders + 1, paid_fen = paid_fen + NEW.total_fen", when: "NEW.paid_at IS NOT NULL"))
    END;

    CREATE TRIGGER dash_refunds_insert AFTER INSERT ON refunds BEGIN
      \(refundHours("NEW", sign: "+"))
      \(pending("NEW", sign: "+"))
    END;
    CREATE TRIGGER dash_refunds_update AFTER UPDATE OF status, decided_at, amount_fen, fee_fen, paid_fen, requested_at ON refunds BEGIN
      \(refundHours("OLD", sign: "-"))
      \(refundHours("NEW", sign: "+"))
      \(pending("OLD", sign: "-"))
      \(pending("NEW", sign: "+"))
    END;
    CREATE TRIGGER dash_refunds_delete AFTER DELETE ON refunds BEGIN
      \(refundHours("OLD", sign: "-"))
      \(pending("OLD", sign: "-"))
    END;

    CREATE TRIGGER dash_callbacks_attempt AFTER UPDATE OF attempts ON outbox WHEN NEW.attempts > OLD.attempts BEGIN
      \(hours("NEW.updated_at / 3600", "sent = sent + (NEW.state = 'sent'), retried = retried + (NEW.state IN ('pending', 'sending')), dead = dead + (NEW.state = 'failed')", table: "dash_callbacks"))
    END;

    \(SummaryTriggers.sql("dash_departures", on: "schedules", updateOf: "from_date, departs_at, seats_total, seats_sold, seats_held") { departures($0, sign: $1) })
    """

    /// Sets every dashboard table from the data (the migration, and a bulk load that ran without its triggers).
    /// One pass over orders and refunds per figure, grouped by hour: an UPDATE per hour row scanned the unindexed
    /// `paid_at` once per hour (~50 s of the 1M demo load).
    /// Callback attempts are counted at the row's last record: a row's earlier retries are not dated in the store.
    static let recount = """
    DELETE FROM dash_hours;
    INSERT INTO dash_hours (hour, orders, tickets) SELECT created_at / 3600, count(*), sum(ticket_count) FROM orders GROUP BY 1;
    INSERT INTO dash_hours (hour, paid_orders, paid_fen) SELECT paid_at / 3600, count(*), sum(total_fen) FROM orders
      WHERE paid_at IS NOT NULL GROUP BY 1
      ON CONFLICT DO UPDATE SET paid_orders = excluded.paid_orders, paid_fen = excluded.paid_fen;
    INSERT INTO dash_hours (hour, refunds, refunded_fen, fees_fen) SELECT decided_at / 3600, count(*), sum(amount_fen), sum(fee_fen)
      FROM refunds WHERE \(counted("refunds")) GROUP BY 1
      ON CONFLICT DO UPDATE SET refunds = excluded.refunds, refunded_fen = excluded.refunded_fen, fees_fen = excluded.fees_fen;
    DELETE FROM dash_callbacks;
    INSERT INTO dash_callbacks SELECT updated_at / 3600, sum(state = 'sent'), sum(attempts - (state IN ('sent', 'failed'))),
      sum(state = 'failed') FROM outbox WHERE attempts > 0 GROUP BY 1;
    DELETE FROM dash_pending;
    INSERT INTO dash_pending SELECT requested_at / 60, count(*), sum(paid_fen) FROM refunds WHERE status = 'pending' GROUP BY 1;
    INSERT OR REPLACE INTO counters (name, value) VALUES
      ('refunds_pending_fen', (SELECT coalesce(sum(paid_fen), 0) FROM refunds WHERE status = 'pending'));
    DELETE FROM dash_departures;
    INSERT INTO dash_departures SELECT from_date, (departs_at + \(ChinaTime.offset)) / 3600 % 24, sum(seats_total), sum(seats_sold),
      sum(seats_held) FROM schedules GROUP BY 1, 2;
    """

    /// A refund counts as money back once decided and not refused (the settlement's rule).
    static func counted(_ r: String) -> String { "\(r).status IN ('approved', 'done') AND \(r).decided_at IS NOT NULL" }

    /// Adds to one hour's row of `table`, creating it first; `when` guards the pair.
    static func hours(_ key: String, _ set: String, when: String = "1", table: String = "dash_hours") -> String { """
      INSERT INTO \(table) (hour) SELECT \(key) WHERE \(when) ON CONFLICT DO NOTHING;
      UPDATE \(table) SET \(set) WHERE hour = \(key) AND \(when);
    """
    }

    static func refundHours(_ r: String, sign: String) -> String {
        hours("\(r).decided_at / 3600", "refunds = refunds \(sign) 1, refunded_fen = refunded_fen \(sign) \(r).amount_fen, fees_fen = fees_fen \(sign) \(r).fee_fen",
              when: counted(r))
    }

    static func pending(_ r: String, sign: String) -> String { """
      INSERT INTO dash_pending (minute) SELECT \(r).requested_at / 60 WHERE \(r).status = 'pending' ON CONFLICT DO NOTHING;
      UPDATE dash_pending SET refunds = refunds \(sign) 1, paid_fen = paid_fen \(sign) \(r).paid_fen
        WHERE minute = \(r).requested_at / 60 AND \(r).status = 'pending';
      DELETE FROM dash_pending WHERE minute = \(r).requested_at / 60 AND refunds <= 0;
      UPDATE counters SET value = value \(sign) \(r).paid_fen WHERE name = 'refunds_pending_fen' AND \(r).status = 'pending';
    """
    }

    static func departures(_ s: String, sign: String) -> String { """
      INSERT INTO dash_departures (from_date, hour) VALUES (\(s).from_date, (\(s).departs_at + \(ChinaTime.offset)) / 3600 % 24)
        ON CONFLICT DO NOTHING;
      UPDATE dash_departures SET seats_total = seats_total \(sign) \(s).seats_total, seats_sold = seats_sold \(sign) \(s).seats_sold,
        seats_held = seats_held \(sign) \(s).seats_held
        WHERE from_date = \(s).from_date AND hour = (\(s).departs_at + \(ChinaTime.offset)) / 3600 % 24;
    """
    }
}
