import TOP

/// docs/PROTOCOL.md (Qimen) "Answers (every interface)": one flat object with `retCode` String (`"0"`
/// = success), `retDesc` String and `success` Boolean, the interface's fields beside them.
enum AnswerEnvelope {
    /// Lines for the three envelope fields of an answer the self-test expected to succeed.
    static func check(_ code: String, _ answer: JSON) -> [SelftestLine] {
        guard case .object = answer else {
            return [.fail(code, "answer", "expected a JSON object, got \(JSONDescription.describe(answer))")]
        }
        if answer["retCode"]?.stringValue == "sign-check-failure" {
            // The published refusal (success a String by design): one line that says what to fix,
            // not three that blame the endpoint's types.
            return [.fail(code, "signature", "refused (sign-check-failure): serve checks another secret than selftest's "
                + "(BUSOPS_QIMEN_SECRET[_FILE], --secret-file, --env) or the request changed on the way; see --explain-sign")]
        }
        var lines: [SelftestLine] = []
        switch answer["retCode"] {
        case .string("0")?: lines.append(.ok(code, "retCode", "String \"0\""))
        case .string(let other)?:
            let reason = answer["retDesc"]?.stringValue.map { " (\($0))" } ?? ""
            lines.append(.fail(code, "retCode", "expected \"0\", got \"\(other)\"\(reason)"))
        case let value?: lines.append(.fail(code, "retCode", "expected String, got \(JSONDescription.describe(value))"))
        case nil: lines.append(.fail(code, "retCode", "missing"))
        }
        switch answer["retDesc"] {
        case .string?: lines.append(.ok(code, "retDesc", "String"))
        case let value?: lines.append(.fail(code, "retDesc", "expected String, got \(JSONDescription.describe(value))"))
        case nil: lines.append(.fail(code, "retDesc", "missing"))
        }
        switch answer["success"] {
        case .bool(true)?: lines.append(.ok(code, "success", "Boolean true"))
        case .bool(false)?: lines.append(.fail(code, "success", "expected true, got false"))
        case let value?: lines.append(.fail(code, "success", "expected Boolean, got \(JSONDescription.describe(value))"))
        case nil: lines.append(.fail(code, "success", "missing"))
        }
        return lines
    }

    /// True when the answer says success in the published types (the fields are then worth checking).
    static func succeeded(_ answer: JSON) -> Bool {
        answer["retCode"]?.stringValue == "0" && answer["success"]?.boolValue == true
    }

    /// The byte-for-byte refusal every page prints for a bad signature (`success` a String).
    static let signRefusal = #"{"retDesc":"Illegal request","success":"false","retCode":"sign-check-failure"}"#
}
