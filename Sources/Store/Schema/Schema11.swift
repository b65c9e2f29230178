/// Migration 11: the callbacks' time to acknowledge per hour (issue 13: "success rate and p95 time to acknowledge"),
/// kept by a trigger in the transaction that records the answer, like Schema7's `dash_callbacks` beside it, so the
/// Dashboard never scans the outbox (docs/ARCHITECTURE.md "Rules the code keeps").
///
/// - `dash_acks`: per hour of the attempt recorded `sent` (`updated_at / 3600`, as `dash_callbacks.sent`) and latency
///   bucket (`AckLatency`: created_at → sent), how many callbacks were acknowledged. p95 is read from the buckets.
///   A recount dates each sent row at its last record, as Schema7's does.
enum Schema11 {
    static let sql = """
    CREATE TABLE dash_acks (hour INTEGER NOT NULL, bucket INTEGER NOT NULL, sent INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (hour, bucket)) WITHOUT ROWID;
    \(recount)
    CREATE TRIGGER dash_acks_sent AFTER UPDATE OF attempts ON outbox WHEN NEW.attempts > OLD.attempts AND NEW.state = 'sent' BEGIN
      INSERT INTO dash_acks (hour, bucket, sent) VALUES (NEW.updated_at / 3600, \(AckLatency.bucketSQL("NEW.updated_at - NEW.created_at")), 1)
        ON CONFLICT DO UPDATE SET sent = sent + 1;
    END;
    """

    /// Sets `dash_acks` from the outbox (the migration, and the demo's bulk load).
    static let recount = """
    DELETE FROM dash_acks;
    INSERT INTO dash_acks (hour, bucket, sent) SELECT updated_at / 3600, \(AckLatency.bucketSQL("updated_at - created_at")), count(*)
      FROM outbox WHERE attempts > 0 AND state = 'sent' GROUP BY 1, 2;
    """
}
