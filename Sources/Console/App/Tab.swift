/// The top-level views, in header order (Tab and 1–6 switch between them): Due (issue 12), then the Dashboard (13).
enum Tab: Int, CaseIterable, Sendable {
    case orders, seats, refunds, callbacks, due, dashboard
    var title: String { ["Orders", "Seats", "Refunds", "Callbacks", "Due", "Dashboard"][rawValue] }
}
