import Views

/// Keys while an overlay (help, confirmation, form) is open: nothing reaches the views behind it. The keys that
/// move and decide come from `KeyTable` (its help, confirm and form contexts), so the hint line shows what works;
/// typed characters and line editing go to the form's focused field.
enum OverlayUpdate {
    /// Where a confirmation is drawn: the body between the header and the status and hint lines.
    static func confirmArea(_ state: AppState) -> Rect {
        Rect(x: 0, y: Chrome.headerRows, width: state.width, height: state.height - Chrome.headerRows - Chrome.footerRows)
    }

    /// Whether the confirmation on screen is taller than its room (↓ then scrolls it).
    static func confirmScrolls(_ state: AppState) -> Bool {
        guard case .confirm(let c)? = state.overlay else { return false }
        return ConfirmDialog.maxScroll(FrameRenderer.confirmModel(c, state), area: confirmArea(state)) > 0
    }

    /// Whether the message on screen (`!`) is taller than its room.
    static func messageScrolls(_ state: AppState) -> Bool {
        MessageDialog.maxScroll(FrameRenderer.messageModel(state, scroll: 0), area: confirmArea(state)) > 0
    }

    static func key(_ state: inout AppState, _ overlay: Overlay, _ key: KeyPress) -> [Effect] {
        switch overlay {
        case .help:
            guard let action = KeyTable.binding(for: key, in: [.helpOverlay])?.action else { return [] }
            let rows = helpRows(state)
            let last = HelpOverlay.maxScroll(rows, area: Rect(x: 0, y: 0, width: state.width, height: state.bodyHeight))
            let page = max(1, state.bodyHeight - 3)
            if action == .back { state.overlay = nil } else { state.helpScroll = ListUpdate.scrolled(state.helpScroll, action, page: page, last: last) }
            return []
        case .message(let scroll):
            guard let action = KeyTable.binding(for: key, in: [.messageOverlay])?.action else { return [] }
            if action == .back { state.overlay = nil; return [] }
            let last = MessageDialog.maxScroll(FrameRenderer.messageModel(state, scroll: 0), area: confirmArea(state))
            state.overlay = .message(scroll: ListUpdate.scrolled(scroll, action, page: 1, last: last))
            return []
        case .confirm(var c):
            switch KeyTable.binding(for: key, in: [.confirm])?.action {
            case .back? where c.form != nil:
                state.overlay = c.form.map(Overlay.form)
                state.message = StatusMessage(kind: .info, text: "back to the form; nothing was sent")
            case .cancel?, .back?:
                state.overlay = nil
                state.message = StatusMessage(kind: .info, text: "cancelled; nothing was sent")
            case .toggleFocus?:
                c.confirmFocused.toggle()
                state.overlay = .confirm(c)
            case let action? where [.down, .up, .pageDown, .pageUp].contains(action):
                // A confirmation taller than the screen scrolls (issue 12: nothing it says may be cut off).
                let body = confirmArea(state)
                let limit = ConfirmDialog.maxScroll(FrameRenderer.confirmModel(c, state), area: body)
                c.scroll = ListUpdate.scrolled(c.scroll, action, page: max(1, body.height - 6), last: limit)
                state.overlay = .confirm(c)
            case .confirmNow?:
                c.confirmFocused = true   // then as Enter on Confirm
                return self.key(&state, .confirm(c), .enter)
            case .submit?:
                guard c.confirmFocused else {
                    state.overlay = nil
                    state.message = StatusMessage(kind: .info, text: "cancelled; nothing was sent")
                    return []
                }
                if let gone = state.live.storeGone {
                    state.overlay = nil
                    state.message = StatusMessage(kind: .error, text: "refused: \(gone)")
                    return []
                }
                state.message = StatusMessage(kind: .info, text: "working…")
                return [c.bulk.map(Effect.performBulk) ?? .perform(c.pending)]
            default:
                break
            }
            return []
        case .form(var f):
            switch KeyTable.binding(for: key, in: [.form])?.action {
            case .cancel?:
                state.overlay = nil
                state.message = StatusMessage(kind: .info, text: "cancelled; nothing was changed")
            case .nextField?:
                f.fields[f.focused].cursor = nil
                f.focused = (f.focused + 1) % f.fields.count
                state.overlay = .form(f)
            case .previousField?:
                f.fields[f.focused].cursor = nil
                f.focused = (f.focused + f.fields.count - 1) % f.fields.count
                state.overlay = .form(f)
            case .submit?:
                return [.prepareConfirm(f.purpose, Dictionary(uniqueKeysWithValues: f.fields.map { ($0.name, $0.value) }))]
            default:
                // Typing and the line-editing keys (`.editLine` in the table) go to the focused field.
                var line = LineEdit(f.fields[f.focused].value, cursor: f.fields[f.focused].cursor)
                let before = line.value
                guard line.apply(key) else { return [] }
                f.fields[f.focused].value = line.value
                f.fields[f.focused].cursor = line.cursor == line.text.count ? nil : line.cursor
                if line.value != before { f.error = nil }
                state.overlay = .form(f)
            }
            return []
        }
    }

    /// What the help shows: the keys of the screen behind it.
    static func helpRows(_ state: AppState) -> [HelpRow] {
        KeyTable.helpRows(for: KeyTable.contexts(state))
            .map { HelpRow(section: $0.section, keys: $0.keys, help: $0.help) }
    }
}
