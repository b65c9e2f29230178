import Store

/// Short forms the lists share, so "time left" or "data age" reads the same everywhere.
public enum Formatting {
    /// `2h13m`, `45m`, `3d4h`, `40s`; negative or zero → `0m`.
    public static func duration(_ seconds: Int) -> String {
        guard seconds > 0 else { return "0m" }
        let d = seconds / 86400, h = seconds % 86400 / 3600, m = seconds % 3600 / 60
        if d > 0 { return h > 0 ? "\(d)d\(h)h" : "\(d)d" }
        if h > 0 { return "\(h)h\(m)m" }
        if m > 0 { return "\(m)m" }
        return "\(seconds)s"
    }

    /// Data age for the live indicator: `0.1s`, `12s`, `5m`, `2h`.
    public static func age(_ seconds: Double) -> String {
        let s = max(0, seconds)
        if s < 10 { return String(Int((s * 10).rounded(.down)) / 10) + "." + String(Int((s * 10).rounded(.down)) % 10) + "s" }
        if s < 60 { return "\(Int(s))s" }
        if s < 3600 { return "\(Int(s) / 60)m" }
        return "\(Int(s) / 3600)h"
    }

    /// `¥1,234.50`-free plain yuan with two decimals (money is fen inside).
    public static func yuan(_ fen: Int) -> String { Money.yuan(fen) }

    /// `taobao.bus.agent.bookticket.confirm` → `bookticket`; `…multiple.refund.confirm` → `multiple.refund`.
    public static func shortMethod(_ method: String) -> String {
        var m = Substring(method)
        for prefix in ["taobao.bus.agent.", "taobao.bus.", "alitrip.bus."] where m.hasPrefix(prefix) {
            m = m.dropFirst(prefix.count)
            break
        }
        if m.hasSuffix(".confirm") { m = m.dropLast(8) }
        return String(m)
    }

    /// Weekday in Chinese for a GMT+8 epoch (`周日`…`周六`).
    public static func weekday(_ epoch: Int) -> String {
        let days = Int((Double(epoch + ChinaTime.offset) / 86400).rounded(.down))
        // 1970-01-01 was a Thursday.
        let names = ["周四", "周五", "周六", "周日", "周一", "周二", "周三"]
        return names[((days % 7) + 7) % 7]
    }
}
