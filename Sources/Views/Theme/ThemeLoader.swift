import Foundation

extension Theme {
    /// The default theme as compiled in (identical to themes/default.theme).
    public static let builtinDefault: Theme = {
        // The text is a constant checked by a test; failing to parse it is a build defect.
        try! ThemeParser.parse(BuiltinTheme.defaultText, name: "default", file: "<built-in default>")
    }()

    /// Loads `NAME.theme` from the first search path that has it (the console passes
    /// `[<repo>/themes, $XDG_CONFIG_HOME/busops/themes]`). `default` falls back to the compiled-in
    /// theme when no file is found; any other missing name, or a file with a mistake, throws a
    /// `ThemeError` naming the file and line.
    public static func load(name: String, searchPaths: [String]) throws -> Theme {
        guard !name.isEmpty, name.count <= 64,
              name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") })
        else {
            // A name is a file name, never a path: `--theme ../../etc/x` must not read anything.
            throw ThemeError(file: TerminalText.sanitize(String(name.prefix(64))), line: 0,
                             message: "a theme name uses only letters, digits, - and _")
        }
        for dir in searchPaths where !dir.isEmpty {
            let path = (dir as NSString).appendingPathComponent(name + ".theme")
            guard FileManager.default.fileExists(atPath: path) else { continue }
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8) else {
                throw ThemeError(file: path, line: 0, message: "cannot be read as UTF-8 text")
            }
            return try ThemeParser.parse(text, name: name, file: path)
        }
        if name == "default" { return builtinDefault }
        throw ThemeError(file: name + ".theme", line: 0,
                         message: "not found in " + searchPaths.filter { !$0.isEmpty }.joined(separator: ", "))
    }

    /// Theme names available in the search paths, sorted (for `--theme` help and errors).
    public static func available(searchPaths: [String]) -> [String] {
        var names: Set<String> = ["default"]
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for f in files where f.hasSuffix(".theme") { names.insert(String(f.dropLast(6))) }
        }
        return names.sorted()
    }
}
