/// The top-level views, in header order (Tab and 1–5 switch between them). Due (issue 12) is last.
enum Tab: Int, CaseIterable, Sendable {
    case orders, seats, refunds, callbacks, due
    var title: String { ["Orders", "Seats", "Refunds", "Callbacks", "Due"][rawValue] }
}
