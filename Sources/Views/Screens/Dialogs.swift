/// A confirmation before anything that moves money or seats.
public struct ConfirmModel: Equatable, Sendable {
    public var title: String
    /// What will be sent: order, passengers, amounts in yuan.
    public var lines: [String]
    /// Cancel is focused until the operator moves to Confirm on purpose.
    public var confirmFocused = false
    public init(title: String, lines: [String], confirmFocused: Bool = false) {
        self.title = title; self.lines = lines; self.confirmFocused = confirmFocused
    }
}

/// Labelled text fields (ticket number, password, gate, …).
public struct FormModel: Equatable, Sendable {
    public struct Field: Equatable, Sendable {
        public var label: String
        public var value: String
        public var hint: String
        /// Shown as `*` (the value is still what the operator typed).
        public var secret: Bool
        public init(label: String, value: String = "", hint: String = "", secret: Bool = false) {
            self.label = label; self.value = value; self.hint = hint; self.secret = secret
        }
    }
    public var title: String
    public var fields: [Field]
    public var focused = 0
    public var error: String?
    /// Where the focused field's cursor is, in characters (nil: at the end), as a shell line edits (issue 12).
    public var cursor: Int?
    public init(title: String, fields: [Field], focused: Int = 0, error: String? = nil) {
        self.title = title; self.fields = fields; self.focused = focused; self.error = error
    }
}

public enum ConfirmDialog {
    public static func render(_ m: ConfirmModel, into screen: inout Screen, area: Rect) {
        let buttons = "[ Cancel ]  [ Confirm ]"
        let width = max(DisplayWidth.of(buttons), DisplayWidth.of(m.title) + 4, m.lines.map(DisplayWidth.of).max() ?? 0) + 4
        let box = Box.centered(width: min(width, area.width - 2), height: m.lines.count + 5, in: area)
        let inner = Box.draw(box, title: m.title, into: &screen)
        for (i, line) in m.lines.prefix(max(0, inner.height - 2)).enumerated() {
            screen.put(x: inner.x, y: inner.y + i, text: line, style: Style(.dialog), maxWidth: inner.width)
        }
        let y = box.maxY - 2
        let x = box.x + max(1, (box.width - DisplayWidth.of(buttons)) / 2)
        let cancel = screen.put(x: x, y: y, text: "[ Cancel ]", style: Style(m.confirmFocused ? .dialogButton : .dialogButtonFocused))
        screen.put(x: x + cancel + 2, y: y, text: "[ Confirm ]", style: Style(m.confirmFocused ? .dialogButtonFocused : .dialogButton))
    }
}

public enum FormDialog {
    public static func render(_ m: FormModel, into screen: inout Screen, area: Rect) {
        let labelWidth = (m.fields.map { DisplayWidth.of($0.label) }.max() ?? 4) + 1
        let fieldWidth = max(20, m.fields.map { DisplayWidth.of($0.value) + 2 }.max() ?? 0)
        let hintWidth = m.fields.map { DisplayWidth.of($0.hint) }.max() ?? 0
        let width = labelWidth + fieldWidth + (hintWidth > 0 ? hintWidth + 2 : 0) + 4
        // A blank line between fields when there is room; on a small terminal (80x24 and a 9-field form) one
        // line each, and if even that does not fit, a window of fields that follows the focus.
        let spacing = m.fields.count * 2 + 4 <= area.height ? 2 : 1
        let rows = max(1, min(m.fields.count, (area.height - 4) / spacing))
        let first = max(0, min(m.focused - rows / 2, m.fields.count - rows))
        let box = Box.centered(width: min(width, area.width - 2), height: rows * spacing + 4, in: area)
        let inner = Box.draw(box, title: m.title, into: &screen)
        let valueWidth = min(fieldWidth, max(4, inner.width - labelWidth))
        for (i, f) in m.fields.enumerated() where i >= first && i < first + rows {
            let y = inner.y + (i - first) * spacing
            guard y < inner.maxY else { break }
            let focused = i == m.focused
            screen.put(x: inner.x, y: y, text: f.label, style: Style(.dialog, bold: focused), columns: labelWidth)
            let shown = f.secret ? String(repeating: "*", count: f.value.count) : f.value
            // Keep the end (and the cursor) visible when the value is longer than the field.
            let visible = DisplayWidth.truncateLeft(TerminalText.sanitize(shown), to: valueWidth - 1)
            let fx = inner.x + labelWidth
            screen.put(x: fx, y: y, text: visible, style: Style(focused ? .fieldFocused : .field), columns: valueWidth)
            if focused, let c = m.cursor, c < shown.count, DisplayWidth.of(shown) < valueWidth {
                // Mid-line (the whole value is in view): the character under the cursor in reverse video.
                let before = String(shown.prefix(c)), under = String(shown.dropFirst(c).prefix(1))
                screen.put(x: fx + DisplayWidth.of(TerminalText.sanitize(before)), y: y, text: under, style: Style(.fieldFocused, reverse: true))
            } else if focused {
                let cx = fx + min(DisplayWidth.of(visible), valueWidth - 1)
                screen.put(x: cx, y: y, text: " ", style: Style(.fieldFocused, reverse: true))
            }
            if !f.hint.isEmpty, inner.width > labelWidth + valueWidth + 2 {
                screen.put(x: fx + valueWidth + 2, y: y, text: f.hint, style: Style(.dim), maxWidth: inner.maxX - fx - valueWidth - 2)
            }
        }
        if let e = m.error {
            screen.put(x: inner.x, y: box.maxY - 2, text: e, style: Style(.error), maxWidth: inner.width)
        } else {
            screen.put(x: inner.x, y: box.maxY - 2, text: "Tab next field · Enter submit · Esc cancel", style: Style(.dim), maxWidth: inner.width)
        }
    }
}
