extension ColorDepth {
    /// The colour depth to use for an environment and the terminfo `colors` count
    /// (the backend reads that after initscr; -1 or 0 when the terminal has none).
    ///
    /// `NO_COLOR` (any non-empty value, https://no-color.org) wins; `COLORTERM=truecolor|24bit`
    /// means 24-bit on a terminal whose terminfo has at least 256 colours; otherwise terminfo decides:
    /// ≥ 256 → c256 (xterm-256color, screen-256color, tmux-256color), ≥ 8 → c8 (linux console),
    /// fewer → none (vt100, dumb).
    public static func detect(env: [String: String], terminfoColors: Int) -> ColorDepth {
        if let v = env["NO_COLOR"], !v.isEmpty { return .none }
        let term = (env["TERM"] ?? "").lowercased()
        if term.isEmpty || term == "dumb" || term.hasPrefix("vt100") || term.hasPrefix("vt52") { return .none }
        if terminfoColors < 8 { return .none }
        if terminfoColors >= 256 {
            if let ct = env["COLORTERM"]?.lowercased(), ct == "truecolor" || ct == "24bit" { return .truecolor }
            return .c256
        }
        return .c8
    }
}
