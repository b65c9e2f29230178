// TOP and Qimen timestamps: `yyyy-MM-dd HH:mm:ss` in China time. The calendar arithmetic lives once, in
// Store's ChinaTime (fixed UTC+8, no daylight saving); this is the Date-based face the wire code uses.

import Foundation
import Store

public enum TopClock {
    /// China Standard Time, seconds east of UTC.
    public static let offsetSeconds: Int64 = Int64(ChinaTime.offset)

    /// `yyyy-MM-dd HH:mm:ss` in GMT+8 (fractions of a second are dropped).
    public static func format(_ date: Date) -> String {
        ChinaTime.second(Int(date.timeIntervalSince1970.rounded(.down)))
    }

    /// `yyyy-MM-dd` in GMT+8.
    public static func formatDay(_ date: Date) -> String {
        ChinaTime.date(Int(date.timeIntervalSince1970.rounded(.down)))
    }

    /// Parses exactly `yyyy-MM-dd HH:mm:ss` (GMT+8); nil for anything else, including
    /// impossible dates such as 2026-02-30.
    public static func parse(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 19, b[10] == 0x20, b[13] == 0x3a, b[16] == 0x3a,
              let e = ChinaTime.parseDateTime(text) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(e))
    }

    /// Parses exactly `yyyy-MM-dd` as midnight GMT+8.
    public static func parseDay(_ text: String) -> Date? {
        ChinaTime.parseDate(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }
}
