import Store

/// Columns several lists show, defined once so the same data has the same title and width everywhere.
extension TableColumn {
    /// A merchant order id (BO + 10 digits).
    public static func orderId(priority: Int) -> TableColumn { TableColumn("订单号", width: 12, priority: priority) }

    /// A GMT+8 departure, `MM-dd HH:mm`.
    public static func departure(priority: Int) -> TableColumn {
        TableColumn("发车 (\(ChinaTime.zoneLabel))", width: 12, priority: priority)
    }

    /// The line, `杭州→上海`.
    public static func route(width: Int = 11, flex: Int = 1, priority: Int) -> TableColumn {
        TableColumn("线路", width: width, flex: flex, priority: priority)
    }
}
