import Foundation
import HTTP
import StandardStreams
import Store

/// One line per request on stderr for `busops serve`:
/// `2026-11-21 10:00:00 127.0.0.1 POST /qimen 200 1.25ms method=qimen...seat.query retCode=0`.
/// Never the query string (it carries the signature) and never a body (personal data).
final class QimenAccessLog: @unchecked Sendable {
    private let lock = NSLock()
    private var byCode: [String: Int] = [:]
    private struct MinuteKey: Hashable { var minute: Int; var interface: String }
    private var traffic: [MinuteKey: (requests: Int, errors: Int)] = [:]

    /// The requests counted since the last call, for `Store.addQimenTraffic` (serve's main loop, once a second).
    func takeTraffic() -> [QimenMinuteCount] {
        lock.lock()
        defer { traffic = [:]; lock.unlock() }
        return traffic.map { QimenMinuteCount(minute: $0.key.minute, interface: $0.key.interface, requests: $0.value.requests, errors: $0.value.errors) }
    }

    func record(_ r: AccessRecord) {
        // The router's tag is "method retCode [test]"; refusals before routing have none.
        let tag = (r.tag ?? "").split(separator: " ").map(String.init)
        var line = "\(ChinaTime.second(Int(Date().timeIntervalSince1970))) \(Self.safe(r.remoteAddress)) \(Self.safe(r.method)) "
            + "\(Self.safe(r.path)) \(r.status) \((r.durationMs * 100).rounded() / 100)ms"
        if tag.count >= 2 { line += " method=\(tag[0]) retCode=\(tag[1])" }
        if tag.count >= 3 { line += " env=\(tag[2])" }
        line += "\n"
        lock.lock()
        byCode[tag.count >= 2 ? tag[1] : "http-\(r.status)", default: 0] += 1
        // The dashboard's per-minute traffic (issue 13): an error is any retCode but 0, or no answer from the router.
        let key = MinuteKey(minute: Int(Date().timeIntervalSince1970) / 60, interface: tag.first.map(Self.safe) ?? "-")
        traffic[key, default: (0, 0)].requests += 1
        if !(tag.count >= 2 && tag[1] == "0") { traffic[key, default: (0, 0)].errors += 1 }
        lock.unlock()
        // One write(2) per line, so lines from different workers never interleave; a full log
        // volume loses the line (counted, reported on the next one) but never the request.
        StandardStream.error.write(line)
    }

    /// `retCode=count` pairs for the shutdown summary.
    var summary: String {
        lock.lock()
        defer { lock.unlock() }
        let total = byCode.values.reduce(0, +)
        let parts = byCode.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(total) requests" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }

    /// Caller-chosen text reaches a terminal: printable ASCII only, bounded.
    static func safe(_ text: String) -> String {
        let kept = text.unicodeScalars.prefix(120).map { $0.isASCII && $0.value > 0x20 && $0.value < 0x7f ? Character($0) : "?" }
        return kept.isEmpty ? "-" : String(kept)
    }
}
