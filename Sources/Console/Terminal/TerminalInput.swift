/// What the terminal delivers: a key (the app's `KeyPress`), a resize, or a mouse event
/// (mouse events only when `start(…, mouse: true)`).
enum TerminalInput: Equatable {
    case key(KeyPress)
    case resize
    /// A left click at a screen cell (0-based column and row).
    case mouseClick(x: Int, y: Int)
    case wheel(up: Bool)
}
