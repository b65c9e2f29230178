import Glibc

/// The process's descriptor limit (RLIMIT_NOFILE). Every connection is a descriptor, so the
/// soft limit (often 1,024) caps how many connections the server can hold no matter what
/// `maxConnections` says; `busops serve` raises it to the hard limit at start
/// (docs/HARDENING.md), and the server keeps a reserve below it for SQLite and the logs.
public enum FileLimit {
    /// The soft limit now in force.
    public static var current: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        // RLIM_INFINITY is all ones; anything past Int32.max is as good as unlimited here.
        return Int(min(limit.rlim_cur, rlim_t(Int32.max)))
    }

    /// Raises the soft limit to the hard limit; returns the soft limit in force afterwards.
    @discardableResult
    public static func raiseToHard() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return current }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return current
    }
}
