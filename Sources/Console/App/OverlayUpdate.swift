import Views

/// Keys while an overlay (help, confirmation, form) is open: nothing reaches the views behind it.
enum OverlayUpdate {
    static func key(_ state: inout AppState, _ overlay: Overlay, _ key: KeyPress) -> [Effect] {
        switch overlay {
        case .help:
            if key == .escape || key == .char("?") || key == .char("q") || key == .enter { state.overlay = nil }
            return []
        case .confirm(var c):
            switch key {
            case .escape, .char("n"), .char("N"), .char("q"):
                state.overlay = nil
                state.message = StatusMessage(kind: .info, text: "cancelled; nothing was sent")
            case .tab, .left, .right, .backTab, .char("h"), .char("l"):
                c.confirmFocused.toggle()
                state.overlay = .confirm(c)
            case .down, .char("j"), .up, .char("k"), .pageDown, .pageUp:
                // A confirmation taller than the screen scrolls (issue 12: nothing it says may be cut off).
                let body = Rect(x: 0, y: Chrome.headerRows, width: state.width, height: state.height - Chrome.headerRows - Chrome.footerRows)
                let limit = ConfirmDialog.maxScroll(FrameRenderer.confirmModel(c, state), area: body)
                let step = key == .pageDown || key == .pageUp ? max(1, body.height - 6) : 1
                let down = key == .down || key == .char("j") || key == .pageDown
                c.scroll = max(0, min(limit, c.scroll + (down ? step : -step)))
                state.overlay = .confirm(c)
            case .enter:
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
                return [.perform(c.pending)]
            default:
                break
            }
            return []
        case .form(var f):
            switch key {
            case .escape:
                state.overlay = nil
                state.message = StatusMessage(kind: .info, text: "cancelled; nothing was changed")
            case .tab, .down:
                f.focused = (f.focused + 1) % f.fields.count
                state.overlay = .form(f)
            case .backTab, .up:
                f.focused = (f.focused + f.fields.count - 1) % f.fields.count
                state.overlay = .form(f)
            case .backspace:
                if !f.fields[f.focused].value.isEmpty { f.fields[f.focused].value.removeLast() }
                f.error = nil
                state.overlay = .form(f)
            case .char(let ch):
                if f.fields[f.focused].value.count < 64 { f.fields[f.focused].value.append(ch) }
                f.error = nil
                state.overlay = .form(f)
            case .enter:
                return [.prepareConfirm(f.purpose, Dictionary(uniqueKeysWithValues: f.fields.map { ($0.name, $0.value) }))]
            default:
                break
            }
            return []
        }
    }
}
