import Views

/// What the console needs from a terminal. ncurses (`NCursesTerminal`) is the only real one and the only code that
/// imports it; `MemoryTerminal` keeps frames in memory so the main loop and the frame diff are tested without tmux
/// (ratatui's TestBackend is the model). tmux tests stay for what only a real terminal shows.
protocol TerminalBackend: AnyObject {
    /// Columns and rows now (after a `.resize` input, the new size).
    var size: (width: Int, height: Int) { get }
    func start(theme: Theme, env: [String: String], mouse: Bool)
    func stop()
    func setTheme(_ theme: Theme)
    /// Writes what `FrameDiff` says changed since the last frame.
    func draw(_ screen: Screen)
    /// Waits up to `timeoutMillis` for input; nil on timeout or a key the app does not use.
    func readInput(timeoutMillis: Int) -> TerminalInput?
    func copyToClipboard(_ text: String)
}
