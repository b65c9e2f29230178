/// Migration 12: the outbox's pending (with sending) and failed counts, kept by triggers in `counters` like Schema3's
/// totals. The status line shows both after every outside commit; counting them from the `outbox_due` index read
/// ~52,000 entries (about 2 ms of CPU, most of a console's reload) on the 1M-order store each time (issue 12,
/// "Many consoles, one store"; BENCHMARKS.md).
///
/// A row counts as `outbox_pending` in state pending or sending (not yet delivered), as `outbox_failed` in state
/// failed, and in neither once sent. A state change within one class (pending → sending) touches no counter.
///
/// Two partial indexes for the due work's callbacks (every console reads them at each minute turn): the newest dead
/// letters (`outbox_dead`) and the retries by next attempt (`outbox_retrying`). Through `outbox_due` the first joined
/// and sorted every failed row (~25,000 at 1M orders) and the second looked up every pending row's attempts: ~300 ms
/// of CPU per console per minute.
enum Schema12 {
    /// The counter a state counts in, or NULL (sent): `UPDATE … WHERE name = NULL` then changes nothing.
    static func counter(_ state: String) -> String {
        "(CASE WHEN \(state) IN ('pending', 'sending') THEN 'outbox_pending' WHEN \(state) = 'failed' THEN 'outbox_failed' END)"
    }

    static let sql = """
    \(recount)
    CREATE INDEX outbox_dead ON outbox(id) WHERE state = 'failed';
    CREATE INDEX outbox_retrying ON outbox(next_attempt_at) WHERE state = 'pending' AND attempts > 0;
    CREATE TRIGGER outbox_state_count_insert AFTER INSERT ON outbox WHEN NEW.state != 'sent' BEGIN
      UPDATE counters SET value = value + 1 WHERE name = \(counter("NEW.state"));
    END;
    CREATE TRIGGER outbox_state_count_update AFTER UPDATE OF state ON outbox
      WHEN \(counter("OLD.state")) IS NOT \(counter("NEW.state")) BEGIN
      UPDATE counters SET value = value - 1 WHERE name = \(counter("OLD.state"));
      UPDATE counters SET value = value + 1 WHERE name = \(counter("NEW.state"));
    END;
    CREATE TRIGGER outbox_state_count_delete AFTER DELETE ON outbox WHEN OLD.state != 'sent' BEGIN
      UPDATE counters SET value = value - 1 WHERE name = \(counter("OLD.state"));
    END;
    """

    /// Sets the two counters from the outbox (the migration, and a bulk load that ran without the insert trigger).
    static let recount = """
    INSERT OR REPLACE INTO counters (name, value) VALUES
      ('outbox_pending', (SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending'))),
      ('outbox_failed', (SELECT count(*) FROM outbox WHERE state = 'failed'));
    """
}
