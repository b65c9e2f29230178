/// One terminal column: a grapheme and its semantic style. A wide character occupies two cells:
/// the left holds the grapheme with `width` 2, the right holds "" with `width` 0.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String = " ", width: UInt8 = 1, style: Style = .normal) {
        self.text = text; self.width = width; self.style = style
    }

    public static let blank = Cell()
    /// The right half of a wide character.
    public var isContinuation: Bool { width == 0 }
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    /// The rows from `top` (relative) down, `count` high.
    public func rows(_ top: Int, _ count: Int) -> Rect { Rect(x: x, y: y + top, width: width, height: min(count, height - top)) }
    public func inset(_ dx: Int, _ dy: Int) -> Rect { Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy) }
}

/// The headless frame every view renders into; the terminal backend draws it and tests compare it
/// with golden files. Everything written passes `TerminalText`, so no caller can put a raw control
/// character on the operator's terminal.
public struct Screen: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public internal(set) var cells: [Cell]

    public init(width: Int, height: Int, style: Style = .normal) {
        self.width = max(0, width); self.height = max(0, height)
        cells = Array(repeating: Cell(style: style), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
    }

    /// Writes `text` at (x, y), sanitized and width-aware, clipped to `maxWidth` columns and the
    /// screen edge. A wide character that does not fit leaves spaces, never half a character.
    /// Returns the columns used.
    @discardableResult
    public mutating func put(x: Int, y: Int, text: String, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        if TerminalText.isPrintableASCII(text) {
            guard y >= 0, y < height, x < width else { return 0 }
            return putASCII(x: x, y: y, text: text, style: style, limit: min(width, x + (maxWidth ?? width))) - x
        }
        return put(x: x, y: y, pieces: TerminalText.pieces(text), style: style, maxWidth: maxWidth, padWide: true)
    }

    /// Writes `text` padded or truncated (with `…` right after the last whole character) to exactly
    /// `columns`; escapes keep `Role.escape`.
    @discardableResult
    public mutating func put(x: Int, y: Int, text: String, style: Style = .normal, columns: Int, alignRight: Bool = false) -> Int {
        guard columns > 0 else { return 0 }
        let pieces = TerminalText.pieces(text)
        let total = pieces.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if total > columns {
            var used = put(x: x, y: y, pieces: pieces, style: style, maxWidth: columns - 1, padWide: false)
            used += put(x: x + used, y: y, pieces: [.init(text: "…", isEscape: false)], style: style, maxWidth: 1, padWide: true)
            fill(Rect(x: x + used, y: y, width: columns - used, height: 1), style: style)
        } else {
            let gap = alignRight ? columns - total : 0
            fill(Rect(x: x, y: y, width: gap, height: 1), style: style)
            let used = gap + put(x: x + gap, y: y, pieces: pieces, style: style, maxWidth: columns - gap, padWide: true)
            fill(Rect(x: x + used, y: y, width: columns - used, height: 1), style: style)
        }
        return columns
    }

    /// The writer under both `put`s. `padWide`: a wide character that does not fit leaves spaces
    /// up to the limit (true) or stops before it (false, so an ellipsis can follow directly).
    mutating func put(x: Int, y: Int, pieces: [TerminalText.Piece], style: Style, maxWidth: Int?, padWide: Bool) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for piece in pieces {
            let pieceStyle = piece.isEscape ? Style(.escape, bold: style.bold, reverse: style.reverse) : style
            if TerminalText.isPrintableASCII(piece.text) {
                col = putASCII(x: col, y: y, text: piece.text, style: pieceStyle, limit: limit)
                if col >= limit { return col - x }
                continue
            }
            for c in piece.text {
                let w = DisplayWidth.of(c)
                if w == 0 { continue }   // the sanitizer leaves no lone zero-width clusters; be safe anyway
                if col + w > limit {
                    if padWide { while col < limit { if col >= 0 { setCell(col, y, Cell(style: pieceStyle)) }; col += 1 } }
                    return col - x
                }
                if col >= 0 {
                    setCell(col, y, Cell(text: String(c), width: UInt8(w), style: pieceStyle))
                    if w == 2 { setCell(col + 1, y, Cell(text: "", width: 0, style: pieceStyle)) }
                }
                col += w
            }
        }
        return col - x
    }

    /// Writes styled spans one after another; returns the columns used. With `ellipsis`, a line
    /// that does not fit ends in `…` so the operator knows there is more.
    @discardableResult
    public mutating func put(x: Int, y: Int, spans: [TextSpan], maxWidth: Int? = nil, ellipsis: Bool = false) -> Int {
        var limit = maxWidth ?? (width - x)
        if ellipsis, limit > 1, DisplayWidth.of(TerminalText.sanitize(spans.map(\.text).joined())) > limit {
            limit -= 1
            let used = put(x: x, y: y, spans: spans, maxWidth: limit)
            return used + put(x: x + used, y: y, text: "…", style: Style(.dim))
        }
        var used = 0
        for span in spans where used < limit {
            used += put(x: x + used, y: y, text: span.text, style: span.style, maxWidth: limit - used)
        }
        return used
    }

    /// Printable ASCII from column `x` up to `limit`: a column a byte, no grapheme breaking (most of every frame
    /// is ids, times and amounts). Returns the column after the last one written.
    mutating func putASCII(x: Int, y: Int, text: String, style: Style, limit: Int) -> Int {
        var col = x
        for b in text.utf8 {
            if col >= limit { break }
            if col >= 0 { setCell(col, y, Cell(text: Screen.asciiText[Int(b)], width: 1, style: style)) }
            col += 1
        }
        return col
    }

    /// The one-character strings of ASCII, made once (a cell per byte of every ASCII run).
    static let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Blanks a rectangle with a style.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for yy in max(0, rect.y)..<min(height, rect.maxY) {
            for xx in max(0, rect.x)..<max(max(0, rect.x), min(width, rect.maxX)) {
                setCell(xx, yy, Cell(style: style))
            }
        }
    }

    /// Restyles a rectangle keeping its text (row selection, focus).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for yy in max(0, rect.y)..<min(height, rect.maxY) {
            for xx in max(0, rect.x)..<max(max(0, rect.x), min(width, rect.maxX)) {
                cells[yy * width + xx].style = style
            }
        }
    }

    /// Sets one cell, repairing any wide character it cuts in half so the frame never holds a
    /// lone half (which a terminal would draw shifted).
    mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        let old = cells[i]
        if old.isContinuation && x > 0 && cell.width != 0 {
            cells[i - 1] = Cell(style: cells[i - 1].style)
        }
        if old.width == 2 && x + 1 < width && cell.width != 2 {
            cells[i + 1] = Cell(style: cells[i + 1].style)
        }
        if cell.width == 2 && x + 1 >= width {
            cells[i] = Cell(style: cell.style)     // no room for the right half
            return
        }
        cells[i] = cell
    }

    /// The frame as text lines with trailing spaces trimmed (golden files).
    public func text() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// One letter per cell naming its role (golden files for meaning carried by style);
    /// see `StyleLetters` for the legend.
    public func styleMap() -> [String] {
        (0..<height).map { y in
            String((0..<width).map { StyleLetters.letter(cells[y * width + $0].style) })
        }
    }
}

/// A piece of text with its style, for lines mixing styles.
public struct TextSpan: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
    public init(_ text: String, _ role: Role) { self.text = text; self.style = Style(role) }
}
