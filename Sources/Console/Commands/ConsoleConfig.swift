import Foundation

/// The optional config file, $XDG_CONFIG_HOME/busops/config (~/.config/busops/config): `key = value` lines.
/// Known keys: theme, mouse (on/off). Unknown keys are ignored so an older busops can read a newer file.
struct ConsoleConfig {
    var theme: String?
    var mouse = false

    static func path(env: [String: String]) -> String {
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (env["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/busops/config"
    }

    static func load(env: [String: String]) -> ConsoleConfig {
        var c = ConsoleConfig()
        guard let text = try? String(contentsOfFile: path(env: env), encoding: .utf8) else { return c }
        for line in text.split(separator: "\n") {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard !t.hasPrefix("#"), let eq = t.firstIndex(of: "=") else { continue }
            let key = t[..<eq].trimmingCharacters(in: .whitespaces)
            let value = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "theme": c.theme = value
            case "mouse": c.mouse = ["on", "true", "yes", "1"].contains(value.lowercased())
            default: continue
            }
        }
        return c
    }
}
