import Foundation
import Store

/// Typing after ":" (commands, with history) or "/" (search on Orders, a filter on the other lists).
enum PromptUpdate {
    static func key(_ state: inout AppState, _ key: KeyPress, now: Int) -> [Effect] {
        guard let prompt = state.prompt else { return [] }
        if case .filter(let text) = prompt { return ListFilterUpdate.key(&state, text, key) }
        var text = prompt.text
        switch key {
        case .escape, .ctrl("c"):
            state.prompt = nil
            return []
        case .backspace:
            if text.isEmpty { state.prompt = nil; return [] }
            text.removeLast()
        case .char(let c):
            guard text.count < 200 else { return [] }
            text.append(c)
        case .up, .down:
            guard case .command = prompt, !state.commandHistory.isEmpty else { return [] }
            let idx = state.commandHistory.lastIndex(of: text).map { key == .up ? $0 - 1 : $0 + 1 }
                ?? (key == .up ? state.commandHistory.count - 1 : state.commandHistory.count)
            text = (0..<state.commandHistory.count).contains(idx) ? state.commandHistory[idx] : ""
        case .enter:
            state.prompt = nil
            switch prompt {
            case .command: return run(&state, text.trimmingCharacters(in: .whitespaces), now: now)
            case .filter: return []
            case .search:
                let q = text.trimmingCharacters(in: .whitespaces)
                guard !q.isEmpty else { return [] }
                state.lastSearch = q
                state.searchResume = nil
                if state.tab != .orders || state.detail != nil { state.tab = .orders; state.detail = nil }
                return [.search(query: q, forward: true)]
            }
        default:
            return []
        }
        switch prompt {
        case .command: state.prompt = .command(text)
        case .search: state.prompt = .search(text)
        case .filter: state.prompt = .filter(text)
        }
        return []
    }

    /// `:orders`, `:seats [yyyy-MM-dd]`, `:refunds`, `:callbacks`, `:status` (the store's file and last check), `:q`, `:help`.
    static func run(_ state: inout AppState, _ line: String, now: Int) -> [Effect] {
        guard !line.isEmpty else { return [] }
        if state.commandHistory.last != line { state.commandHistory.append(line) }
        if state.commandHistory.count > 100 { state.commandHistory.removeFirst() }
        let words = line.split(separator: " ").map(String.init)
        switch words[0] {
        case "q", "quit", "q!": state.quit = true; return []
        case "orders", "o": return Update.switchTab(&state, .orders, now: now)
        case "refunds", "r": return Update.switchTab(&state, .refunds, now: now)
        case "callbacks", "cb", "c": return Update.switchTab(&state, .callbacks, now: now)
        case "due", "d": return Update.switchTab(&state, .due, now: now)
        case "dash", "dashboard": return Update.switchTab(&state, .dashboard, now: now)
        case "help", "h": state.overlay = .help; state.helpScroll = 0; return []
        case "status", "check":
            state.message = StoreStatusText.message(state.live)
            return [.loadHealth]
        case "export", "export!":
            // The rest of the line is the file name (it may hold spaces); ~ is the operator's home.
            let name = line.dropFirst(words[0].count).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                state.message = StatusMessage(kind: .error, text: ":export FILE writes the list on screen as CSV (:export! FILE replaces)")
                return []
            }
            return [.export(path: (name as NSString).expandingTildeInPath, replace: words[0] == "export!")]
        case "report":
            let arg = words.count > 1 ? words[1] : "today"
            let day: Int?
            switch arg {
            case "today": day = ChinaTime.startOfDay(now)
            case "yesterday": day = ChinaTime.startOfDay(now) - 86400
            default: day = ChinaTime.parseDate(arg)
            }
            guard let day else {
                state.message = StatusMessage(kind: .error, text: "not a date: \(arg) (use yyyy-MM-dd, today, yesterday)")
                return []
            }
            state.detail = nil
            state.report = ReportPage(day: ChinaTime.date(day))
            return [.loadReport(ChinaTime.date(day))]
        case "seats", "s":
            if words.count > 1 {
                let arg = words[1]
                let day: Int?
                switch arg {
                case "today": day = ChinaTime.startOfDay(now)
                case "tomorrow": day = ChinaTime.startOfDay(now) + 86400
                case "yesterday": day = ChinaTime.startOfDay(now) - 86400
                default: day = ChinaTime.parseDate(arg)
                }
                guard let day else {
                    state.message = StatusMessage(kind: .error, text: "not a date: \(arg) (use yyyy-MM-dd, today, tomorrow)")
                    return []
                }
                state.seatsDay = day
            } else {
                state.seatsDay = ChinaTime.startOfDay(now)
            }
            state.seats.selected = 0
            return Update.switchTab(&state, .seats, now: now)
        default:
            state.message = StatusMessage(kind: .error, text: "unknown command :\(words[0]) (try :orders :seats DATE :refunds :callbacks :report DATE :dash :export FILE :q)")
            return []
        }
    }
}
