/// The fee a refund costs under a schedule's rule tiers (per-schedule data, not constants: SPEC §3).
public enum RefundPolicy {
    /// The seed's example tiers: < 3 h no refund; 3–6 h 25 %; 6–24 h 10 %; 24–48 h 5 %; ≥ 48 h free.
    public static let seedExample: [RefundRule] = [
        RefundRule(hoursFrom: 0, hoursTo: 3, feePercent: nil),
        RefundRule(hoursFrom: 3, hoursTo: 6, feePercent: 25),
        RefundRule(hoursFrom: 6, hoursTo: 24, feePercent: 10),
        RefundRule(hoursFrom: 24, hoursTo: 48, feePercent: 5),
        RefundRule(hoursFrom: 48, hoursTo: nil, feePercent: 0),
    ]

    public struct Quote: Equatable, Sendable {
        /// nil: refunds are not allowed now (inside the no-refund tier or after departure).
        public var feePercent: Int?
        public var feeFen: Int?
        /// Seconds until the tier changes (to a dearer one as departure nears); nil if it never does.
        public var secondsToNextTier: Int?
    }

    /// Fee for `paidFen` at time `now` for a departure at `departsAt`. The fee rounds half up to the fen.
    public static func quote(paidFen: Int, rules: [RefundRule], departsAt: Int, now: Int) -> Quote {
        let secondsBefore = departsAt - now
        guard secondsBefore > 0 else { return Quote(feePercent: nil, feeFen: nil, secondsToNextTier: nil) }
        for rule in rules {
            let from = rule.hoursFrom * 3600
            let to = rule.hoursTo.map { $0 * 3600 }
            if secondsBefore >= from && (to == nil || secondsBefore < to!) {
                let next = rule.hoursFrom > 0 ? secondsBefore - from : nil
                guard let pct = rule.feePercent else {
                    return Quote(feePercent: nil, feeFen: nil, secondsToNextTier: next)
                }
                return Quote(feePercent: pct, feeFen: (paidFen * pct + 50) / 100, secondsToNextTier: next)
            }
        }
        // No tier covers this time: treat as not refundable rather than guess.
        return Quote(feePercent: nil, feeFen: nil, secondsToNextTier: nil)
    }
}
