/// Collects checks of one kind over every element of an answer and prints them compactly:
/// one `ok` line per pattern (`lineSchedule[].ticketPrice`) when every element passed, else
/// one `FAIL` line per failing element with its concrete path, so a list of 50 schedules
/// does not print 50 × 40 lines and a broken one is still named exactly.
struct CheckTally {
    let code: String
    /// Failures printed per pattern before the rest are counted in one line.
    var failureLimit = 5
    private var patterns: [String] = []
    private var okDetail: [String: String] = [:]
    private var failures: [String: [SelftestLine]] = [:]

    init(code: String) { self.code = code }

    /// The pattern was checked (and passed unless `fail` is called for it too).
    mutating func pass(_ pattern: String, _ detail: String) {
        register(pattern)
        if okDetail[pattern] == nil { okDetail[pattern] = detail }
    }

    mutating func fail(_ pattern: String, subject: String, _ detail: String) {
        register(pattern)
        let line = SelftestLine.fail(code, subject, detail)
        if !(failures[pattern] ?? []).contains(line) { failures[pattern, default: []].append(line) }
    }

    private mutating func register(_ pattern: String) {
        if okDetail[pattern] == nil && failures[pattern] == nil { patterns.append(pattern) }
    }

    var lines: [SelftestLine] {
        patterns.flatMap { pattern -> [SelftestLine] in
            guard let failed = failures[pattern], !failed.isEmpty else {
                return [.ok(code, pattern, okDetail[pattern])]
            }
            if failed.count <= failureLimit { return failed }
            return Array(failed.prefix(failureLimit))
                + [.fail(code, pattern, "\(failed.count - failureLimit) more failures like these")]
        }
    }
}
