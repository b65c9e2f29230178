import Foundation

/// What a simulation run did: requests by interface and retCode, for the printed summary.
public struct SimulationSummary: Sendable, Equatable {
    /// interface short name → retCode (or `transport-error`) → count
    public var counts: [String: [String: Int]] = [:]
    public var elapsed: TimeInterval = 0

    public init() {}

    public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    public func count(_ interface: QimenInterface, _ code: String) -> Int {
        counts[interface.shortName]?[code] ?? 0
    }

    mutating func add(_ interface: String, _ code: String) {
        counts[interface, default: [:]][code, default: 0] += 1
    }

    mutating func merge(_ other: SimulationSummary) {
        for (interface, codes) in other.counts {
            for (code, n) in codes { counts[interface, default: [:]][code, default: 0] += n }
        }
    }

    /// A table: one line per interface, `retCode=count` sorted, then the totals.
    public var text: String {
        let width = max(16, counts.keys.map(\.count).max() ?? 0)
        var lines = counts.keys.sorted().map { name -> String in
            let codes = counts[name]!.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + codes
        }
        let rate = elapsed > 0 ? Double(total) / elapsed : 0
        lines.append("\(total) requests in \(String(format: "%.1f", elapsed))s (\(String(format: "%.1f", rate)) req/s)")
        return lines.joined(separator: "\n")
    }
}
