/// How many colours the terminal can show. Detected by the backend (NO_COLOR, COLORTERM, terminfo).
public enum ColorDepth: String, CaseIterable, Sendable {
    case truecolor, c256, c8, none
}

/// A colour as a theme file writes it: the terminal's own default, a palette index (0–7 the eight
/// names, 8–15 their bright forms, 16–255 the xterm cube and greys), or 24-bit RGB.
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    case index(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// The colour to use at a depth: RGB becomes the nearest xterm-256 entry at 256 colours and the
    /// nearest of the eight at 8 (chosen by hue, so a dark grey background stays black and a teal
    /// stays cyan); `.none` has no colours at all.
    public func degraded(to depth: ColorDepth) -> ThemeColor {
        switch (self, depth) {
        case (_, .none): return .terminalDefault
        case (.terminalDefault, _): return self
        case (_, .truecolor): return self
        case (.index(let i), .c256): return .index(i)
        case (.rgb(let r, let g, let b), .c256): return .index(XtermPalette.nearest256(r, g, b))
        case (.index(let i), .c8):
            if i < 16 { return .index(i % 8) }
            let (r, g, b) = XtermPalette.rgb(i)
            return .index(XtermPalette.nearest8(r, g, b))
        case (.rgb(let r, let g, let b), .c8): return .index(XtermPalette.nearest8(Int(r), Int(g), Int(b)))
        }
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `#rrggbb`, `0`–`255`, a colour name, `bright-NAME`, or `default`.
    public static func parse(_ token: String) -> ThemeColor? {
        let t = token.lowercased()
        if t == "default" || t == "-" { return .terminalDefault }
        if let i = names.firstIndex(of: t) { return .index(i) }
        if t.hasPrefix("bright-"), let i = names.firstIndex(of: String(t.dropFirst(7))) { return .index(i + 8) }
        if let n = Int(t), (0...255).contains(n), t.allSatisfy(\.isASCII) { return .index(n) }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        }
        return nil
    }
}

/// The xterm palette, used to degrade colours without asking the terminal.
public enum XtermPalette {
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]
    static let system: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value of a palette index.
    public static func rgb(_ index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return system[index]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[i / 6 % 6], cubeLevels[i % 6])
        default:
            let v = 8 + 10 * (min(index, 255) - 232)
            return (v, v, v)
        }
    }

    /// Nearest entry of the cube or grey ramp (16–255); the first sixteen vary by terminal, so avoid them.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        let (ri, gi, bi) = (Int(r), Int(g), Int(b))
        func level(_ v: Int) -> Int { cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }! }
        let cube = 16 + 36 * level(ri) + 6 * level(gi) + level(bi)
        let avg = (ri + gi + bi) / 3
        let grey = 232 + min(23, max(0, (avg - 3) / 10))
        func dist(_ i: Int) -> Int {
            let (pr, pg, pb) = rgb(i)
            return (pr - ri) * (pr - ri) + (pg - gi) * (pg - gi) + (pb - bi) * (pb - bi)
        }
        return dist(grey) < dist(cube) ? grey : cube
    }

    /// Nearest of the eight basic colours by hue: greys go to black or white by brightness, and each
    /// channel at least half as strong as the strongest turns its bit on.
    public static func nearest8(_ r: Int, _ g: Int, _ b: Int) -> Int {
        let c = [r, g, b]
        let hi = c.max()!, lo = c.min()!
        if hi - lo < 48 || hi < 64 { return (c[0] * 3 + c[1] * 6 + c[2]) / 10 < 96 ? 0 : 7 }
        var index = 0
        for (bit, v) in c.enumerated() where v * 2 >= hi + lo { index |= 1 << bit }
        return index
    }
}
