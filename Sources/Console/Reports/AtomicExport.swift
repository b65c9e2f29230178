import Foundation

/// Writes an export (issue 13: `:export FILE`) so that no reader ever sees half a file and nothing is overwritten
/// unless asked: the bytes go to a temporary file beside the target (same directory, so the same filesystem),
/// are synced, then become the target in one step — `link` when the target must not exist (it fails if it does,
/// even if the file appeared a moment ago), `rename` when replacing was confirmed (`:export! FILE`).
/// Mode 0600: exports carry customers' (masked) names and phones, like the store itself (docs/STORE-SAFETY.md).
enum AtomicExport {
    struct Refusal: Error { let message: String }

    static func write(_ text: String, to path: String, replace: Bool) throws {
        let fm = FileManager.default
        if !replace && fm.fileExists(atPath: path) {
            throw Refusal(message: "\(path) exists; :export! \(path) replaces it")
        }
        let dir = (path as NSString).deletingLastPathComponent
        let temp = (dir.isEmpty ? "." : dir) + "/.busops-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Refusal(message: "cannot write in \(dir.isEmpty ? "." : dir): \(String(cString: strerror(errno)))") }
        defer { unlink(temp) }   // after a link, the target keeps the data; after a rename, nothing is left to remove
        let bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { close(fd); throw Refusal(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
            done += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else { throw Refusal(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        if replace {
            guard rename(temp, path) == 0 else { throw Refusal(message: "cannot replace \(path): \(String(cString: strerror(errno)))") }
        } else if link(temp, path) != 0 {
            let e = errno
            throw Refusal(message: e == EEXIST ? "\(path) exists; :export! \(path) replaces it" : "cannot write \(path): \(String(cString: strerror(e)))")
        }
    }
}
