/// Incremental HTTP/1.x request parser over a connection's receive buffer.
///
/// The caller appends bytes to its buffer and calls `parse(_:from:)` after every read; the
/// parser remembers how far it has searched so a slowly trickling head is not rescanned
/// from the start (no quadratic work for a malicious slow client). One parser per
/// connection; after a `.request` the parser is ready for the next, pipelined request.
///
/// Framing decisions (documented in docs and tests):
/// - Only Content-Length bodies. Any Transfer-Encoding is answered 501: busops sits behind
///   nginx, which buffers request bodies and forwards them with a Content-Length, and the
///   Qimen gateway sends small JSON bodies; supporting chunked uploads would only widen the
///   request-smuggling surface.
/// - Head (request line + headers) over `maxHeadBytes` → 431; body over `maxBodyBytes` → 413,
///   decided from Content-Length before any body byte is read.
/// - Anything else malformed → 400; an HTTP version other than 1.0/1.1 → 505.
///   After any failure the connection must be closed: framing can no longer be trusted.
public struct HTTPParser: Sendable {
    public struct Limits: Sendable {
        public var maxHeadBytes: Int
        public var maxBodyBytes: Int

        public init(maxHeadBytes: Int = 16 * 1024, maxBodyBytes: Int = 1024 * 1024) {
            self.maxHeadBytes = maxHeadBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    public enum Outcome: Sendable {
        case incomplete
        case request(HTTPRequest, consumed: Int)
        case failure(status: Int, reason: String)
    }

    public var limits: Limits
    /// Bytes after `start` already searched for the end of the head.
    private var scanned = 0
    /// A head already parsed, waiting for `bodyLength` body bytes.
    private var pendingHead: HTTPRequest?
    private var headLength = 0
    private var bodyLength = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// True while a parsed head that carries `Expect: 100-continue` waits for its body.
    public var awaitingBodyWithContinue: Bool {
        guard let head = pendingHead else { return false }
        return head.version == .http11 && head.headers.hasToken("Expect", "100-continue")
    }

    /// True once the head is parsed and its body is still arriving (the body deadline runs).
    public var isReadingBody: Bool { pendingHead != nil }

    /// True when some bytes of a request have been seen (drives read vs idle timeouts).
    public var isMidRequest: Bool { pendingHead != nil || scanned > 0 }

    public mutating func reset() {
        scanned = 0
        pendingHead = nil
        headLength = 0
        bodyLength = 0
    }

    public mutating func parse(_ buffer: [UInt8], from start: Int, remoteAddress: String = "") -> Outcome {
        if pendingHead == nil {
            let available = buffer.count - start
            guard let end = findHeadEnd(buffer, from: start) else {
                if available > limits.maxHeadBytes {
                    return .failure(status: 431, reason: "request head larger than \(limits.maxHeadBytes) bytes")
                }
                return .incomplete
            }
            if end - start > limits.maxHeadBytes {
                return .failure(status: 431, reason: "request head larger than \(limits.maxHeadBytes) bytes")
            }
            switch parseHead(buffer[start..<end], remoteAddress: remoteAddress) {
            case .failure(let status, let reason):
                return .failure(status: status, reason: reason)
            case .head(let request, let length):
                if length > limits.maxBodyBytes {
                    return .failure(status: 413, reason: "body larger than \(limits.maxBodyBytes) bytes")
                }
                pendingHead = request
                headLength = end - start
                bodyLength = length
            }
        }
        guard var request = pendingHead else { return .incomplete }
        let bodyStart = start + headLength
        guard buffer.count - bodyStart >= bodyLength else { return .incomplete }
        if bodyLength > 0 {
            request.body = Array(buffer[bodyStart..<(bodyStart + bodyLength)])
        }
        let consumed = headLength + bodyLength
        reset()
        return .request(request, consumed: consumed)
    }

    /// Returns the index just past the empty line ending the head, or nil.
    /// Bare LF line ends are accepted (RFC 9112 §2.2 allows it); leading empty lines are
    /// skipped by `parseHead`.
    private mutating func findHeadEnd(_ buffer: [UInt8], from start: Int) -> Int? {
        let count = buffer.count
        let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        // Skip blank lines before the request line (robustness, RFC 9112 §2.2).
        var first = start
        while first < count, buffer[first] == cr || buffer[first] == lf { first += 1 }
        if first == count { return nil }
        var i = max(first, start + scanned - 3)
        let result: Int? = buffer.withUnsafeBufferPointer { p -> Int? in
            while i < count {
                if p[i] == lf {
                    if i + 1 < count, p[i + 1] == lf { return i + 2 }
                    if i + 2 < count, p[i + 1] == cr, p[i + 2] == lf { return i + 3 }
                }
                i += 1
            }
            return nil
        }
        scanned = max(0, count - start)
        return result
    }

    private enum HeadResult {
        case head(HTTPRequest, bodyLength: Int)
        case failure(status: Int, reason: String)
    }

    private func parseHead(_ head: ArraySlice<UInt8>, remoteAddress: String) -> HeadResult {
        var lines: [ArraySlice<UInt8>] = []
        lines.reserveCapacity(16)
        for var line in head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if lines.isEmpty && line.isEmpty { continue }  // leading blank lines
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { return .failure(status: 400, reason: "empty request") }

        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, HTTPSyntax.isToken(parts[0]), !parts[1].isEmpty,
              parts[1].allSatisfy(HTTPSyntax.isTargetByte) else {
            return .failure(status: 400, reason: "malformed request line")
        }
        let version: HTTPRequest.Version
        switch String(decoding: parts[2], as: UTF8.self) {
        case "HTTP/1.1": version = .http11
        case "HTTP/1.0": version = .http10
        case let v where v.hasPrefix("HTTP/") && v.count == 8: return .failure(status: 505, reason: "unsupported \(v)")
        default: return .failure(status: 400, reason: "malformed HTTP version")
        }
        guard let target = HTTPSyntax.originForm(String(decoding: parts[1], as: UTF8.self)) else {
            return .failure(status: 400, reason: "unsupported request target")
        }

        var headers = HTTPHeaders()
        var contentLength: Int?
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                return .failure(status: 400, reason: "header line without colon")
            }
            let name = line[line.startIndex..<colon]
            // Whitespace before the colon or an obs-fold continuation must be rejected (RFC 9112 §5).
            guard HTTPSyntax.isToken(name) else { return .failure(status: 400, reason: "malformed header name") }
            var value = line[line.index(after: colon)...]
            while let f = value.first, f == 0x20 || f == 0x09 { value = value.dropFirst() }
            while let l = value.last, l == 0x20 || l == 0x09 { value = value.dropLast() }
            guard value.allSatisfy(HTTPSyntax.isValueByte) else {
                return .failure(status: 400, reason: "control character in header value")
            }
            let nameText = String(decoding: name, as: UTF8.self)
            let valueText = String(decoding: value, as: UTF8.self)
            if HTTPHeaders.sameName(nameText, "Content-Length") {
                guard let n = HTTPSyntax.decimal(value), contentLength == nil || contentLength == n else {
                    return .failure(status: 400, reason: "invalid Content-Length")
                }
                contentLength = n
            } else if HTTPHeaders.sameName(nameText, "Transfer-Encoding") {
                return .failure(status: 501, reason: "Transfer-Encoding is not supported; send Content-Length")
            }
            headers.add(nameText, valueText)
        }
        let request = HTTPRequest(method: String(decoding: parts[0], as: UTF8.self), target: target,
                                  version: version, headers: headers, remoteAddress: remoteAddress)
        return .head(request, bodyLength: contentLength ?? 0)
    }
}
