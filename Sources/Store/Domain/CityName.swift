/// City names as Fliggy writes them: full (上海市, 香港特别行政区) or short (上海, 香港). docs/PROTOCOL.md "Shared rules"
/// accepts either and answers the full name.
public enum CityName {
    /// Suffixes of official prefecture-level names, longest first so 特别行政区 is not read as 区.
    /// (A bare 州 is part of the short name: 杭州, 苏州.)
    static let suffixes = ["特别行政区", "自治州", "地区", "市", "盟"]

    /// The short form: the official suffix taken off, when at least two characters are left.
    public static func short(_ name: String) -> String {
        for suffix in suffixes where name.hasSuffix(suffix) && name.count >= suffix.count + 2 {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
