// The bodies a TOP gateway answers with, in its JSON shapes (docs/PROTOCOL.md (TOP callbacks) "Response").

enum FakeTopReplies {
    static func error(_ code: Int, _ msg: String, subCode: String? = nil, subMsg: String? = nil, requestId: String) -> [UInt8] {
        var o: [(String, JSON)] = [("code", .int(Int64(code))), ("msg", .string(msg))]
        if let subCode { o.append(("sub_code", .string(subCode))) }
        if let subMsg { o.append(("sub_msg", .string(subMsg))) }
        o.append(("request_id", .string(requestId)))
        return JSON.object([("error_response", .object(o))]).encoded()
    }

    static func business(method: String, success: Bool, code: String, message: String, simplify: Bool, requestId: String) -> [UInt8] {
        let fields: [(String, JSON)] = [
            ("is_success", .bool(success)),
            ("result_code", .string(code)),
            ("result_msg", .string(message)),
            ("request_id", .string(requestId)),
        ]
        if simplify { return JSON.object(fields).encoded() }
        return JSON.object([(TopResponse.responseKey(for: method), .object(fields))]).encoded()
    }

    /// A real answer cut short, as a proxy or a crash mid-write would leave it.
    static func malformed(method: String, requestId: String) -> [UInt8] {
        let whole = business(method: method, success: true, code: "SUCCESS", message: "ok", simplify: false, requestId: requestId)
        return Array(whole.prefix(whole.count / 2))
    }

    static let internalError = Array("<html><body>500 Internal Server Error</body></html>".utf8)
}
