// The fake gateway's record of every call: what tests assert on and what `fake-top` appends to
// a JSON-lines file. It holds no secret and no session token, only what identifies a call.

import Foundation
import StandardStreams

public struct FakeTopCall: Equatable, Sendable {
    public var time: Date
    public var method: String?
    public var idempotencyKey: String?
    public var duplicate: Bool
    public var signOK: Bool
    public var fault: FakeTopFault?
    public var status: Int
    /// error code, result code or "ok": what the caller was told.
    public var answer: String
    /// The business object as received (the method's param value), for tests that check the shape
    /// on the wire. Kept in memory only: it holds passengers' personal data, so `jsonLine` omits it.
    public var business: String? = nil

    public func jsonLine() -> String {
        var members: [(String, JSON)] = [
            ("time", .string(TopClock.format(time))),
            ("method", method.map(JSON.string) ?? .null),
            ("idempotency_key", idempotencyKey.map(JSON.string) ?? .null),
            ("duplicate", .bool(duplicate)),
            ("sign_ok", .bool(signOK)),
            ("status", .int(Int64(status))),
            ("answer", .string(answer)),
        ]
        if let fault { members.append(("fault", .string(fault.rawValue))) }
        return JSON.object(members).compactText
    }
}

/// Appends lines to a file, creating it owner-only. Failures to write are reported once on
/// stderr and otherwise ignored: the fake's answers matter more than its log.
final class JSONLinesFile: @unchecked Sendable {
    private let handle: FileHandle?
    private let lock = NSLock()

    init(path: String) {
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = FileHandle(forWritingAtPath: path)
        if handle == nil {
            StandardStream.error.write("fake-top: cannot append to \(path); calls are logged in memory only\n")
        }
        _ = try? handle?.seekToEnd()
    }

    func append(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.write(contentsOf: Data((line + "\n").utf8))
    }

    deinit { try? handle?.close() }
}
