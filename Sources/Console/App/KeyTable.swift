/// The one key table: it dispatches keys and it generates the help overlay, so the two never disagree.
enum KeyTable {
    static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, context: .global, help: "quit"),
        KeyBinding(keys: [.tab], action: .nextTab, context: .global, help: "next view"),
        KeyBinding(keys: [.backTab], action: .previousTab, context: .global, help: "previous view"),
        KeyBinding(keys: [.char("1")], action: .showTab(.orders), context: .global, help: "Orders"),
        KeyBinding(keys: [.char("2")], action: .showTab(.seats), context: .global, help: "Seats"),
        KeyBinding(keys: [.char("3")], action: .showTab(.refunds), context: .global, help: "Refunds"),
        KeyBinding(keys: [.char("4")], action: .showTab(.callbacks), context: .global, help: "Callbacks"),
        KeyBinding(keys: [.char("5")], action: .showTab(.due), context: .global, help: "Due work, soonest first"),
        KeyBinding(keys: [.char("6")], action: .showTab(.dashboard), context: .global, help: "Dashboard (the day at a glance)"),
        KeyBinding(keys: [.char(":")], action: .commandMode, context: .global, help: "command (:orders :seats DATE :refunds :callbacks :due :dash :report DATE :export FILE :q)"),
        KeyBinding(keys: [.char("?"), .f1], action: .help, context: .global, help: "this help"),
        KeyBinding(keys: [.escape], action: .back, context: .global, help: "back / close"),
        KeyBinding(keys: [.char("P")], action: .run("sending"), context: .global, help: "pause / resume sending callbacks"),

        KeyBinding(keys: [.down, .char("j")], action: .down, context: .list, help: "down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .list, help: "up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, context: .list, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .list, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .list, help: "first row"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .list, help: "last row"),

        KeyBinding(keys: [.enter], action: .open, context: .orders, help: "open order detail"),
        KeyBinding(keys: [.char("/")], action: .searchMode, context: .orders, help: "search: order id, Fliggy id, phone, name, certificate"),
        KeyBinding(keys: [.char("n")], action: .searchNext, context: .orders, help: "next match"),
        KeyBinding(keys: [.char("N")], action: .searchPrevious, context: .orders, help: "previous match"),
        KeyBinding(keys: [.char("a")], action: .filter(.all), context: .orders, help: "show all orders"),
        KeyBinding(keys: [.char("p")], action: .filter(.awaitingPayment), context: .orders, help: "only 等待付款 (1)"),
        KeyBinding(keys: [.char("w")], action: .filter(.awaitingTicket), context: .orders, help: "only 等待出票 (2)"),
        KeyBinding(keys: [.char("i")], action: .filter(.issued), context: .orders, help: "only 出票成功 (3)"),
        KeyBinding(keys: [.char("r")], action: .filter(.refunding), context: .orders, help: "only 退票中 (9)"),
        KeyBinding(keys: [.char("d")], action: .filter(.refunded), context: .orders, help: "only 退票成功 (11)"),
        KeyBinding(keys: [.char("c")], action: .filter(.closedOrCancelled), context: .orders, help: "only closed / cancelled (4, 5)"),
        KeyBinding(keys: [.char("s")], action: .cycleSort, context: .orders, help: "sort: created / departure / amount"),
        KeyBinding(keys: [.char("y")], action: .copyId, context: .orders, help: "copy order id (OSC 52)"),

        KeyBinding(keys: [.down, .char("j")], action: .down, context: .detail, help: "scroll down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .detail, help: "scroll up"),
        KeyBinding(keys: [.char("v")], action: .reveal, context: .detail, help: "reveal personal data (audited)"),
        KeyBinding(keys: [.char("y")], action: .copyId, context: .detail, help: "copy the ticket number (order id before issue)"),
        KeyBinding(keys: [.char("I")], action: .run("ticket.issue"), context: .detail, help: "issue tickets (ticket no, password, gate)"),
        KeyBinding(keys: [.char("F")], action: .run("ticket.fail"), context: .detail, help: "issue failed (no ticket)"),
        KeyBinding(keys: [.char("O")], action: .run("refund.offline"), context: .detail, help: "record an offline refund"),
        KeyBinding(keys: [.char("M")], action: .run("refund.money"), context: .detail, help: "money-only refund"),
        KeyBinding(keys: [.char("N")], action: .run("order.note"), context: .detail, help: "add a note (客服备注)"),
        KeyBinding(keys: [.char("A")], action: .run("refund.approve"), context: .detail, help: "approve the refund opened from Due"),
        KeyBinding(keys: [.char("R")], action: .run("refund.reject"), context: .detail, help: "reject the refund opened from Due"),
        KeyBinding(keys: [.char("T")], action: .run("callback.retry"), context: .detail, help: "re-fire the callback opened from Due"),

        KeyBinding(keys: [.down, .char("j")], action: .down, context: .report, help: "scroll down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .report, help: "scroll up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, context: .report, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .report, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .report, help: "top"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .report, help: "bottom"),

        KeyBinding(keys: [.char("[")], action: .previousDay, context: .seats, help: "previous day"),
        KeyBinding(keys: [.char("]")], action: .nextDay, context: .seats, help: "next day"),
        KeyBinding(keys: [.char("S")], action: .run("schedule.stop"), context: .seats, help: "stop schedule (停运) and refund its passengers"),
        KeyBinding(keys: [.char("C")], action: .run("schedule.change"), context: .seats, help: "change price or departure time (tells Fliggy)"),

        KeyBinding(keys: [.char("A")], action: .run("refund.approve"), context: .refunds, help: "approve refund"),
        KeyBinding(keys: [.char("R")], action: .run("refund.reject"), context: .refunds, help: "reject refund"),
        KeyBinding(keys: [.enter], action: .open, context: .refunds, help: "open the order"),

        KeyBinding(keys: [.char("T")], action: .run("callback.retry"), context: .callbacks, help: "re-fire a failed callback"),
        KeyBinding(keys: [.enter], action: .open, context: .callbacks, help: "open the order"),

        KeyBinding(keys: [.enter], action: .open, context: .due, help: "open it (its keys work there: I, A/R, T, O/M)"),
    ]

    /// The contexts active on a screen, most specific first.
    static func contexts(tab: Tab, inDetail: Bool, inReport: Bool = false) -> [KeyContext] {
        if inReport { return [.report, .global] }
        if inDetail { return [.detail, .global] }
        switch tab {
        case .orders: return [.orders, .list, .global]
        case .seats: return [.seats, .list, .global]
        case .refunds: return [.refunds, .list, .global]
        case .callbacks: return [.callbacks, .list, .global]
        case .due: return [.due, .list, .global]
        case .dashboard: return [.global]
        }
    }

    static func binding(for key: KeyPress, in contexts: [KeyContext]) -> KeyBinding? {
        for c in contexts {
            if let b = bindings.first(where: { $0.context == c && $0.keys.contains(key) }) { return b }
        }
        return nil
    }

    /// Help rows, grouped by section, for the contexts in force.
    static func helpRows(for contexts: [KeyContext]) -> [(section: String, keys: String, help: String)] {
        contexts.reversed().flatMap { c in
            bindings.filter { $0.context == c }.map { (c.rawValue, $0.keys.map(\.label).joined(separator: " "), $0.help) }
        }
    }
}
