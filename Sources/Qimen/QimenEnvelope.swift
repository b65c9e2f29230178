import HTTP
import TOP

/// The retCodes busops answers with (docs/PROTOCOL.md (Qimen)), plus `method-not-found`.
public enum QimenErrorCode: String, Sendable, CaseIterable {
    case signCheckFailure = "sign-check-failure"
    case timestampExpired = "timestamp-expired"
    case responseBodyParseError = "response-body-parse-error"
    case paramInvalid = "param-invalid"
    case methodNotFound = "method-not-found"
    case scheduleNotFound = "schedule-not-found"
    case scheduleStopped = "schedule-stopped"
    case seatsInsufficient = "seats-insufficient"
    case priceChanged = "price-changed"
    case startTimeChanged = "start-time-changed"
    case orderNotFound = "order-not-found"
    case orderStateInvalid = "order-state-invalid"
    case refundNotAllowed = "refund-not-allowed"
    case internalError = "internal-error"

    /// The retDesc used when a handler gives none. "Illegal request" is what Fliggy's
    /// own sample answers for a bad signature; it says nothing about why, on purpose.
    public var defaultDescription: String {
        switch self {
        case .signCheckFailure: return "Illegal request"
        case .timestampExpired: return "timestamp outside the allowed window"
        case .responseBodyParseError: return "request body is not valid JSON"
        case .paramInvalid: return "invalid parameter"
        case .methodNotFound: return "unknown method"
        case .scheduleNotFound: return "schedule not found"
        case .scheduleStopped: return "schedule stopped"
        case .seatsInsufficient: return "not enough seats left"
        case .priceChanged: return "price changed"
        case .startTimeChanged: return "departure time changed"
        case .orderNotFound: return "order not found"
        case .orderStateInvalid: return "order state does not allow this"
        case .refundNotAllowed: return "refund not allowed"
        case .internalError: return "internal error"
        }
    }
}

/// What a handler answers: payload fields for success, or a code and a reason.
public enum QimenResult: Sendable, Equatable {
    case success([(String, JSON)])
    case failure(QimenErrorCode, String)

    public static func failure(_ code: QimenErrorCode) -> QimenResult {
        .failure(code, code.defaultDescription)
    }

    public static func == (lhs: QimenResult, rhs: QimenResult) -> Bool {
        switch (lhs, rhs) {
        case let (.success(a), .success(b)): return JSON.object(a) == JSON.object(b)
        case let (.failure(c1, d1), .failure(c2, d2)): return c1 == c2 && d1 == d2
        default: return false
        }
    }
}

/// Flat Qimen response bodies: `{"success":true,"retCode":"0","retDesc":"成功", ...payload}`.
public enum QimenEnvelope {
    public static func body(_ result: QimenResult) -> JSON {
        switch result {
        case .success(let payload):
            // The envelope's own keys win: a payload cannot fake success or a retCode.
            let reserved: Set<String> = ["success", "retCode", "retDesc"]
            return .object([("success", .bool(true)), ("retCode", "0"), ("retDesc", "成功")]
                + payload.filter { !reserved.contains($0.0) })
        case .failure(let code, let description):
            return .object([("success", .bool(false)), ("retCode", .string(code.rawValue)),
                            ("retDesc", .string(description))])
        }
    }

    /// Always HTTP 200: the gateway reads `success` / `retCode`, not the status line.
    public static func response(_ result: QimenResult, tag: String? = nil) -> HTTPResponse {
        if case .failure(.signCheckFailure, _) = result { return .json(200, Array(signCheckFailureBody.utf8), tag: tag) }
        return .json(200, body(result).encoded(), tag: tag)
    }

    /// A bad or missing sign is answered as every public page prints it, `success` a String included
    /// (docs/PROTOCOL.md (Qimen) "Answers": sent byte for byte).
    public static let signCheckFailureBody = #"{"retDesc":"Illegal request","success":"false","retCode":"sign-check-failure"}"#
}
