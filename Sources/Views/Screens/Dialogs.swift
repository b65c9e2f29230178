/// A confirmation before anything that moves money or seats.
public struct ConfirmModel: Equatable, Sendable {
    public var title: String
    /// What will be sent: order, passengers, amounts in yuan.
    public var lines: [String]
    /// Cancel is focused until the operator moves to Confirm on purpose.
    public var confirmFocused = false
    /// First wrapped line shown when the confirmation is taller than the screen.
    public var scroll = 0
    public init(title: String, lines: [String], confirmFocused: Bool = false, scroll: Int = 0) {
        self.title = title; self.lines = lines; self.confirmFocused = confirmFocused; self.scroll = scroll
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
    /// The box never grows wider than this, so a long line wraps into a readable paragraph on a wide terminal.
    static let maxWidth = 100

    public static func render(_ m: ConfirmModel, into screen: inout Screen, area: Rect) {
        let buttons = "[ Cancel ]  [ Confirm ]"
        let box = drawText(m, into: &screen, area: area)
        let y = box.maxY - 2
        let x = box.x + max(1, (box.width - DisplayWidth.of(buttons)) / 2)
        let cancel = screen.put(x: x, y: y, text: "[ Cancel ]", style: Style(m.confirmFocused ? .dialogButton : .dialogButtonFocused))
        screen.put(x: x + cancel + 2, y: y, text: "[ Confirm ]", style: Style(m.confirmFocused ? .dialogButtonFocused : .dialogButton))
    }

    /// The box, its title and its wrapped, scrolled lines, with two rows left at the bottom for what closes it;
    /// returns the box. The message dialog (`!`) draws the same box with its own last row.
    static func drawText(_ m: ConfirmModel, into screen: inout Screen, area: Rect) -> Rect {
        let width = boxWidth(m, area: area)
        // Issue 12: at 80 columns a cut line hid part of an amount ("amount 34" for 34.20). Lines wrap at spaces
        // instead, and what is taller than the screen scrolls (j/k) with a marker saying there is more.
        let wrapped = wrappedLines(m, width: width)
        let room = max(1, area.height - 5)
        let shown = min(wrapped.count, room)
        let top = min(max(0, m.scroll), wrapped.count - shown)
        let box = Box.centered(width: width, height: shown + 5, in: area)
        let inner = Box.draw(box, title: m.title, into: &screen)
        for (i, line) in wrapped[top..<top + shown].enumerated() {
            screen.put(x: inner.x, y: inner.y + i, text: line, style: Style(.dialog), maxWidth: inner.width)
        }
        if wrapped.count > shown {
            let more = (top > 0 ? "↑" : " ") + (top + shown < wrapped.count ? "↓" : " ") + " \(top + 1)-\(top + shown)/\(wrapped.count) j/k"
            screen.put(x: inner.x, y: inner.y + shown, text: more, style: Style(.dim), maxWidth: inner.width)
        }
        return box
    }

    /// Every line of the confirmation wrapped to the inside of a box `width` columns wide.
    public static func wrappedLines(_ m: ConfirmModel, width: Int) -> [String] {
        m.lines.flatMap { WordWrap.lines($0, columns: max(1, width - 4)) }
    }

    /// The largest useful scroll offset in `area` (the console clamps its scroll with it).
    public static func maxScroll(_ m: ConfirmModel, area: Rect) -> Int {
        max(0, wrappedLines(m, width: boxWidth(m, area: area)).count - max(1, area.height - 5))
    }

    /// As wide as the longest line (or title, or the buttons), within the area and `maxWidth`.
    static func boxWidth(_ m: ConfirmModel, area: Rect) -> Int {
        let natural = max(23, DisplayWidth.of(m.title) + 4, m.lines.map(DisplayWidth.of).max() ?? 0) + 4
        return min(natural, maxWidth, area.width - 2)
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
        // An error wraps, never cut (issue 12: a refused refund's "still refundable …" ended past the box at 80x24).
        let boxWidth = min(max(width, m.error.map { DisplayWidth.of($0) + 4 } ?? 0), area.width - 2)
        let errorLines = m.error.map { WordWrap.lines($0, columns: max(1, boxWidth - 4)) } ?? []
        let extra = min(max(0, errorLines.count - 1), max(0, area.height - 5))
        let spacing = m.fields.count * 2 + 4 + extra <= area.height ? 2 : 1
        let rows = max(1, min(m.fields.count, (area.height - 4 - extra) / spacing))
        let first = max(0, min(m.focused - rows / 2, m.fields.count - rows))
        let box = Box.centered(width: boxWidth, height: rows * spacing + 4 + extra, in: area)
        let inner = Box.draw(box, title: m.title, into: &screen)
        let valueWidth = min(fieldWidth, max(4, inner.width - labelWidth))
        var cutHint: String?
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
            let room = inner.maxX - fx - valueWidth - 2
            if !f.hint.isEmpty, room > 0 {
                // A hint that does not fit is cut with "…" (80x24 read "ticket number (取票号), 1–" with its
                // "32 printable characters" gone); the focused field's whole hint then takes the footer.
                screen.put(x: fx + valueWidth + 2, y: y, text: DisplayWidth.truncate(f.hint, to: room), style: Style(.dim))
            }
            if focused, DisplayWidth.of(f.hint) > max(0, room) { cutHint = f.hint }
        }
        if !errorLines.isEmpty {
            for (i, line) in errorLines.prefix(extra + 1).enumerated() {
                screen.put(x: inner.x, y: box.maxY - 2 - extra + i, text: line, style: Style(.error), maxWidth: inner.width)
            }
        } else {
            let footer = cutHint ?? "Tab next field · Enter submit · Esc cancel"   // the keys stay on the hint line
            screen.put(x: inner.x, y: box.maxY - 2, text: DisplayWidth.truncate(footer, to: inner.width), style: Style(.dim))
        }
    }
}
