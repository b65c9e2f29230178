import Foundation
import Store

/// Typing after ":" (commands, with history) or "/" (search on Orders, a filter on the other lists).
enum PromptUpdate {
    static func key(_ state: inout AppState, _ key: KeyPress, now: Int) -> [Effect] {
        guard let prompt = state.prompt else { return [] }
        if case .filter(let text) = prompt { return ListFilterUpdate.key(&state, text, key) }
        var text = prompt.text
        // What Tab listed shows beside the prompt until the next key.
        if case .command = prompt { state.message = nil }
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
        // The form and the list filter take ^U; here it was ignored, so ":orders" + ^U + "order BO…" ran
        // ":orders order BO…".
        case .ctrl("u"):
            text = ""
        case .ctrl("w"):
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
        case .tab:
            guard case .command = prompt else { return [] }
            text = complete(&state, text)
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

    /// A `:` command by its name or an alias (`PromptCommands`): `:orders [ID]`, `:seats [DATE]`, `:refunds`,
    /// `:callbacks`, `:due`, `:dash`, `:report [DATE]`, `:export FILE`, `:status`, `:help`, `:q`.
    static func run(_ state: inout AppState, _ line: String, now: Int) -> [Effect] {
        guard !line.isEmpty else { return [] }
        if state.commandHistory.last != line { state.commandHistory.append(line) }
        if state.commandHistory.count > 100 { state.commandHistory.removeFirst() }
        let words = line.split(separator: " ").map(String.init)
        guard let command = PromptCommands.named(words[0]) else {
            state.message = StatusMessage(kind: .error, text: "unknown command :\(words[0]) — commands: \(PromptCommands.list)")
            return []
        }
        let argument = words.count > 1 ? words[1] : nil
        switch command.name {
        case "quit": state.quit = true; return []
        case "orders":
            guard let id = argument else { return Update.switchTab(&state, .orders, now: now) }
            state.message = StatusMessage(kind: .info, text: "looking for order \(id)…")
            return [.findOrder(id)]
        case "refunds": return Update.switchTab(&state, .refunds, now: now)
        case "callbacks": return Update.switchTab(&state, .callbacks, now: now)
        case "due": return Update.switchTab(&state, .due, now: now)
        case "dash": return Update.switchTab(&state, .dashboard, now: now)
        case "help": state.overlay = .help; state.helpScroll = 0; return []
        case "status":
            state.message = StoreStatusText.message(state.live)
            return [.loadHealth]
        case "export":
            // The rest of the line is the file name (it may hold spaces); ~ is the operator's home.
            let name = line.dropFirst(words[0].count).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                state.message = StatusMessage(kind: .error, text: ":export FILE writes the list on screen as CSV (:export! FILE replaces)")
                return []
            }
            return [.export(path: (name as NSString).expandingTildeInPath, replace: words[0] == "export!")]
        case "report":
            guard let day = day(argument ?? "today", state: &state, now: now) else { return [] }
            state.detail = nil
            state.report = ReportPage(day: ChinaTime.date(day))
            return [.loadReport(ChinaTime.date(day))]
        default:   // seats
            guard let day = day(argument ?? "today", state: &state, now: now) else { return [] }
            state.seatsDay = day
            state.seats.selected = 0
            return Update.switchTab(&state, .seats, now: now)
        }
    }

    /// The day a command names, or nil with the error said.
    static func day(_ word: String, state: inout AppState, now: Int) -> Int? {
        if let day = PromptCommands.day(word, now: now) { return day }
        state.message = StatusMessage(kind: .error, text: "not a date: \(word) (use yyyy-MM-dd, today, tomorrow, yesterday)")
        return nil
    }

    /// Tab in the `:` prompt: a unique prefix completes the command's name; several candidates are listed.
    static func complete(_ state: inout AppState, _ text: String) -> String {
        guard let c = PromptCommands.complete(text) else {
            state.message = StatusMessage(kind: .error, text: "no :\(text)…; " + PromptCommands.all.map(\.name).joined(separator: " "))
            return text
        }
        state.message = c.candidates.isEmpty ? nil : StatusMessage(kind: .info, text: c.candidates.map { ":" + $0 }.joined(separator: "  "))
        return c.text
    }
}
