/// When the console takes in other processes' commits (issue 12, "Many consoles, one store"): at most once every
/// `coalesceSeconds`. Ten consoles on a store that a writer commits to 40 times a second reload 10 times a second
/// each, not 40; a commit seen inside the window is taken in when the window ends, so nothing on screen is older than
/// one window plus one reload (a new order is on screen within ~100 ms, the target being 150 ms; BENCHMARKS.md).
///
/// Pure (times are passed in) so the rule is tested without a clock; `ConsoleApp` feeds it the wall clock.
struct RefreshPacer {
    static let coalesceSeconds = 0.1
    let window: Double
    /// When the last outside change was taken in.
    private(set) var lastRefresh = -Double.infinity
    /// A change was seen inside the window and is not on screen yet.
    private(set) var pending = false

    init(window: Double = RefreshPacer.coalesceSeconds) { self.window = window }

    /// A poll saw a data version other than the one on screen at `now`: true when it is to be taken in now (and the
    /// window starts again), false when it waits for the window's end.
    mutating func changeSeen(at now: Double) -> Bool {
        if now < lastRefresh + window {
            pending = true
            return false
        }
        pending = false
        lastRefresh = now
        return true
    }

    /// How long from `now` the loop may sleep without looking at the store: the rest of the window (a change that
    /// comes meanwhile waits for its end anyway), or nil when the window is over. Keys are still read at once.
    func hold(at now: Double) -> Double? {
        now < lastRefresh + window ? lastRefresh + window - now : nil
    }
}
