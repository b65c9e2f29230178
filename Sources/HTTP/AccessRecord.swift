/// One line of the access log. Deliberately without query string (it carries `sign`),
/// bodies or headers: what the operator needs to see traffic, nothing a secret could hide in.
public struct AccessRecord: Sendable {
    public var method: String
    public var path: String
    public var status: Int
    public var durationMs: Double
    /// Response body bytes.
    public var bytes: Int
    /// Set by the handler through `HTTPResponse.tag` (the Qimen method name), else nil.
    public var tag: String?
    public var remoteAddress: String

    public init(method: String, path: String, status: Int, durationMs: Double, bytes: Int,
                tag: String? = nil, remoteAddress: String = "") {
        self.method = method
        self.path = path
        self.status = status
        self.durationMs = durationMs
        self.bytes = bytes
        self.tag = tag
        self.remoteAddress = remoteAddress
    }

    /// `127.0.0.1:5000 POST /qimen 200 1.25ms 87B qimen.alitrip...` — a ready-made log line.
    public var line: String {
        let ms = (durationMs * 100).rounded() / 100
        return "\(remoteAddress) \(method) \(path) \(status) \(ms)ms \(bytes)B" + (tag.map { " \($0)" } ?? "")
    }
}
