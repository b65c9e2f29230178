/// A complete response; the server adds framing headers (Content-Length, Connection, Date).
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Free label for the access log (the Qimen method name); never sent on the wire.
    public var tag: String?

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], tag: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.tag = tag
    }

    public init(status: Int, contentType: String, body: [UInt8], tag: String? = nil) {
        var headers = HTTPHeaders()
        headers.add("Content-Type", contentType)
        self.init(status: status, headers: headers, body: body, tag: tag)
    }

    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
    }

    public static func json(_ status: Int = 200, _ body: [UInt8], tag: String? = nil) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "application/json;charset=utf-8", body: body, tag: tag)
    }

    /// The body as UTF-8 text (tests and diagnostics).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Standard reason phrases; anything unknown gets a generic one (clients ignore it anyway).
public enum HTTPStatus {
    public static func reason(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 415: return "Unsupported Media Type"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        case 505: return "HTTP Version Not Supported"
        default: return status < 400 ? "OK" : "Error"
        }
    }
}
