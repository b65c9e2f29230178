// Exponential backoff with full jitter (AWS architecture blog): spreads retries of many rows
// so a recovering gateway is not hit by all of them at once.

public enum Backoff {
    public static let baseSeconds = 2.0
    public static let capSeconds = 600.0

    /// Seconds to wait before attempt number `attempt` (1 = the first retry).
    /// `random` is uniform in [0, 1), injected so tests are exact. At least 1 second, so a
    /// row is never re-sent in a tight loop.
    public static func delay(attempt: Int, random: Double, base: Double = baseSeconds, cap: Double = capSeconds) -> Int {
        let exponent = Double(max(0, min(attempt - 1, 30)))  // clamp so 2^n cannot overflow
        let ceiling = min(cap, base * Double(1 << Int(exponent)))
        let r = min(max(random, 0), 1)
        return max(1, Int((r * ceiling).rounded(.down)))
    }
}
