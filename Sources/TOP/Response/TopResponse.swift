// Reading TOP answers (docs/PROTOCOL.md (TOP callbacks) "Response") and deciding retry or not
// ("Retry or not"). Pure functions: the dispatcher feeds in what came back.

public enum TopResponse {
    /// The wrapper key of an API's answer: `taobao.bus.agent.refund.confirm` →
    /// `bus_agent_refund_confirm_response`.
    public static func responseKey(for method: String) -> String {
        var name = Substring(method)
        if name.hasPrefix("taobao.") { name = name.dropFirst("taobao.".count) }
        return String(name.map { $0 == "." ? "_" : $0 }) + "_response"
    }

    /// Parses a body in any of TOP's shapes: wrapped `<api>_response`, flat (`simplify=true`),
    /// or `error_response`. Throws when the body is not JSON or matches none of them.
    public static func parse(_ body: [UInt8], method: String? = nil) throws -> TopOutcome {
        let root = try JSON.parse(body)
        guard case let .object(members) = root else { throw JSONParseError(reason: "not an object", offset: 0) }
        if let error = root["error_response"] { return try platformError(error) }
        // A flat error (simplify) has code and msg at the top level and no is_success.
        if root["is_success"] == nil, root["code"] != nil, root["msg"] != nil { return try platformError(root) }
        if root["is_success"] != nil { return try business(root) }
        if let method, let wrapped = root[responseKey(for: method)] { return try business(wrapped) }
        // Wrapped, but under another name: only trust it when it is the one and only wrapper.
        let wrappers = members.filter { $0.0.hasSuffix("_response") }
        if wrappers.count == 1, method == nil { return try business(wrappers[0].1) }
        throw JSONParseError(reason: "no \(method.map(responseKey(for:)) ?? "*_response") object", offset: 0)
    }

    private static func business(_ o: JSON) throws -> TopOutcome {
        let code = text(o["result_code"])
        let message = text(o["result_msg"])
        switch o["is_success"] {
        case .bool(true)?, .string("true")?: return .accepted(code: code, message: message)
        case .bool(false)?, .string("false")?: return .refused(code: code, message: message)
        default:
            // No verdict means we cannot know whether Fliggy acted; the operator must look.
            return .refused(code: code ?? "NO_IS_SUCCESS", message: message ?? "answer without is_success")
        }
    }

    private static func platformError(_ o: JSON) throws -> TopOutcome {
        guard let code = o["code"]?.intValue ?? o["code"]?.stringValue.flatMap({ Int($0) }) else {
            throw JSONParseError(reason: "error_response without a numeric code", offset: 0)
        }
        return .platformError(code: code, msg: text(o["msg"]) ?? "", subCode: text(o["sub_code"]), subMsg: text(o["sub_msg"]))
    }

    private static func text(_ v: JSON?) -> String? {
        switch v {
        case let .string(s)?: return s
        case let .int(i)?: return String(i)
        default: return nil
        }
    }
}
