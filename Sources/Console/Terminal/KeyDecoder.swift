import CNCurses

/// ncurses key codes and characters → `TerminalInput`. Kept apart from the drawing code so the
/// mapping reads as one table.
enum KeyDecoder {
    /// A `KEY_*` code from `get_wch` returning `KEY_CODE_YES`. Mouse and resize are handled by the caller.
    static func functionKey(_ k: Int32) -> TerminalInput? {
        switch k {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME, KEY_FIND, KEY_A1: return .key(.home)       // FIND/A1: Home on vt220-style keypads
        case KEY_END, KEY_SELECT, KEY_C1: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case cnc_key_f(1): return .key(.f1)
        default: return nil
        }
    }

    /// A character from `get_wch` returning `OK`: control characters become named keys.
    static func character(_ c: UInt32) -> TerminalInput? {
        switch c {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(c + 96)!)))
        case 0, 28...31: return nil
        case 0x80...0x9F: return nil                                  // C1 controls are never input
        default:
            guard let s = Unicode.Scalar(c) else { return nil }
            return .key(.char(Character(s)))
        }
    }
}
