/// A line edited as a shell edits one (issue 12: "forms edit like a shell line"): ←/→, Home/End and Ctrl-A/E move,
/// Backspace and Delete remove around the cursor, Ctrl-U and Ctrl-K cut to the start or end, Ctrl-W the word
/// before the cursor. Pure, so forms and tests share it.
struct LineEdit: Equatable {
    var text: [Character]
    var cursor: Int

    /// `cursor` nil is the end of the line (where typing starts when a field is focused).
    init(_ text: String, cursor: Int? = nil, limit: Int = 64) {
        self.text = Array(text)
        self.cursor = min(max(0, cursor ?? self.text.count), self.text.count)
        self.limit = limit
    }

    let limit: Int
    var value: String { String(text) }

    /// Applies a key; false when the key is not an editing key (the caller may use it).
    mutating func apply(_ key: KeyPress) -> Bool {
        switch key {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: cursor - 1); cursor -= 1
        case .delete:
            if cursor < text.count { text.remove(at: cursor) }
        case .ctrl("u"):
            text.removeSubrange(0..<cursor); cursor = 0
        case .ctrl("k"):
            text.removeSubrange(cursor..<text.count)
        case .ctrl("w"):
            var start = cursor
            while start > 0, text[start - 1] == " " { start -= 1 }
            while start > 0, text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor); cursor = start
        case .char(let c):
            guard text.count < limit else { return true }
            text.insert(c, at: cursor); cursor += 1
        default:
            return false
        }
        return true
    }
}
