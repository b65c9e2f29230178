import Foundation

/// A small blocking HTTP/1.1 client for `http://` URLs: loopback tests, the fake TOP
/// gateway and the Qimen simulator. One kept-alive connection per instance, reused while
/// requests go to the same host and port; requests on one instance are serialized.
public final class HTTPClient: @unchecked Sendable {
    private let lock = Lock()
    private var connection: ClientConnection?
    private let connectTimeout: TimeInterval

    public init(connectTimeout: TimeInterval = 5) {
        self.connectTimeout = connectTimeout
    }

    public func post(url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8],
                     timeout: TimeInterval = 10) throws -> HTTPResponse {
        try send(method: "POST", url: url, headers: headers, body: body, timeout: timeout)
    }

    public func get(url: String, headers: HTTPHeaders = HTTPHeaders(), timeout: TimeInterval = 10) throws
        -> HTTPResponse {
        try send(method: "GET", url: url, headers: headers, body: [], timeout: timeout)
    }

    /// Sends one request and waits for its response; `timeout` bounds the whole exchange.
    /// Throws `HTTPClientError` only.
    public func send(method: String, url: String, headers: HTTPHeaders, body: [UInt8],
                     timeout: TimeInterval) throws -> HTTPResponse {
        let endpoint = try HTTPEndpoint(parsing: url)
        let deadline = Socket.nowMillis() + Int64(timeout * 1000)
        let request = Self.encode(method: method, endpoint: endpoint, headers: headers, body: body)
        return try lock.withLock {
            let reused = reusableConnection(for: endpoint)
            do {
                return try exchange(request, endpoint: endpoint, existing: reused, deadline: deadline,
                                    headRequest: method == "HEAD")
            } catch HTTPClientError.connectionReset where reused.map({ $0.receivedSinceSend == 0 }) ?? false {
                // The server may close an idle kept-alive connection just as we reuse it;
                // nothing of the response arrived, so one retry on a fresh connection is safe.
                return try exchange(request, endpoint: endpoint, existing: nil, deadline: deadline,
                                    headRequest: method == "HEAD")
            }
        }
    }

    /// Drops the kept-alive connection.
    public func close() {
        lock.withLock { connection = nil }
    }

    private func reusableConnection(for endpoint: HTTPEndpoint) -> ClientConnection? {
        guard let existing = connection else { return nil }
        if existing.endpoint.host == endpoint.host && existing.endpoint.port == endpoint.port
            && existing.buffer.isEmpty && !existing.looksStale {
            return existing
        }
        connection = nil
        return nil
    }

    private func exchange(_ request: [UInt8], endpoint: HTTPEndpoint, existing: ClientConnection?,
                          deadline: Int64, headRequest: Bool) throws -> HTTPResponse {
        connection = nil
        let conn: ClientConnection
        if let existing {
            conn = existing
        } else {
            let connectDeadline = min(deadline, Socket.nowMillis() + Int64(connectTimeout * 1000))
            conn = try ClientConnection.open(host: endpoint.host, port: endpoint.port, deadline: connectDeadline)
        }
        try conn.sendAll(request, deadline: deadline)
        let result = try ResponseReader.read(from: conn, deadline: deadline, headRequest: headRequest)
        if result.reusable { connection = conn }
        return result.response
    }

    static func encode(method: String, endpoint: HTTPEndpoint, headers: HTTPHeaders, body: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + body.count)
        out.append(contentsOf: "\(method) \(endpoint.target) HTTP/1.1\r\n".utf8)
        if !headers.contains("Host") { out.append(contentsOf: "Host: \(endpoint.hostHeader)\r\n".utf8) }
        for field in headers where !HTTPHeaders.sameName(field.name, "Content-Length") {
            out.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
        }
        if !body.isEmpty || method == "POST" || method == "PUT" {
            out.append(contentsOf: "Content-Length: \(body.count)\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }
}
