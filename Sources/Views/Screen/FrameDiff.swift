/// What a terminal backend must write to turn the frame on the terminal into the next one: only the cells that
/// changed (an identical frame writes nothing, so an idle console sends zero bytes), everything after a resize.
/// Pure, so the diff is tested without a terminal (docs/ARCHITECTURE.md "Terminal backends").
public struct FrameDiff: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public var x: Int, y: Int
        public var cell: Cell
    }

    /// The whole screen is cleared and written (first frame, or the size changed).
    public var repaint: Bool
    public var changes: [Change]

    public init(from previous: Screen?, to next: Screen) {
        repaint = previous == nil || previous!.width != next.width || previous!.height != next.height
        let before = repaint ? nil : previous
        var out: [Change] = []
        for y in 0..<next.height {
            var x = 0
            while x < next.width {
                let cell = next[x, y]
                let w = max(1, Int(cell.width))
                defer { x += w }
                if cell.isContinuation { continue }
                // A wide cell is rewritten when either of its columns changed underneath.
                if let p = before, p[x, y] == cell, w == 1 || (x + 1 < next.width && p[x + 1, y] == next[x + 1, y]) { continue }
                out.append(Change(x: x, y: y, cell: cell))
            }
        }
        changes = out
    }

    /// Nothing to write.
    public var isEmpty: Bool { !repaint && changes.isEmpty }

    /// What a terminal showing `screen` shows after this diff is written (a wide cell covers its right half too).
    public func apply(to screen: inout Screen, from next: Screen) {
        if repaint { screen = Screen(width: next.width, height: next.height) }
        for c in changes {
            screen.cells[c.y * screen.width + c.x] = c.cell
            if c.cell.width == 2, c.x + 1 < screen.width { screen.cells[c.y * screen.width + c.x + 1] = next[c.x + 1, c.y] }
        }
    }
}
