/// Why a client request failed. The TOP dispatcher decides retry vs dead-letter from the kind,
/// so the kinds are distinct and carry no request data (never a secret or a signed URL).
public enum HTTPClientError: Error, Equatable, Sendable, CustomStringConvertible {
    case connectionRefused
    case timeout
    /// The peer reset or closed the connection before a whole response arrived.
    case connectionReset
    case malformedResponse
    case other(String)

    public var description: String {
        switch self {
        case .connectionRefused: return "connection refused"
        case .timeout: return "timed out"
        case .connectionReset: return "connection reset by peer"
        case .malformedResponse: return "malformed HTTP response"
        case .other(let reason): return reason
        }
    }
}

/// The parts of an `http://` URL the client needs.
struct HTTPEndpoint: Equatable {
    var host: String
    var port: UInt16
    /// Path and query, origin form.
    var target: String

    init(parsing url: String) throws {
        guard url.lowercased().hasPrefix("http://") else {
            throw HTTPClientError.other("only http:// URLs are supported")
        }
        let rest = url.dropFirst("http://".count)
        let split = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<split]
        var tail = String(rest[split...])
        if tail.isEmpty { tail = "/" } else if tail.hasPrefix("?") { tail = "/" + tail }
        if let fragment = tail.firstIndex(of: "#") { tail = String(tail[..<fragment]) }
        target = tail
        if let colon = authority.lastIndex(of: ":") {
            guard let p = UInt16(authority[authority.index(after: colon)...]) else {
                throw HTTPClientError.other("invalid port in URL")
            }
            host = String(authority[..<colon])
            port = p
        } else {
            host = String(authority)
            port = 80
        }
        guard !host.isEmpty else { throw HTTPClientError.other("URL without host") }
    }

    var hostHeader: String { port == 80 ? host : "\(host):\(port)" }
}
