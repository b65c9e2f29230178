import Foundation
import Store

/// The schedule query's answers (63236) a schedule at a time, encoded once: everything but the two fields that move
/// with every sale (`leftTicketCnt`, `saleStatus`) is kept as compact JSON bytes, and an answer is the schedules' rows
/// (one indexed query) spliced with those bytes. On the 1M-order demo store a city pair's day is 1,134 schedules and
/// a 1.6 MB answer; encoding it whole every time took ~170 ms (BENCHMARKS.md "Qimen endpoint").
///
/// An entry is used only while what its bytes were made from is unchanged: the schedule's departure, window, price,
/// service fee, refund mode, back days and line (an operator's schedule change moves one of these), and for at most
/// `maxAge` seconds, which bounds how long an edit busops does not make (stations, tiers) can go unseen.
final class ScheduleAnswerCache: @unchecked Sendable {
    struct Key: Equatable {
        var departsAt: Int, windowEndAt: Int?, fromTimeType: Int, priceFen: Int, serviceFeeFen: Int
        var backDays: Int, isOrderRefund: Bool, lineId: String, fromCity: String, toCity: String

        init(_ h: ScheduleHead) {
            let s = h.seats
            departsAt = s.departsAt; windowEndAt = s.windowEndAt; fromTimeType = s.fromTimeType; priceFen = s.priceFen
            serviceFeeFen = s.serviceFeeFen; backDays = h.backDays; isOrderRefund = h.isOrderRefund; lineId = s.lineId
            fromCity = s.fromCity; toCity = s.toCity
        }
    }

    struct Entry {
        var key: Key
        var madeAt: Int
        /// `{"line":…,"servicePrice":"…"` — the object up to the live fields, without its closing brace.
        var prefix: [UInt8]
        /// `,"maxSellNum":…}` — the rest.
        var suffix: [UInt8]
        /// Codes and names of the stops after the first (the query's station filter).
        var laterStops: Set<String>
    }

    static let maxAge = 60
    static let maxEntries = 50_000
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    func entry(_ h: ScheduleHead, now: Int) -> Entry? {
        lock.withLock {
            guard let e = entries[h.seats.scheduleId], e.key == Key(h), now - e.madeAt < Self.maxAge else { return nil }
            return e
        }
    }

    /// Encodes `fields` (the whole answer object, in order) into an entry around the live fields.
    func store(_ s: ScheduleFull, head: ScheduleHead, fields: [(String, JSON)], now: Int) -> Entry {
        let live: Set<String> = ["leftTicketCnt", "saleStatus"]
        guard let first = fields.firstIndex(where: { live.contains($0.0) }) else { preconditionFailure("the live fields are always in the answer") }
        let before = Array(fields[..<first]), after = Array(fields[first...].filter { !live.contains($0.0) })
        var prefix = JSON.object(before).encoded()
        prefix.removeLast()   // the closing brace
        var suffix = JSON.object(after).encoded()
        suffix[0] = UInt8(ascii: ",")   // the opening brace becomes the separator
        let stops = Set(s.stops.dropFirst().flatMap { [$0.station.code, $0.station.name] })
        let e = Entry(key: Key(head), madeAt: now, prefix: prefix, suffix: suffix, laterStops: stops)
        lock.withLock {
            if entries.count >= Self.maxEntries { entries.removeAll(keepingCapacity: true) }
            entries[head.seats.scheduleId] = e
        }
        return e
    }

    /// One schedule's answer: the cached bytes around its live seat count and sale status.
    static func answer(_ e: Entry, leftTicketCnt: Int, saleStatus: JSON) -> JSON {
        var out = e.prefix
        out.reserveCapacity(e.prefix.count + e.suffix.count + 40)
        out.append(contentsOf: #","leftTicketCnt":"#.utf8)
        out.append(contentsOf: String(leftTicketCnt).utf8)
        out.append(contentsOf: #","saleStatus":"#.utf8)
        out.append(contentsOf: saleStatus.encoded())
        out.append(contentsOf: e.suffix)
        return .encoded(out)
    }
}
