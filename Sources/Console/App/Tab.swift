/// The four top-level views, in header order (Tab and 1–4 switch between them).
enum Tab: Int, CaseIterable, Sendable {
    case orders, seats, refunds, callbacks
    var title: String { ["Orders", "Seats", "Refunds", "Callbacks"][rawValue] }
}
