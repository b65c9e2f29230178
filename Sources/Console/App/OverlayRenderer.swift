import Views

/// Help, confirmation and form overlays, drawn as boxes over the view.
enum OverlayRenderer {
    static func box(_ screen: inout Screen, width: Int, height: Int, title: String) -> Rect {
        let w = min(width, screen.width - 2), h = min(height, screen.height - 2)
        let r = Rect(x: (screen.width - w) / 2, y: (screen.height - h) / 2, width: w, height: h)
        screen.fill(r, style: Style(.dialog))
        screen.put(x: r.x, y: r.y, text: "┌" + String(repeating: "─", count: w - 2) + "┐", style: Style(.dialog))
        for y in (r.y + 1)..<(r.maxY - 1) {
            screen.put(x: r.x, y: y, text: "│", style: Style(.dialog))
            screen.put(x: r.maxX - 1, y: y, text: "│", style: Style(.dialog))
        }
        screen.put(x: r.x, y: r.maxY - 1, text: "└" + String(repeating: "─", count: w - 2) + "┘", style: Style(.dialog))
        screen.put(x: r.x + 2, y: r.y, text: " \(title) ", style: Style(.dialogTitle, bold: true))
        return r
    }

    static func render(_ screen: inout Screen, _ o: Overlay, state: AppState) {
        switch o {
        case .help:
            let rows = KeyTable.helpRows(for: KeyTable.contexts(tab: state.tab, inDetail: state.detail != nil))
            let r = box(&screen, width: 76, height: screen.height - 2, title: "Help")
            var y = r.y + 1
            var section = ""
            for row in rows where y < r.maxY - 2 {
                if row.section != section {
                    section = row.section
                    screen.put(x: r.x + 2, y: y, text: section, style: Style(.sectionTitle, bold: true)); y += 1
                    if y >= r.maxY - 2 { break }
                }
                screen.put(x: r.x + 4, y: y, text: row.keys, style: Style(.key), columns: 16)
                screen.put(x: r.x + 21, y: y, text: row.help, style: Style(.dialog), maxWidth: r.width - 23)
                y += 1
            }
            screen.put(x: r.x + 2, y: r.maxY - 2, text: "Esc or ? closes", style: Style(.dim))
        case .confirm(let c):
            let r = box(&screen, width: 72, height: min(screen.height - 2, c.lines.count + 6), title: c.title)
            for (k, l) in c.lines.prefix(r.height - 5).enumerated() {
                screen.put(x: r.x + 2, y: r.y + 2 + k, text: l, style: Style(.dialog), maxWidth: r.width - 4)
            }
            let y = r.maxY - 2
            screen.put(x: r.x + r.width - 30, y: y, text: "[ Cancel ]", style: Style(c.confirmFocused ? .dialogButton : .dialogButtonFocused))
            screen.put(x: r.x + r.width - 16, y: y, text: "[ Confirm ]", style: Style(c.confirmFocused ? .dialogButtonFocused : .dialogButton))
        case .form(let f):
            let r = box(&screen, width: 64, height: f.fields.count + 6, title: f.title)
            for (k, field) in f.fields.enumerated() {
                let y = r.y + 2 + k
                screen.put(x: r.x + 2, y: y, text: field.label, style: Style(.dialog), columns: 14)
                let value = field.value + (k == f.focused ? "█" : "")
                screen.put(x: r.x + 17, y: y, text: value.isEmpty ? field.hint : value,
                           style: Style(k == f.focused ? .fieldFocused : (value.isEmpty ? .dim : .field)), columns: r.width - 19)
            }
            if let e = f.error { screen.put(x: r.x + 2, y: r.maxY - 3, text: e, style: Style(.error), maxWidth: r.width - 4) }
            screen.put(x: r.x + 2, y: r.maxY - 2, text: "Tab next field   Enter review   Esc cancel", style: Style(.dim))
        }
    }
}
