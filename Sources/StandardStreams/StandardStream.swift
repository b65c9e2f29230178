import Foundation
import Glibc

/// The one way busops writes to its standard output and standard error (issue 15,
/// docs/HARDENING.md "Output that cannot be written"). Any such write may fail — a full log
/// volume (ENOSPC), a reader that went away (EPIPE), a dying disk (EIO) — and none of that
/// may crash the process or stop a service. A failed write is counted, never retried in a
/// loop; the command line turns a failed standard output into exit 1 (`Output` in Console),
/// and the services (`serve`, `dispatch`) keep going: standard error says how many lines
/// were lost on the next line that gets through, and the shutdown summary gives the totals.
///
/// Writes go straight to the descriptor with write(2), one call per text where the kernel
/// takes it whole, so lines from different threads never interleave (the access log relies
/// on that) and nothing waits in a stdio buffer that could fail unseen at exit.
public final class StandardStream: @unchecked Sendable {
    public static let output = StandardStream(fd: STDOUT_FILENO, name: "standard output", reportsLosses: false)
    public static let error = StandardStream(fd: STDERR_FILENO, name: "standard error", reportsLosses: true)

    public let fd: Int32
    public let name: String
    /// When true, the first text that gets through after lost ones is preceded by a line
    /// saying how many were lost. Only for standard error: a note in standard output would
    /// corrupt what a script reads there (JSON from `stats --json`).
    private let reportsLosses: Bool
    private let lock = NSLock()
    private var lost = 0
    private var unreported = 0
    private var lastError: Int32?

    init(fd: Int32, name: String, reportsLosses: Bool) {
        self.fd = fd
        self.name = name
        self.reportsLosses = reportsLosses
    }

    /// A write to a reader that went away fails with EPIPE instead of killing the process
    /// (SIGPIPE's default). Children started later inherit this; the ones busops starts
    /// (busops-https) ignore it themselves anyway.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` whole; false (and counted as one lost text) when it could not.
    @discardableResult
    public func write(_ text: String) -> Bool {
        var text = text
        lock.lock()
        defer { lock.unlock() }
        if reportsLosses && unreported > 0 {
            let why = lastError.map { " (" + Self.describe($0) + ")" } ?? ""
            text = "busops: \(unreported) line\(unreported == 1 ? "" : "s") lost on \(name)\(why)\n" + text
        }
        // withUTF8: no copy for a native string (the access log writes one per request).
        if let code = text.withUTF8({ writeAll(UnsafeRawBufferPointer($0)) }) {
            lastError = code
            lost += 1
            unreported += 1
            return false
        }
        unreported = 0
        return true
    }

    /// Texts lost so far (each `write` that failed counts once).
    public var lostCount: Int { lock.lock(); defer { lock.unlock() }; return lost }

    /// Why the latest failed write failed ("No space left on device"), or nil if none has.
    public var failure: String? {
        lock.lock()
        defer { lock.unlock() }
        return lastError.map(Self.describe)
    }

    /// "3 lines lost on standard error (No space left on device)", or nil when none were.
    public var lossSummary: String? {
        lock.lock()
        defer { lock.unlock() }
        guard lost > 0 else { return nil }
        return "\(lost) line\(lost == 1 ? "" : "s") lost on \(name)" + (lastError.map { " (" + Self.describe($0) + ")" } ?? "")
    }

    /// nil when every byte went out, else the errno that stopped it. EINTR and short writes
    /// are retried; a non-blocking descriptor (a terminal some other program left that way)
    /// gets up to a second to drain. Any other error ends the text: retrying a full disk in a
    /// loop would only spin, and the next text tries again anyway.
    private func writeAll(_ raw: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n > 0 { offset += n; continue }
            let code = n == 0 ? EIO : errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if poll(&p, 1, 1000) > 0 { continue }
            }
            return code
        }
        return nil
    }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}
