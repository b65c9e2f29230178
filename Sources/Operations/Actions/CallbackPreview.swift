import Store
import TOP

extension ActionPreview {
    /// The preview of an action on order `d` that sends one TOP callback: the order's line, then `lines`, then, with
    /// `saying`, the line "sends <the callback's method> <saying>", so the line names the method that is really sent;
    /// what will be sent is that callback's business JSON. Bound to `version`: the order's row version unless the
    /// action acts on another row (a refund's). The order's personal values, or `personal` when the lines carry more,
    /// are masked in the console until revealed.
    init(title: String, order d: OrderDetail, lines: [String], version: Int? = nil, sending callback: some TopCallback,
         saying: String? = nil, personal: PersonalValues? = nil) {
        let sends = saying.map { ["sends \(callback.method) \($0)"] } ?? []
        self.init(title: title, lines: [CallbackFactory.orderLine(d)] + lines + sends, version: version ?? d.version,
                  method: callback.method, params: [callback.businessJSON().compactText], personal: personal ?? PersonalValues.of(d))
    }
}
