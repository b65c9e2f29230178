import Store

/// What the console says about its store's file and last integrity check (docs/STORE-SAFETY.md): the status
/// line's alert, and the `:status` message.
enum StoreStatusText {
    /// Shown instead of "● live" when the store must not be trusted.
    static func alert(_ live: LiveInfo) -> String? {
        if live.storeGone != nil { return "✖ store gone" }
        if live.damage != nil { return "✖ store damaged" }
        return nil
    }

    static func message(_ live: LiveInfo) -> StatusMessage {
        if let gone = live.storeGone { return StatusMessage(kind: .error, text: gone) }
        if let damage = live.damage { return StatusMessage(kind: .error, text: damage) }
        guard let check = live.lastCheck else {
            return StatusMessage(kind: .info, text: "store file in place; no integrity check recorded yet (serve and dispatch run one at start and daily)")
        }
        return StatusMessage(kind: check.ok ? .info : .error,
                             text: "store file in place; last quick_check \(ChinaTime.second(check.at)): \(check.detail)")
    }
}
