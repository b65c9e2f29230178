/// Rows of text cells laid out in columns by display width (Chinese route names take two columns a character), for
/// plain-text reports that are printed by the CLI and shown by the console alike (the daily settlement, issue 13).
public enum TextColumns {
    /// Each column as wide as its widest cell, two spaces between; columns from `rightFrom` on are right-aligned.
    public static func lay(_ rows: [[String]], rightFrom: Int) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { c in rows.map { c < $0.count ? DisplayWidth.of($0[c]) : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c >= rightFrom ? DisplayWidth.rightAlign(cell, to: widths[c]) : DisplayWidth.pad(cell, to: widths[c])
            }.joined(separator: "  ")
        }
    }
}
