import Foundation

/// Asia/Shanghai wall-clock time. China has had no DST since 1991, so a fixed +8 offset is exact
/// and avoids TimeZone/DateFormatter cost on hot paths.
public enum ChinaTime {
    public static let offset = 8 * 3600
    public static let zoneLabel = "GMT+8"

    struct Parts { var year, month, day, hour, minute, second: Int }

    static func parts(_ epoch: Int) -> Parts {
        let local = epoch + offset
        var days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        let secs = local - days * 86400
        // Civil-from-days (Howard Hinnant's algorithm).
        days += 719468
        let era = (days >= 0 ? days : days - 146096) / 146097
        let doe = days - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Parts(year: y, month: m, day: d, hour: secs / 3600, minute: secs % 3600 / 60, second: secs % 60)
    }

    /// Epoch seconds for a GMT+8 wall-clock time.
    public static func epoch(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        return days * 86400 + hour * 3600 + minute * 60 + second - offset
    }

    static func pad(_ n: Int, _ w: Int = 2) -> String { Digits.pad(n, w) }

    /// yyyy-MM-dd
    public static func date(_ epoch: Int) -> String {
        let p = parts(epoch)
        return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day))"
    }

    /// yyyy-MM-dd HH:mm
    public static func minute(_ epoch: Int) -> String {
        let p = parts(epoch)
        return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute))"
    }

    /// MM-dd HH:mm (compact, for lists)
    public static func short(_ epoch: Int) -> String {
        let p = parts(epoch)
        return "\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute))"
    }

    /// yyyy-MM-dd HH:mm:ss
    public static func second(_ epoch: Int) -> String {
        let p = parts(epoch)
        return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))"
    }

    /// HH:mm:ss
    public static func clock(_ epoch: Int) -> String {
        let p = parts(epoch)
        return "\(pad(p.hour)):\(pad(p.minute)):\(pad(p.second))"
    }

    /// Parses yyyy-MM-dd into the epoch of its GMT+8 midnight.
    public static func parseDate(_ text: String) -> Int? {
        let f = text.split(separator: "-")
        guard f.count == 3, f[0].count == 4, f[1].count == 2, f[2].count == 2,
              let y = Int(f[0]), let m = Int(f[1]), let d = Int(f[2]),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        let e = epoch(year: y, month: m, day: d)
        return date(e) == text ? e : nil
    }

    /// Parses yyyy-MM-dd HH:mm or yyyy-MM-dd HH:mm:ss.
    public static func parseDateTime(_ text: String) -> Int? {
        let halves = text.split(separator: " ")
        guard halves.count == 2, let day = parseDate(String(halves[0])) else { return nil }
        let fields = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        // Exactly two digits a field: "10:00:0x" or "1:5" are not times.
        guard fields.count == 2 || fields.count == 3,
              fields.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let t = fields.map { Int($0)! }
        guard (0..<24).contains(t[0]), (0..<60).contains(t[1]), t.count == 2 || (0..<60).contains(t[2]) else { return nil }
        return day + t[0] * 3600 + t[1] * 60 + (t.count == 3 ? t[2] : 0)
    }

    /// Midnight (GMT+8) of the day containing `epoch`.
    public static func startOfDay(_ epoch: Int) -> Int {
        let p = parts(epoch)
        return self.epoch(year: p.year, month: p.month, day: p.day)
    }

    public static func now() -> Int { Int(Date().timeIntervalSince1970) }
}
