import Foundation

/// OSC 52 ("set clipboard"), which terminals honour over SSH too. Kept here, pure, so it is tested
/// without a terminal; the backend writes the result to the tty.
public enum ClipboardSequence {
    /// The bytes that put `text` on the clipboard. Inside tmux the plain sequence (taken by tmux when
    /// `set-clipboard on`) is followed by a DCS passthrough copy (reaches the outer terminal when
    /// `allow-passthrough on`); inside GNU screen only the DCS form gets through.
    /// Only `ClipboardText.field(text)` is copied: what reaches the clipboard is always one printable line.
    public static func osc52(_ text: String, env: [String: String]) -> String {
        let plain = "\u{1B}]52;c;" + Data(ClipboardText.field(text).utf8).base64EncodedString() + "\u{07}"
        if let tmux = env["TMUX"], !tmux.isEmpty {
            return plain + "\u{1B}Ptmux;" + plain.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        }
        if let sty = env["STY"], !sty.isEmpty {
            return "\u{1B}P" + plain + "\u{1B}\\"
        }
        return plain
    }
}
