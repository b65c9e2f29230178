import Store
import Views

/// The `/` filter of Seats, Refunds, Callbacks and Due (issue 12, "Keys in sight"): each key typed narrows the list
/// at once and the prompt counts the matches; Enter keeps the filter (the hint line still shows it, Esc in the view
/// clears it), Esc or Ctrl-C while typing clears it. What the store matches is said in `Store`'s ListFilterQueries:
/// a substring over the day's schedules, an id prefix on an index for refunds and callbacks; Due, a short list held
/// whole, is matched here on every column it shows.
enum ListFilterUpdate {
    static func key(_ state: inout AppState, _ text: String, _ key: KeyPress) -> [Effect] {
        var text = text
        switch key {
        case .escape, .ctrl("c"):
            state.prompt = nil
            return set(&state, "", now: nil)
        case .enter:
            state.prompt = nil
            return []
        case .backspace:
            if text.isEmpty { state.prompt = nil; return [] }
            text.removeLast()
        case .ctrl("u"):
            text = ""
        case .char(let c):
            guard text.count < 64 else { return [] }
            text.append(c)
        default:
            return []
        }
        state.prompt = .filter(text)
        return set(&state, text, now: nil)
    }

    /// Sets the current list's filter (empty clears it) and reloads that list from its top.
    static func set(_ state: inout AppState, _ text: String, now: Int?) -> [Effect] {
        let q = text.trimmingCharacters(in: .whitespaces)
        let old = state.listFilters[state.tab]
        state.listFilters[state.tab] = q.isEmpty ? nil : q
        guard old != state.listFilters[state.tab] else { return [] }
        switch state.tab {
        case .seats: state.seats.selected = 0; state.seats.loadedGeneration = -1; return [.loadSeats]
        case .refunds: state.refunds.selected = 0; state.refunds.loadedGeneration = -1; return [.loadRefunds]
        case .callbacks: state.callbacks.selected = 0; state.callbacks.loadedGeneration = -1; return [.loadCallbacks]
        case .due:
            state.due.selected = 0
            filterDue(&state, now: now ?? state.due.loadedMinute * 60)
            return []
        case .orders, .dashboard: return []
        }
    }

    /// The Due rows the filter keeps (all of them without one): kind, id, route and what is due, any case.
    static func filterDue(_ state: inout AppState, now: Int) {
        let rows: [DueItem]
        if let q = state.listFilters[.due]?.lowercased() {
            rows = state.dueAll.filter { d in
                [d.kind.rawValue, d.id, d.route, d.what].contains { $0.lowercased().contains(q) }
            }
        } else {
            rows = state.dueAll
        }
        state.due.loaded(rows, start: 0, total: rows.count, generation: state.generation, now: now)
    }

    /// How many rows the filter keeps, as the prompt and the hint line say it.
    static func count(_ state: AppState) -> String {
        switch state.tab {
        case .seats: return "\(state.seats.total) of the day's \(state.seatsSummary?.schedules ?? state.seats.total)"
        case .refunds: return "\(state.refunds.total)\(state.refundsFilterCapped ? "+" : "")"
        case .callbacks: return "\(state.callbacks.total)"
        case .due: return "\(state.due.total) of \(state.dueAll.count)"
        case .orders, .dashboard: return ""
        }
    }

    /// What the view's filter matches (`Store`'s ListFilterQueries): "杭州" on Refunds found "0 match" beside rows
    /// reading 杭州→上海, with nothing saying that only an id's start is matched there.
    static func matches(_ tab: Tab) -> String {
        switch tab {
        case .seats: return "schedule id, line or city"
        case .refunds: return "refund, order or Fliggy id prefix"
        case .callbacks: return "order id or callback key prefix"
        case .due, .orders, .dashboard: return "any column"
        }
    }

    /// Beside the typed filter: what it matches before anything is typed and when nothing matches, else the count.
    static func promptSuffix(_ state: AppState, typed: String) -> String {
        if typed.isEmpty { return "filters by \(matches(state.tab)) · Esc clears" }
        let n = count(state)
        return n.hasPrefix("0 ") || n == "0" ? "0 match (\(matches(state.tab)))" : n + " match"
    }

    /// The hint that leads the line while a filter is on: what it is, its count, and how to clear it.
    static func hint(_ state: AppState) -> KeyHint? {
        guard state.prompt == nil, state.overlay == nil, state.detail == nil, state.report == nil, state.callbackPage == nil,
              let q = state.listFilters[state.tab] else { return nil }
        return KeyHint("/" + q, count(state) + " match · Esc clears")
    }
}
