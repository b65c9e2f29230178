// Reading a secret from a file, refusing files that other users could read: a secret in a
// world-readable file is already leaked, and failing loudly is the only useful answer.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum SecretFile {
    /// The file's content with trailing newlines trimmed. `variable` names the setting in errors.
    public static func read(_ path: String, variable: String) throws -> Secret {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw TopConfigError("\(variable) \(path): cannot read (\(String(cString: strerror(errno))))")
        }
        // Kind before mode: a directory's 0755 is no reason to tell the operator to chmod it.
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw TopConfigError("\(variable) \(path) is not a regular file")
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw TopConfigError(
                "\(variable) \(path) has mode \(octal(mode)); it must be 0600 or stricter (chmod 600 \(path))")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TopConfigError("\(variable) \(path): cannot read")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw TopConfigError("\(variable) \(path) is not UTF-8 text")
        }
        while text.hasSuffix("\n") || text.hasSuffix("\r") || text.hasSuffix("\r\n") { text.removeLast() }
        if text.isEmpty { throw TopConfigError("\(variable) \(path) is empty") }
        return Secret(text)
    }

    static func octal(_ mode: mode_t) -> String {
        let s = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
