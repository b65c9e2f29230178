import CNCurses
import Glibc
import Views

/// Puts one cell into the curses window as a wide character with its attributes and colour pair.
enum CellWriter {
    /// Curses attributes and colour pair for a resolved style (cached per style by the terminal).
    static func look(_ r: ResolvedStyle, depth: ColorDepth, pairs: inout ColorPairs) -> (attr: attr_t, pair: Int32) {
        var attr: attr_t = 0
        if r.attributes.contains(.bold) { attr |= cnc_a_bold() }
        if r.attributes.contains(.reverse) { attr |= cnc_a_reverse() }
        if r.attributes.contains(.underline) { attr |= cnc_a_underline() }
        if r.attributes.contains(.dim) { attr |= cnc_a_dim() }
        return (attr, depth == .none ? 0 : pairs.pair(fg: r.fg, bg: r.bg))
    }

    static func write(_ cell: Cell, x: Int, y: Int, attr: attr_t, pair: Int32) {
        var pair = pair
        // Most cells are one ASCII byte (the screen holds no controls): no arrays, no width lookup.
        if cell.text.utf8.count == 1, let b = cell.text.utf8.first {
            var cc = cchar_t()
            var chars: (wchar_t, wchar_t) = (wchar_t(b), 0)
            withUnsafePointer(to: &chars) { p in
                p.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&cc, $0, attr, 0, &pair) }
            }
            mvadd_wch(Int32(y), Int32(x), &cc)
            return
        }
        let (wide, pad) = drawable(cell)
        var cc = cchar_t()
        var chars = wide + [0]
        // The pair goes through `opts` (an int) so pairs above 32767 and direct colours work.
        _ = setcchar(&cc, &chars, attr, 0, &pair)
        mvadd_wch(Int32(y), Int32(x), &cc)
        if pad {
            var space = cchar_t()
            var s: [wchar_t] = [32, 0]
            _ = setcchar(&space, &s, attr, 0, &pair)
            mvadd_wch(Int32(y), Int32(x + 1), &space)
        }
    }

    /// The wide characters to hand curses for a cell, and whether a space must follow. Curses moves
    /// by the C library's wcwidth; where that disagrees with our width (new emoji, ZWJ sequences)
    /// we draw something of the width we laid out, so columns to the right never shift.
    static func drawable(_ cell: Cell) -> (chars: [wchar_t], padAfter: Bool) {
        let scalars = Array(cell.text.unicodeScalars)
        guard let first = scalars.first else { return ([32], false) }
        let firstWidth = Int(cnc_wcwidth(first.value))
        // Combining marks ride along (curses holds up to CCHARW_MAX - 1 of them); anything else after
        // the first character (joiners, further emoji) is dropped.
        var chars: [wchar_t] = [wchar_t(bitPattern: first.value)]
        for s in scalars.dropFirst() where chars.count < 5 && cnc_wcwidth(s.value) == 0 && s.value != 0x200D {
            chars.append(wchar_t(bitPattern: s.value))
        }
        if firstWidth == Int(cell.width) { return (chars, false) }
        if firstWidth == 1 && cell.width == 2 { return (chars, true) }     // e.g. ❤️ drawn as ❤ plus a space
        return (cell.width == 2 ? [0xFF1F] : [0x3F], false)                // ？ or ?
    }
}
