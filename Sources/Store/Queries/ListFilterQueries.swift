/// The `/` filter of the Seats, Refunds and Callbacks lists (issue 12: "every list takes / as a filter that narrows
/// as you type"). Each stays index-driven and windowed, never loading a whole table:
/// - Seats: a substring of schedule id, line or city, tested on the one day's rows (`schedules_by_day` bounds them).
/// - Refunds and Callbacks: a prefix of an id, as a range on that id's unique index (refund id, order id, Fliggy's
///   order id; idempotency key, order id). A range is read at most `prefixCap` entries deep, so a one-letter prefix
///   of a million ids answers at once; the count then says "at least" (`capped`).
/// - Due is filtered in the console: its whole short list is in memory.
extension Store {
    public static let prefixCap = 2000

    /// The date is ?1, the pattern ?2.
    static let scheduleMatch = """
         AND (s.schedule_id LIKE ?2 ESCAPE '\\' OR s.line_id LIKE ?2 ESCAPE '\\' OR fc.name LIKE ?2 ESCAPE '\\' OR tc.name LIKE ?2 ESCAPE '\\')
        """

    /// `%text%` with LIKE's own wildcards escaped.
    static func likePattern(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
    }

    /// The half-open range of strings starting with `prefix` (ids are ASCII; U+10FFFF sorts after any of them).
    static func prefixBounds(_ prefix: String) -> [SQLValue] {
        [.text(prefix), .text(prefix + "\u{10FFFF}")]
    }

    /// How many of the day's schedules the filter keeps.
    public func scheduleCount(day dayStart: Int, matching: String) throws -> Int {
        Int(try db.scalarInt("""
            SELECT count(*) FROM schedules s JOIN cities fc ON fc.code = s.from_city_code JOIN cities tc ON tc.code = s.to_city_code
            WHERE s.from_date = ?1\(Store.scheduleMatch)
            """, .text(ChinaTime.date(dayStart)), .text(Store.likePattern(matching))) ?? 0)
    }

    /// Pending refunds whose refund id, order id or Fliggy order id starts with `prefix` (as typed or in capitals),
    /// in queue order; `capped` when a range was cut at `prefixCap`.
    public func pendingRefunds(now: Int, matching prefix: String, limit: Int, offset: Int = 0) throws -> (rows: [PendingRefund], total: Int, capped: Bool) {
        let db = self.db
        let candidates = """
            SELECT id FROM (SELECT id FROM refunds WHERE refund_id >= ?1 AND refund_id < ?2 LIMIT \(Store.prefixCap))
            UNION SELECT r.id FROM (SELECT id FROM orders WHERE agent_order_id >= ?1 AND agent_order_id < ?2 LIMIT \(Store.prefixCap)) o
              JOIN refunds r ON r.order_id = o.id
            UNION SELECT r.id FROM (SELECT id FROM orders WHERE main_biz_order_id >= ?1 AND main_biz_order_id < ?2 LIMIT \(Store.prefixCap)) o
              JOIN refunds r ON r.order_id = o.id
            """
        return try db.read {
            var rows: [PendingRefund] = [], total = 0, capped = false
            var skip = offset
            for p in Store.spellings(prefix) {
                let bounds = Store.prefixBounds(p)
                if try rangeIsCapped(p) { capped = true }
                let n = Int(try db.scalarInt("SELECT count(*) FROM refunds WHERE status = 'pending' AND id IN (\(candidates))", bounds[0], bounds[1]) ?? 0)
                total += n
                guard rows.count < limit, skip < n else { skip = max(0, skip - n); continue }
                let s = try db.prepare("""
                    SELECT \(Store.refundColumns), \(Store.queueColumns)
                    FROM (SELECT departs_at, id FROM refunds WHERE status = 'pending' AND id IN (\(candidates))
                          ORDER BY departs_at, id LIMIT ?3 OFFSET ?4) w
                    JOIN refund_queue r ON r.departs_at = w.departs_at AND r.id = w.id
                    ORDER BY r.departs_at, r.id
                    """)
                try s.bind(bounds + [.of(limit - rows.count), .of(skip)])
                rows += try s.all { Store.pendingRefund($0, now: now) }
                skip = 0
            }
            return (rows, total, capped)
        }
    }

    /// The prefix as typed, and in capitals when that differs (ids are BO…, RF…; operators type bo…).
    static func spellings(_ prefix: String) -> [String] {
        let upper = prefix.uppercased()
        return upper == prefix ? [prefix] : [prefix, upper].filter { !$0.isEmpty }
    }

    /// Whether the orders' id range for `prefix` holds more than the cap (a count is then "at least").
    func rangeIsCapped(_ prefix: String) throws -> Bool {
        let b = Store.prefixBounds(prefix)
        return (try db.scalarInt("""
            SELECT count(*) FROM (SELECT 1 FROM orders WHERE agent_order_id >= ?1 AND agent_order_id < ?2 LIMIT \(Store.prefixCap + 1))
            """, b[0], b[1]) ?? 0) > Int64(Store.prefixCap)
    }
}
