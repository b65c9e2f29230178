/// One parsed request, handed to the handler by value.
public struct HTTPRequest: Sendable {
    public enum Version: Sendable, Equatable {
        case http10, http11

        public var text: String { self == .http10 ? "HTTP/1.0" : "HTTP/1.1" }
    }

    public var method: String
    /// The request target exactly as sent (path plus `?query`), for diagnostics only:
    /// it carries `sign`, so never log it.
    public var target: String
    /// The path part of the target, still percent-encoded.
    public var path: String
    /// Everything after the first `?`, undecoded (signatures need the raw form too).
    public var rawQuery: String
    /// Query items decoded form-style: `+` is a space, a key without value is "".
    public var queryItems: [(name: String, value: String)]
    public var version: Version
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Peer address ("127.0.0.1:53422"); the proxy's address when behind nginx.
    public var remoteAddress: String

    public init(method: String, target: String, version: Version = .http11,
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], remoteAddress: String = "") {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        if let q = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            path = String(target[..<q])
            rawQuery = String(target[target.index(after: q)...])
            queryItems = FormDecoding.decode(rawQuery)
        } else {
            path = target
            rawQuery = ""
            queryItems = []
        }
    }

    /// The first decoded value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// HTTP/1.1 keeps the connection unless told `close`; HTTP/1.0 closes unless told `keep-alive`.
    public var wantsKeepAlive: Bool {
        switch version {
        case .http11: return !headers.hasToken("Connection", "close")
        case .http10: return headers.hasToken("Connection", "keep-alive")
        }
    }
}
