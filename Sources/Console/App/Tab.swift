/// The top-level views, in header order (Tab and 1–5 switch between them).
enum Tab: Int, CaseIterable, Sendable {
    case orders, seats, refunds, callbacks, dashboard
    var title: String { ["Orders", "Seats", "Refunds", "Callbacks", "Dashboard"][rawValue] }
}
