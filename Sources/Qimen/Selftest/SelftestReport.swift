/// Every line of a self-test run, printed as it comes. An answer checked twice (the second
/// pull of 63236, a repeated create) passes the same checks again: identical lines are
/// printed and counted once.
public final class SelftestReport {
    public private(set) var lines: [SelftestLine] = []
    private var seen = Set<String>()
    private let emit: (SelftestLine) -> Void

    public init(emit: @escaping (SelftestLine) -> Void = { _ in }) {
        self.emit = emit
    }

    public func add(_ new: [SelftestLine]) {
        for line in new where seen.insert(line.text).inserted {
            lines.append(line)
            emit(line)
        }
    }

    public func add(_ line: SelftestLine) { add([line]) }

    public var failures: [SelftestLine] { lines.filter { $0.outcome == .fail } }
    public func count(_ outcome: SelftestLine.Outcome) -> Int { lines.filter { $0.outcome == outcome }.count }

    public var summary: String {
        let failed = count(.fail)
        return "selftest: \(count(.ok)) ok, \(failed) failed, \(count(.skip)) skipped — "
            + (failed == 0 ? "the endpoint answers as docs/PROTOCOL.md (Qimen) publishes" : "see the FAIL lines above")
    }

    /// 0 when every check passed, 1 on any failure (2, usage, is the command's).
    public var exitCode: Int32 { count(.fail) == 0 ? 0 : 1 }
}
