import CNCurses
import Foundation
import Glibc
import Views

/// The only code that talks to ncurses. It draws a `Screen` by writing just the cells that changed
/// since the last frame (an identical frame writes nothing, so an idle console sends zero bytes),
/// and turns key codes into `TerminalInput`.
///
/// Use from one thread (the main loop). Signals should only set a flag the loop checks; the loop
/// then calls `stop()` (endwin is not async-signal-safe).
final class NCursesTerminal: TerminalBackend {
    private(set) var depth: ColorDepth = .none
    private var theme = Theme.builtinDefault
    private var previous: Screen?
    private var pairs = ColorPairs(limit: 0, direct: false)
    private var started = false
    private var mouse = false
    private var env: [String: String] = [:]
    /// Attributes and pair per semantic style; a frame uses a few dozen styles, so resolve each once.
    private var looks: [Style: (attr: attr_t, pair: Int32)] = [:]
    /// The style drawn last and its look (neighbouring cells mostly share one).
    private var lastLook: (style: Style, look: (attr: attr_t, pair: Int32))?

    /// Columns and rows of the terminal now (after a `.resize` input, the new size).
    var size: (width: Int, height: Int) {
        guard started else { return (80, 24) }
        return (Int(cnc_getmaxx(cnc_stdscr())), Int(cnc_getmaxy(cnc_stdscr())))
    }

    /// The colour depth for `env` and the terminfo entry of its `TERM` (see `ColorDepth.detect`).
    /// Reads terminfo itself, so it works before `start` too (e.g. for `busops console --check`).
    static func detectColorDepth(env: [String: String]) -> ColorDepth {
        let term = env["TERM"] ?? ""
        let colors = term.isEmpty ? -1 : Int(cnc_terminfo_colors(term))
        return ColorDepth.detect(env: env, terminfoColors: colors)
    }

    /// Starts curses with the colour depth detected from `env` and terminfo.
    func start(theme: Theme, env: [String: String], mouse: Bool) {
        start(theme: theme, depth: nil, mouse: mouse, env: env)
    }

    /// Starts curses: raw keys (Ctrl-C arrives as a key so the app quits cleanly), no echo, keypad
    /// decoding, a 25 ms Esc delay, hidden cursor; colours unless `depth` (or detection) says none.
    func start(theme: Theme, depth: ColorDepth?, mouse: Bool, env: [String: String] = ProcessInfo.processInfo.environment) {
        guard !started else { return }
        Self.useUTF8Locale()
        self.env = env
        initscr()
        started = true
        raw()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        leaveok(cnc_stdscr(), true)       // no cursor moves after a frame: fewer bytes, no flicker
        curs_set(0)
        set_escdelay(25)
        Self.defineCommonKeys()
        self.theme = theme
        self.depth = depth ?? ColorDepth.detect(env: env, terminfoColors: Int(tigetnum("colors")))
        if self.depth != .none && has_colors() {
            start_color()
            use_default_colors()
            // A depth asked for (or claimed by COLORTERM) beyond what terminfo offers would pick
            // colour numbers the terminal does not have: cap it.
            let colors = Int(cnc_colors())
            if colors < 8 { self.depth = .none } else if colors < 256 { self.depth = .c8 }
            pairs = ColorPairs(limit: Int(cnc_color_pairs()), direct: Int(cnc_colors()) >= 0x1000000)
        } else {
            self.depth = .none
        }
        self.mouse = mouse
        if mouse { mousemask(cnc_mouse_mask(), nil); mouseinterval(0) }
        looks = [:]
        lastLook = nil
        previous = nil
        Self.batchOutput()
    }

    /// ncurses 6.4 flushes its output at every cursor move until the screen has once been suspended and
    /// resumed (its `_endwin` stays "initial"): ~80 small writes a frame, each waking the terminal. One
    /// endwin + refresh before the first frame puts it in the running state, so a frame leaves in one write
    /// (a view switch drew in 3-7 ms, most of it those writes).
    private static func batchOutput() {
        endwin()
        wrefresh(cnc_stdscr())
    }

