/// One letter per role for style golden files: a reviewer reads colour meaning as text
/// (`i` = 出票成功 cells, `S` = the selected row) without a terminal.
public enum StyleLetters {
    public static func letter(_ style: Style) -> Character {
        switch style.role {
        case .normal: return "."
        case .header: return "h"
        case .tabActive: return "T"
        case .tabInactive: return "t"
        case .subHeader: return "u"
        case .columnTitle: return "C"
        case .selected: return "S"
        case .dim: return "d"
        case .status(let s):
            switch s {
            case .awaitingPayment: return "1"
            case .awaitingTicket: return "2"
            case .issued: return "3"
            case .closed: return "4"
            case .cancelled: return "5"
            case .refunding: return "9"
            case .refunded: return "0"
            }
        case .ticketStatus(let t):
            switch t {
            case .unknown: return "?"
            case .issuing: return "a"
            case .issued: return "b"
            case .noTicket: return "n"
            case .refunding: return "r"
            case .refunded: return "f"
            case .refundFailed: return "x"
            }
        case .ok: return "O"
        case .warn: return "W"
        case .error: return "E"
        case .barSold: return "#"
        case .barHeld: return "+"
        case .barLeft: return "-"
        case .statusBar: return "s"
        case .demoBadge: return "D"
        case .readOnlyBadge: return "R"
        case .pausedBadge: return "P"
        case .gatewayBadge: return "V"
        case .live: return "L"
        case .stale: return "l"
        case .dialog: return "g"
        case .dialogTitle: return "G"
        case .dialogButton: return "k"
        case .dialogButtonFocused: return "K"
        case .field: return "e"
        case .fieldFocused: return "F"
        case .key: return "y"
        case .sectionTitle: return "c"
        case .escape: return "!"
        }
    }

    /// The legend written at the top of style goldens.
    public static var legend: String {
        Role.all.map { "\(letter(Style($0)))=\($0.name)" }.joined(separator: " ")
    }
}
