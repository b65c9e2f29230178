import CNCurses
import Views

/// ncurses colour pairs, allocated on first use for each distinct (fg, bg); a frame needs a few dozen.
struct ColorPairs {
    private var pairs: [Int64: Int32] = [:]
    private var next: Int32 = 1
    private let limit: Int32
    /// The terminal takes 24-bit values as colour numbers (terminfo `RGB`, e.g. TERM=xterm-direct).
    private let direct: Bool

    init(limit: Int, direct: Bool) {
        self.limit = Int32(clamping: limit)
        self.direct = direct
    }

    /// The ncurses colour number for a resolved colour; -1 is the terminal's default.
    func number(_ c: ThemeColor) -> Int32 {
        switch c {
        case .terminalDefault: return -1
        case .index(let i): return Int32(i)
        case .rgb(let r, let g, let b):
            // RGB reaches the terminal as-is only on direct-colour terminals; elsewhere the nearest of 256.
            return direct ? Int32(r) << 16 | Int32(g) << 8 | Int32(b) : Int32(XtermPalette.nearest256(r, g, b))
        }
    }

    /// The pair for (fg, bg); 0 (terminal default colours) when both are default or pairs run out.
    mutating func pair(fg: ThemeColor, bg: ThemeColor) -> Int32 {
        let f = number(fg), b = number(bg)
        if f == -1 && b == -1 { return 0 }
        let key = Int64(f) << 32 | Int64(UInt32(bitPattern: b))
        if let p = pairs[key] { return p }
        guard next < limit else { return 0 }
        guard init_extended_pair(next, f, b) == OK else { return 0 }
        pairs[key] = next
        next += 1
        return next - 1
    }
}
