// taobao.bus.item.notify: tells Fliggy a line changed so it re-reads the schedules.
//
// Wire fields (param_top_item_change_notify_r_q):
//   from_city   departure city
//   to_city     arrival city
//   from_date   departure day, yyyy-MM-dd (GMT+8)

public struct ItemNotify: TopCallback, Equatable {
    public var fromCity: String
    public var toCity: String
    public var fromDate: String

    public init(fromCity: String, toCity: String, fromDate: String) {
        self.fromCity = fromCity
        self.toCity = toCity
        self.fromDate = fromDate
    }

    public static let method = "taobao.bus.item.notify"
    public static let paramName = "param_top_item_change_notify_r_q"

    public func businessJSON() -> JSON {
        var o = JSONObjectBuilder()
        o.add("from_city", fromCity)
        o.add("to_city", toCity)
        o.add("from_date", fromDate)
        return o.json
    }

    public func validate() throws {
        try require(fromCity, "from_city")
        try require(toCity, "to_city")
        if TopClock.parseDay(fromDate) == nil { throw fail("from_date", "must be yyyy-MM-dd") }
    }
}
