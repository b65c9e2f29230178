/// The one key table: it dispatches keys and it generates the help overlay, so the two never disagree.
enum KeyTable {
    static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.char("q"), .ctrl("c")], action: .quit, context: .global, help: "quit", hint: "quit"),
        KeyBinding(keys: [.tab], action: .nextTab, context: .global, help: "next view", hint: "views"),
        KeyBinding(keys: [.backTab], action: .previousTab, context: .global, help: "previous view"),
        KeyBinding(keys: [.char("1")], action: .showTab(.orders), context: .global, help: "Orders"),
        KeyBinding(keys: [.char("2")], action: .showTab(.seats), context: .global, help: "Seats"),
        KeyBinding(keys: [.char("3")], action: .showTab(.refunds), context: .global, help: "Refunds"),
        KeyBinding(keys: [.char("4")], action: .showTab(.callbacks), context: .global, help: "Callbacks"),
        KeyBinding(keys: [.char("5")], action: .showTab(.due), context: .global, help: "Due work, soonest first"),
        KeyBinding(keys: [.char("6")], action: .showTab(.dashboard), context: .global, help: "Dashboard (the day at a glance)"),
        KeyBinding(keys: [.char(":")], action: .commandMode, context: .global, help: "command, Tab completes: " + PromptCommands.list, hint: "command"),
        KeyBinding(keys: [.char("?"), .f1], action: .help, context: .global, help: "this help", hint: "help"),
        KeyBinding(keys: [.escape], action: .back, context: .global, help: "back / close", hint: "back"),
        KeyBinding(keys: [.char("P")], action: .run("sending"), context: .global, help: "pause / resume sending callbacks"),
        KeyBinding(keys: [.char("!")], action: .showMessage, context: .global, help: "the last message in full (a status line cut short ends in \"! full\")"),

        KeyBinding(keys: [.down, .char("j")], action: .down, context: .list, help: "down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .list, help: "up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, context: .list, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .list, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .list, help: "first row"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .list, help: "last row"),
        KeyBinding(keys: [.char("/")], action: .filterMode, context: .list, help: "filter: narrows as you type, with a count (Esc clears)", hint: "filter"),

        KeyBinding(keys: [.enter], action: .open, context: .orders, help: "open order detail", hint: "detail"),
        KeyBinding(keys: [.char("/")], action: .searchMode, context: .orders, help: "search: order id, Fliggy id, phone, name, certificate", hint: "search"),
        KeyBinding(keys: [.char("n")], action: .searchNext, context: .orders, help: "next match", hint: "next"),
        KeyBinding(keys: [.char("N")], action: .searchPrevious, context: .orders, help: "previous match"),
        KeyBinding(keys: [.char("a")], action: .filter(.all), context: .orders, help: "show all orders", hint: "all"),
        KeyBinding(keys: [.char("p")], action: .filter(.awaitingPayment), context: .orders, help: "only 等待付款 (1)"),
        KeyBinding(keys: [.char("w")], action: .filter(.awaitingTicket), context: .orders, help: "only 等待出票 (2)", hint: "待出票"),
        KeyBinding(keys: [.char("i")], action: .filter(.issued), context: .orders, help: "only 出票成功 (3)"),
        KeyBinding(keys: [.char("r")], action: .filter(.refunding), context: .orders, help: "only 退票中 (9)"),
        KeyBinding(keys: [.char("d")], action: .filter(.refunded), context: .orders, help: "only 退票成功 (11)"),
        KeyBinding(keys: [.char("c")], action: .filter(.closedOrCancelled), context: .orders, help: "only closed / cancelled (4, 5)"),
        KeyBinding(keys: [.char("s")], action: .cycleSort, context: .orders, help: "sort: created / departure / amount", hint: "sort"),
        KeyBinding(keys: [.char("S")], action: .reverseSort, context: .orders, help: "sort the other way (departure: soonest first, from now)", hint: "reverse"),
        KeyBinding(keys: [.char("y")], action: .copyId, context: .orders, help: "copy order id (OSC 52)"),

        KeyBinding(keys: [.down, .char("j")], action: .down, context: .detail, help: "scroll down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .detail, help: "scroll up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, context: .detail, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .detail, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .detail, help: "top"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .detail, help: "bottom"),
        KeyBinding(keys: [.char("q")], action: .back, context: .detail, help: "back to the list (Ctrl-C quits)"),
        KeyBinding(keys: [.char("v")], action: .reveal, context: .detail, help: "reveal personal data (audited)", hint: "reveal"),
        KeyBinding(keys: [.char("y")], action: .copyId, context: .detail, help: "copy the ticket number (order id before issue)"),
        KeyBinding(keys: [.char("I")], action: .run("ticket.issue"), context: .detail, help: "issue tickets (ticket no, password, gate)", hint: "issue"),
        KeyBinding(keys: [.char("F")], action: .run("ticket.fail"), context: .detail, help: "issue failed (no ticket)", hint: "fail"),
        KeyBinding(keys: [.char("O")], action: .run("refund.offline"), context: .detail, help: "record an offline refund", hint: "offline refund"),
        KeyBinding(keys: [.char("M")], action: .run("refund.money"), context: .detail, help: "money-only refund", hint: "money refund"),
        KeyBinding(keys: [.char("N")], action: .run("order.note"), context: .detail, help: "add a note (客服备注)", hint: "note"),
        KeyBinding(keys: [.char("A")], action: .run("refund.approve"), context: .detail, help: "approve the refund opened from Due", hint: "approve"),
        KeyBinding(keys: [.char("R")], action: .run("refund.reject"), context: .detail, help: "reject the refund opened from Due", hint: "reject"),
        KeyBinding(keys: [.char("T")], action: .run("callback.retry"), context: .detail, help: "re-fire the callback opened from Due", hint: "retry"),

        KeyBinding(keys: [.char("q")], action: .back, context: .report, help: "back (Ctrl-C quits)"),
        KeyBinding(keys: [.down, .char("j")], action: .down, context: .report, help: "scroll down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .report, help: "scroll up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, context: .report, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .report, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .report, help: "top"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .report, help: "bottom"),

        KeyBinding(keys: [.char("[")], action: .previousDay, context: .seats, help: "previous day", hint: "day"),
        KeyBinding(keys: [.char("]")], action: .nextDay, context: .seats, help: "next day"),
        KeyBinding(keys: [.char("s")], action: .cycleSort, context: .seats, help: "sort: departure / seats left fewest first / most first", hint: "sort"),
        KeyBinding(keys: [.char("S")], action: .run("schedule.stop"), context: .seats, help: "stop schedule (停运) and refund its passengers", hint: "stop"),
        KeyBinding(keys: [.char("C")], action: .run("schedule.change"), context: .seats, help: "change price or departure time (tells Fliggy)", hint: "change"),

        KeyBinding(keys: [.char("A")], action: .run("refund.approve"), context: .refunds, help: "approve refund", hint: "approve"),
        KeyBinding(keys: [.char("R")], action: .run("refund.reject"), context: .refunds, help: "reject refund", hint: "reject"),
        KeyBinding(keys: [.enter], action: .open, context: .refunds, help: "open the order", hint: "order"),
        KeyBinding(keys: [.char(" ")], action: .toggleMark, context: .refunds, help: "mark / unmark for A: one confirmation approves every marked refund (Esc clears)", hint: "mark"),

        KeyBinding(keys: [.enter], action: .open, context: .callbacks, help: "the callback in full: parameters, each attempt's response", hint: "full"),
        KeyBinding(keys: [.char("T")], action: .run("callback.retry"), context: .callbacks, help: "re-fire a failed callback", hint: "retry"),
        KeyBinding(keys: [.char(" ")], action: .toggleMark, context: .callbacks, help: "mark / unmark for T: one confirmation re-fires every marked callback (Esc clears)", hint: "mark"),
        KeyBinding(keys: [.char("f")], action: .cycleCallbackState, context: .callbacks, help: "state: all / failed / retrying / pending / sent", hint: "state"),
        KeyBinding(keys: [.char("m")], action: .cycleCallbackMethod, context: .callbacks, help: "method: all / bookticket / refund / multiple.refund / item.notify", hint: "method"),
        KeyBinding(keys: [.char("o")], action: .openOrder, context: .callbacks, help: "open the callback's order", hint: "order"),

        KeyBinding(keys: [.char("q")], action: .back, context: .callbackDetail, help: "back to the list (Ctrl-C quits)"),
        KeyBinding(keys: [.down, .char("j")], action: .down, context: .callbackDetail, help: "scroll down"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .callbackDetail, help: "scroll up"),
        KeyBinding(keys: [.pageDown, .ctrl("f")], action: .pageDown, context: .callbackDetail, help: "page down"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .callbackDetail, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .callbackDetail, help: "top"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .callbackDetail, help: "bottom"),
        KeyBinding(keys: [.char("T")], action: .run("callback.retry"), context: .callbackDetail, help: "re-fire this callback", hint: "retry"),
        KeyBinding(keys: [.char("o"), .enter], action: .openOrder, context: .callbackDetail, help: "open its order (item.notify has none)", hint: "order"),

        KeyBinding(keys: [.enter], action: .open, context: .due, help: "open it (its keys work there: I, A/R, T, O/M)", hint: "open"),
        KeyBinding(keys: [.char("I")], action: .run("ticket.issue"), context: .due, help: "issue tickets: this order, or the most urgent awaiting them", hint: "issue"),
        KeyBinding(keys: [.char("F")], action: .run("ticket.fail"), context: .due, help: "issue failed: this order, or the most urgent awaiting tickets"),
        KeyBinding(keys: [.char("A")], action: .run("refund.approve"), context: .due, help: "approve: this refund, or the most urgent pending one", hint: "approve"),
        KeyBinding(keys: [.char("R")], action: .run("refund.reject"), context: .due, help: "reject: this refund, or the most urgent pending one"),
        KeyBinding(keys: [.char("T")], action: .run("callback.retry"), context: .due, help: "re-fire: this callback, or the most urgent dead-lettered one", hint: "retry"),

        // Over a view (issue 12): the help scrolls, so at 80x24 the view's own keys are reachable.
        KeyBinding(keys: [.down, .char("j")], action: .down, context: .helpOverlay, help: "scroll down", hint: "scroll"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .helpOverlay, help: "scroll up"),
        KeyBinding(keys: [.pageDown, .ctrl("f"), .char(" ")], action: .pageDown, context: .helpOverlay, help: "page down", hint: "page"),
        KeyBinding(keys: [.pageUp, .ctrl("b")], action: .pageUp, context: .helpOverlay, help: "page up"),
        KeyBinding(keys: [.char("g"), .home], action: .first, context: .helpOverlay, help: "top", hint: "top"),
        KeyBinding(keys: [.char("G"), .end], action: .last, context: .helpOverlay, help: "bottom", hint: "bottom"),
        KeyBinding(keys: [.escape, .char("?"), .char("q"), .enter, .f1, .ctrl("c")], action: .back, context: .helpOverlay, help: "close the help", hint: "close"),
        KeyBinding(keys: [.down, .char("j")], action: .down, context: .messageOverlay, help: "scroll a long message down", hint: "scroll"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .messageOverlay, help: "scroll up"),
        KeyBinding(keys: [.escape, .char("!"), .char("q"), .enter, .ctrl("c")], action: .back, context: .messageOverlay, help: "close the message", hint: "close"),

        // Dialogs: a confirmation's Cancel is focused first; Ctrl-C cancels a dialog and never quits from one.
        KeyBinding(keys: [.tab, .left, .right, .backTab, .char("h"), .char("l")], action: .toggleFocus, context: .confirm, help: "Cancel / Confirm", hint: "choose"),
        KeyBinding(keys: [.enter], action: .submit, context: .confirm, help: "do the focused button", hint: "do it"),
        KeyBinding(keys: [.char("y"), .char("Y")], action: .confirmNow, context: .confirm, help: "confirm: a key of its own, so Enter alone never confirms", hint: "confirm"),
        KeyBinding(keys: [.escape, .char("q")], action: .back, context: .confirm, help: "back to the form (cancel when there is none); nothing is sent", hint: "back"),
        KeyBinding(keys: [.char("n"), .char("N"), .ctrl("c")], action: .cancel, context: .confirm, help: "cancel; nothing is sent", hint: "cancel"),
        KeyBinding(keys: [.down, .char("j")], action: .down, context: .confirm, help: "scroll a long confirmation down", hint: "scroll"),
        KeyBinding(keys: [.up, .char("k")], action: .up, context: .confirm, help: "scroll up"),
        KeyBinding(keys: [.pageDown, .char(" ")], action: .pageDown, context: .confirm, help: "page down"),
        KeyBinding(keys: [.pageUp], action: .pageUp, context: .confirm, help: "page up"),
        KeyBinding(keys: [.tab, .down], action: .nextField, context: .form, help: "next field", hint: "next field"),
        KeyBinding(keys: [.backTab, .up], action: .previousField, context: .form, help: "previous field"),
        KeyBinding(keys: [.enter], action: .submit, context: .form, help: "preview what will be sent", hint: "preview"),
        KeyBinding(keys: [.escape, .ctrl("c")], action: .cancel, context: .form, help: "cancel; nothing is changed", hint: "cancel"),
        KeyBinding(keys: [.left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrl("u"), .ctrl("k"), .ctrl("w"), .delete], action: .editLine,
                   context: .form, help: "edit like a shell line: ←/→ Home/End Ctrl-A/E move, Ctrl-U/K cut to start/end, Ctrl-W a word", hint: "edit"),
    ]

    /// The contexts active on the screen `state` shows (no overlay), most specific first.
    static func contexts(_ s: AppState) -> [KeyContext] {
        contexts(tab: s.tab, inDetail: s.detail != nil, inReport: s.report != nil, inCallback: s.callbackPage != nil)
    }

    /// The contexts active on a screen, most specific first.
    static func contexts(tab: Tab, inDetail: Bool, inReport: Bool = false, inCallback: Bool = false) -> [KeyContext] {
        if inReport { return [.report, .global] }
        if inDetail { return [.detail, .global] }
        if inCallback { return [.callbackDetail, .global] }
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

    /// Help rows, grouped by section, for the contexts in force: the view's own keys first (issue 12: at 80x24 they
    /// were below the fold), then the lists' and the global ones.
    static func helpRows(for contexts: [KeyContext]) -> [(section: String, keys: String, help: String)] {
        contexts.flatMap { c in
            bindings.filter { $0.context == c }.map { (c.rawValue, $0.keys.map(\.label).joined(separator: " "), $0.help) }
        }
    }
}
