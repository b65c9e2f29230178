/// Framed boxes for overlays and dialogs.
public enum Box {
    /// A rectangle of `width` x `height` centred in `area` (clipped to it).
    public static func centered(width: Int, height: Int, in area: Rect) -> Rect {
        let w = min(width, area.width), h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }

    /// Clears `rect`, draws a single-line frame and a title in the top edge. Returns the inside.
    @discardableResult
    public static func draw(_ rect: Rect, title: String, style: Style = Style(.dialog), titleStyle: Style = Style(.dialogTitle),
                            into screen: inout Screen) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        screen.fill(rect, style: style)
        let inner = rect.width - 2
        screen.put(x: rect.x, y: rect.y, text: "┌" + String(repeating: "─", count: inner) + "┐", style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            screen.put(x: rect.x, y: y, text: "│", style: style)
            screen.put(x: rect.maxX - 1, y: y, text: "│", style: style)
        }
        screen.put(x: rect.x, y: rect.maxY - 1, text: "└" + String(repeating: "─", count: inner) + "┘", style: style)
        if !title.isEmpty && inner > 4 {
            screen.put(x: rect.x + 2, y: rect.y, text: " " + DisplayWidth.truncate(title, to: inner - 4) + " ", style: titleStyle)
        }
        return rect.inset(2, 1)
    }
}
