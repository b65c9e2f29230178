import Views

/// A terminal in memory: frames are applied through `FrameDiff` onto a screen buffer (what a real terminal would
/// show), input comes from a script, copies are kept. For tests of the main loop and the frame diff without tmux.
final class MemoryTerminal: TerminalBackend {
    private(set) var shown: Screen
    private(set) var cellsWritten: [Int] = []
    private(set) var copied: [String] = []
    private var previous: Screen?
    private var script: [TerminalInput?]
    private(set) var started = false

    /// `script`: inputs in order; nil stands for a poll that times out (the loop refreshes then).
    init(width: Int = 80, height: Int = 24, script: [TerminalInput?] = []) {
        shown = Screen(width: width, height: height)
        self.script = script
    }

    var size: (width: Int, height: Int) { (shown.width, shown.height) }

    func start(theme: Theme, env: [String: String], mouse: Bool) { started = true }
    func stop() { started = false }
    func setTheme(_ theme: Theme) { previous = nil }

    func draw(_ screen: Screen) {
        let diff = FrameDiff(from: previous, to: screen)
        diff.apply(to: &shown, from: screen)
        cellsWritten.append(diff.changes.count)
        previous = screen
    }

    /// Called before each read (a test writes to the store or looks at the screen between two turns of the loop).
    var beforeRead: (() -> Void)?

    func readInput(timeoutMillis: Int) -> TerminalInput? {
        beforeRead?()
        return script.isEmpty ? .key(.char("q")) : script.removeFirst()   // a script that ends quits
    }

    /// Drops what is left of the script: the next read quits.
    func endScript() { script = [] }

    func copyToClipboard(_ text: String) { copied.append(text) }

    /// The text on the memory screen, one line a row.
    var text: [String] { shown.text() }
}
