/// The last status message whole (`!`): a refusal naming several rows and their reasons is cut short on an 80-column
/// status line, and the reason is what the operator needs to read. Drawn as a confirmation's box (wrapped at spaces,
/// scrolled when taller than the screen) with no buttons: it only informs.
public enum MessageDialog {
    public static func render(_ m: ConfirmModel, into screen: inout Screen, area: Rect) {
        let box = ConfirmDialog.drawText(m, into: &screen, area: area)
        let close = "Esc closes"
        screen.put(x: box.x + max(1, (box.width - DisplayWidth.of(close)) / 2), y: box.maxY - 2, text: close, style: Style(.dim))
    }

    public static func maxScroll(_ m: ConfirmModel, area: Rect) -> Int { ConfirmDialog.maxScroll(m, area: area) }
}
