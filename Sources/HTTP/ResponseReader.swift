/// Reads one response from a client connection: status line, headers, then a body framed
/// by Content-Length, chunked coding, or connection close.
enum ResponseReader {
    static let maxHeadBytes = 64 * 1024
    static let maxBodyBytes = 64 * 1024 * 1024

    struct Result {
        var response: HTTPResponse
        /// False when the server asked to close or the body ran to end of stream.
        var reusable: Bool
    }

    static func read(from connection: ClientConnection, deadline: Int64, headRequest: Bool) throws -> Result {
        while true {
            let (status, headers, version) = try readHead(connection, deadline: deadline)
            if status >= 100 && status < 200 { continue }  // interim (100 Continue): the real one follows
            var keepAlive = version == "HTTP/1.1" ? !headers.hasToken("Connection", "close")
                                                  : headers.hasToken("Connection", "keep-alive")
            var body: [UInt8] = []
            if headRequest || status == 204 || status == 304 {
                // no body by definition
            } else if headers.hasToken("Transfer-Encoding", "chunked") {
                body = try readChunked(connection, deadline: deadline)
            } else if let lengthText = headers["Content-Length"] {
                guard let length = HTTPSyntax.decimal(lengthText.utf8), length <= maxBodyBytes else {
                    throw HTTPClientError.malformedResponse
                }
                try fill(connection, count: length, deadline: deadline)
                body = Array(connection.buffer[0..<length])
                connection.buffer.removeFirst(length)
            } else {
                while try connection.receiveMore(deadline: deadline) {
                    if connection.buffer.count > maxBodyBytes { throw HTTPClientError.malformedResponse }
                }
                body = connection.buffer
                connection.buffer = []
                keepAlive = false
            }
            return Result(response: HTTPResponse(status: status, headers: headers, body: body), reusable: keepAlive)
        }
    }

    private static func readHead(_ connection: ClientConnection, deadline: Int64) throws
        -> (Int, HTTPHeaders, String) {
        var searched = 0
        var end: Int?
        while end == nil {
            end = headEnd(connection.buffer, from: max(0, searched - 3))
            if end != nil { break }
            searched = connection.buffer.count
            if searched > maxHeadBytes { throw HTTPClientError.malformedResponse }
            guard try connection.receiveMore(deadline: deadline) else {
                throw HTTPClientError.connectionReset
            }
        }
        let headBytes = connection.buffer[0..<end!]
        connection.buffer.removeFirst(end!)
        var lines = headBytes.split(separator: UInt8(ascii: "\n")).map { line -> String in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
        lines.removeAll { $0.isEmpty }
        guard let statusLine = lines.first else { throw HTTPClientError.malformedResponse }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
              let status = Int(parts[1]) else {
            throw HTTPClientError.malformedResponse
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw HTTPClientError.malformedResponse }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].trimmingSpaces()))
        }
        return (status, headers, String(parts[0]))
    }

    private static func headEnd(_ buffer: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < buffer.count {
            if buffer[i] == UInt8(ascii: "\n") {
                if i + 1 < buffer.count, buffer[i + 1] == UInt8(ascii: "\n") { return i + 2 }
                if i + 2 < buffer.count, buffer[i + 1] == UInt8(ascii: "\r"), buffer[i + 2] == UInt8(ascii: "\n") {
                    return i + 3
                }
            }
            i += 1
        }
        return nil
    }

    private static func fill(_ connection: ClientConnection, count: Int, deadline: Int64) throws {
        while connection.buffer.count < count {
            guard try connection.receiveMore(deadline: deadline) else { throw HTTPClientError.connectionReset }
        }
    }

    /// Chunked response bodies (our own server never sends them, other servers may).
    private static func readChunked(_ connection: ClientConnection, deadline: Int64) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = try readLine(connection, deadline: deadline)
            let sizeText = line.split(separator: ";").first.map { String($0).trimmingSpaces() } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0, body.count + size <= maxBodyBytes else {
                throw HTTPClientError.malformedResponse
            }
            if size == 0 {
                while try !readLine(connection, deadline: deadline).isEmpty {}  // trailers
                return body
            }
            try fill(connection, count: size, deadline: deadline)
            body.append(contentsOf: connection.buffer[0..<size])
            connection.buffer.removeFirst(size)
            guard try readLine(connection, deadline: deadline).isEmpty else { throw HTTPClientError.malformedResponse }
        }
    }

    private static func readLine(_ connection: ClientConnection, deadline: Int64) throws -> String {
        while true {
            if let lf = connection.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var line = connection.buffer[0..<lf]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                connection.buffer.removeFirst(lf + 1)
                return text
            }
            if connection.buffer.count > maxHeadBytes { throw HTTPClientError.malformedResponse }
            guard try connection.receiveMore(deadline: deadline) else { throw HTTPClientError.connectionReset }
        }
    }
}