    /// Home/End spellings that terminfo entries often miss (a TERM that does not quite match the
    /// terminal, e.g. xterm-256color inside tmux): without these, Home would arrive as Esc [ 1 ~ and
    /// act as "back" followed by "previous day".
    static func defineCommonKeys() {
        let keys: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
            ("\u{1B}[Z", KEY_BTAB), ("\u{1B}[3~", KEY_DC), ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE),
            ("\u{1B}OP", cnc_key_f(1)), ("\u{1B}[11~", cnc_key_f(1)),
        ]
        for (seq, code) in keys where key_defined(seq) == 0 { define_key(seq, code) }
    }

    /// ncursesw needs a UTF-8 locale to draw Chinese; under LANG=C fall back to C.UTF-8.
    static func useUTF8Locale() {
        setlocale(LC_ALL, "")
        if let cs = nl_langinfo(nl_item(CODESET)), String(cString: cs).uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    /// Restores the terminal. Safe to call more than once and before `start`.
    func stop() {
        guard started else { return }
        started = false
        if mouse { mousemask(0, nil) }
        curs_set(1)
        endwin()
        previous = nil
    }

    /// Changes the theme; the next `draw` repaints everything.
    func setTheme(_ theme: Theme) {
        self.theme = theme
        looks = [:]
        lastLook = nil
        previous = nil
    }

    /// Draws a frame, writing only the cells `FrameDiff` says changed since the previous frame.
    func draw(_ screen: Screen) {
        guard started else { return }
        let diff = FrameDiff(from: previous, to: screen)
        if diff.repaint {
            werase(cnc_stdscr())
            clearok(cnc_stdscr(), true)
        }
        for c in diff.changes {
            let l = look(c.cell.style)
            CellWriter.write(c.cell, x: c.x, y: c.y, attr: l.attr, pair: l.pair)
        }
        previous = screen
        if !diff.isEmpty {
            wnoutrefresh(cnc_stdscr())
            doupdate()
        }
    }

    private func look(_ style: Style) -> (attr: attr_t, pair: Int32) {
        // Runs of cells share a style: the last one answers without hashing.
        if let last = lastLook, last.style == style { return last.look }
        let l = lookUncached(style)
        lastLook = (style, l)
        return l
    }

    private func lookUncached(_ style: Style) -> (attr: attr_t, pair: Int32) {
        if let l = looks[style] { return l }
        let l = CellWriter.look(theme.resolve(style, depth: depth), depth: depth, pairs: &pairs)
        looks[style] = l
        return l
    }

    /// Waits up to `timeoutMillis` for input; nil on timeout or a key the app does not use.
    func readInput(timeoutMillis: Int) -> TerminalInput? {
        guard started else { return nil }
        wtimeout(cnc_stdscr(), Int32(timeoutMillis))
        var ch: wint_t = 0
        let rc = wget_wch(cnc_stdscr(), &ch)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES {
            let k = Int32(bitPattern: ch)
            if k == cnc_key_resize() {
                previous = nil            // the next frame repaints at the new size
                return .resize
            }
            if k == KEY_MOUSE { return mouseEvent() }
            return KeyDecoder.functionKey(k)
        }
        return KeyDecoder.character(UInt32(ch))
    }

    /// Same as `readInput`, under the name the Views brief uses.
    func readKey(timeoutMillis: Int) -> TerminalInput? { readInput(timeoutMillis: timeoutMillis) }

    private func mouseEvent() -> TerminalInput? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        if cnc_mouse_is_wheel_up(ev.bstate) != 0 { return .wheel(up: true) }
        if cnc_mouse_is_wheel_down(ev.bstate) != 0 { return .wheel(up: false) }
        if cnc_mouse_is_click(ev.bstate) != 0 { return .mouseClick(x: Int(ev.x), y: Int(ev.y)) }
        return nil
    }

    /// Puts text on the operator's clipboard with OSC 52 (works over SSH; wrapped for tmux/screen),
    /// written straight to the tty so it reaches the terminal even if stdout is redirected.
    func copyToClipboard(_ text: String) {
        let bytes = Array(ClipboardSequence.osc52(text, env: env.isEmpty ? ProcessInfo.processInfo.environment : env).utf8)
        let fd = open("/dev/tty", O_WRONLY | O_NOCTTY)
        let out = fd >= 0 ? fd : STDOUT_FILENO
        bytes.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(out, buf.baseAddress! + off, buf.count - off)
                if n <= 0 { break }
                off += n
            }
        }
        if fd >= 0 { close(fd) }
    }
}
