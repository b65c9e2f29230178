/// The outbox's method index (migration 8 on this branch; it takes the next number when another branch's migration 8
/// is merged first, so it has a name, not a number): the Callbacks view filters by method (issue 12, "Lists operators asked for"). Its rows are read in
/// the order `outbox_due` already gives within a state (the time of the last attempt, newest first: a dead letter's
/// `next_attempt_at` is when its final attempt was due); this index gives the same order within one method, so a
/// filtered screenful is a range of index entries even among the 420,000 sent rows of the million-order store.
enum SchemaOutboxByMethod {
    static let sql = """
    CREATE INDEX outbox_by_method ON outbox(method, state, next_attempt_at);
    """
}
