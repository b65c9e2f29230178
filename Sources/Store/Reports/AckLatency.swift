/// Time to acknowledge a callback (issue 13): from the outbox row's `created_at` to the attempt recorded `sent`
/// (`updated_at`), whole seconds, kept per hour as a small histogram (migration 9's `dash_acks`) so the Dashboard reads
/// p95 from at most 24 × 17 rows instead of the outbox.
///
/// Resolution: a percentile is known to its bucket, [lower bound, upper bound) below; the buckets roughly double,
/// so a p95 under a minute is known within a factor of 2 (1–2 s, 2–5 s, …, 30–60 s) and above it within 2–3×. The
/// screen shows the bucket's upper bound ("<20s"), never an interpolated figure the store cannot back.
public enum AckLatency {
    /// Exclusive upper bounds in seconds; the last bucket (index `bounds.count`) is open (a day or more).
    public static let bounds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 43200, 86400]
    public static var buckets: Int { bounds.count + 1 }

    public static func bucket(_ seconds: Int) -> Int { bounds.firstIndex { seconds < $0 } ?? bounds.count }

    /// The same bucket as SQL over an expression in seconds (the trigger and the recount).
    static func bucketSQL(_ seconds: String) -> String {
        "CASE " + bounds.enumerated().map { "WHEN \(seconds) < \($0.element) THEN \($0.offset)" }.joined(separator: " ")
            + " ELSE \(bounds.count) END"
    }

    /// The bucket holding the nearest-rank percentile (the value at rank ⌈p·n/100⌉ in ascending order), nil when the
    /// histogram is empty.
    public static func percentileBucket(_ histogram: [Int], percent: Int = 95) -> Int? {
        let n = histogram.reduce(0, +)
        guard n > 0 else { return nil }
        let rank = (percent * n + 99) / 100
        var seen = 0
        for (i, count) in histogram.enumerated() {
            seen += count
            if seen >= rank { return i }
        }
        return histogram.count - 1
    }

    /// "<20s", "<2m", "<4h", ">=1d": the bucket's upper bound, which it never reaches. ASCII, as the dashboard must
    /// stay under LANG=C (issue 13).
    public static func label(_ bucket: Int) -> String {
        guard bucket < bounds.count else { return ">=1d" }
        let s = bounds[bucket]
        if s < 60 { return "<\(s)s" }
        if s < 3600 { return "<\(s / 60)m" }
        if s < 86400 { return "<\(s / 3600)h" }
        return "<1d"
    }
}
