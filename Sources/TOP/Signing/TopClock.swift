// TOP and Qimen timestamps: `yyyy-MM-dd HH:mm:ss` in China time. China has a fixed UTC+8 and
// no daylight saving, so plain arithmetic is exact and avoids DateFormatter (slow, locale-prone,
// and not safe to share across threads on every platform).

import Foundation

public enum TopClock {
    /// China Standard Time, seconds east of UTC.
    public static let offsetSeconds: Int64 = 8 * 3600

    /// `yyyy-MM-dd HH:mm:ss` in GMT+8 (fractions of a second are dropped).
    public static func format(_ date: Date) -> String {
        let c = components(date)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
    }

    /// `yyyy-MM-dd` in GMT+8.
    public static func formatDay(_ date: Date) -> String {
        let c = components(date)
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Parses exactly `yyyy-MM-dd HH:mm:ss` (GMT+8); nil for anything else, including
    /// impossible dates such as 2026-02-30.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 19, b[4] == 0x2d, b[7] == 0x2d, b[10] == 0x20, b[13] == 0x3a, b[16] == 0x3a,
              let y = digits(b, 0, 4), let mo = digits(b, 5, 2), let d = digits(b, 8, 2),
              let h = digits(b, 11, 2), let mi = digits(b, 14, 2), let s = digits(b, 17, 2),
              h < 24, mi < 60, s < 60, let days = daysFromCivil(y, mo, d)
        else { return nil }
        let local = days * 86400 + Int64(h * 3600 + mi * 60 + s)
        return Date(timeIntervalSince1970: TimeInterval(local - offsetSeconds))
    }

    /// Parses exactly `yyyy-MM-dd` as midnight GMT+8.
    public static func parseDay(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2d, b[7] == 0x2d,
              let y = digits(b, 0, 4), let mo = digits(b, 5, 2), let d = digits(b, 8, 2),
              let days = daysFromCivil(y, mo, d)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(days * 86400 - offsetSeconds))
    }

    // MARK: - Civil calendar arithmetic (Howard Hinnant's days_from_civil / civil_from_days)

    struct Components: Equatable {
        var year, month, day, hour, minute, second: Int
    }

    static func components(_ date: Date) -> Components {
        let local = Int64(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = floorDiv(local, 86400)
        let secs = Int(local - days * 86400)
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return Components(year: Int(year), month: Int(month), day: Int(day),
                          hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60)
    }

    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int64? {
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year, month) else { return nil }
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var v = 0
        for i in start..<(start + count) {
            guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            v = v * 10 + Int(b[i] - 0x30)
        }
        return v
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
