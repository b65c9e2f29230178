import Foundation
import HTTP
import TOP

public enum QimenClientError: Error, Equatable, Sendable, CustomStringConvertible {
    case transport(HTTPClientError)
    case httpStatus(Int)
    case invalidResponse(String)

    public var description: String {
        switch self {
        case .transport(let error): return "Qimen request failed: \(error)"
        case .httpStatus(let status): return "Qimen endpoint answered HTTP \(status)"
        case .invalidResponse(let reason): return "Qimen endpoint answered invalid JSON: \(reason)"
        }
    }
}

/// Fliggy's side of a Qimen call, for `busops simulate` and tests: builds the common
/// parameters, signs query + body as the gateway does, POSTs, and parses the flat answer.
public final class QimenClient: Sendable {
    /// Who the calls say they come from; test values unless set otherwise.
    public struct Identity: Sendable {
        public var appKey = "12345678"
        public var customerId = "2200000000"
        public var targetAppKey = "87654321"

        public init() {}
    }

    public let url: String
    public let identity: Identity
    public let methods: QimenMethodTable
    private let secret: Secret
    private let http: HTTPClient
    private let clock: @Sendable () -> Date

    public init(url: String, secret: Secret, identity: Identity = Identity(), methods: QimenMethodTable = .defaults,
                http: HTTPClient = HTTPClient(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.url = url
        self.secret = secret
        self.identity = identity
        self.methods = methods
        self.http = http
        self.clock = clock
    }

    /// The signed query parameters (sign last) for one call; exposed for golden tests.
    public func signedQuery(method: String, body: [UInt8], at date: Date) -> [(String, String)] {
        var query: [(String, String)] = [
            ("method", method),
            ("timestamp", TopClock.format(date)),
            ("format", "json"),
            ("app_key", identity.appKey),
            ("v", "2.0"),
            ("sign_method", "md5"),
            ("customerId", identity.customerId),
            ("target_app_key", identity.targetAppKey),
        ]
        query.append(("sign", QimenSignature.sign(query: query, body: body, secret: secret)))
        return query
    }

    /// The full URL for a call: the endpoint plus the encoded, signed query.
    public func signedURL(method: String, body: [UInt8], at date: Date) -> String {
        let query = signedQuery(method: method, body: body, at: date)
            .map { "\(FormDecoding.percentEncode($0.0))=\(FormDecoding.percentEncode($0.1))" }
            .joined(separator: "&")
        return url + (url.contains("?") ? "&" : "?") + query
    }

    public func call(_ interface: QimenInterface, body: JSON, timeout: TimeInterval = 10) throws -> JSON {
        try call(method: methods.methodName(interface), bodyBytes: body.encoded(), timeout: timeout)
    }

    /// Any method name and raw body bytes (tests send unknown methods and broken JSON).
    public func call(method: String, bodyBytes: [UInt8], timeout: TimeInterval = 10) throws -> JSON {
        let body = try send(method: method, bodyBytes: bodyBytes, timeout: timeout)
        do {
            return try JSON.parse(body)
        } catch {
            throw QimenClientError.invalidResponse(String(describing: error))
        }
    }

    /// The answer's raw bytes: `busops selftest` compares the bad-signature refusal byte
    /// for byte (PROTOCOL.md §2 "Answers").
    public func send(method: String, bodyBytes: [UInt8], timeout: TimeInterval = 10) throws -> [UInt8] {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json;charset=utf-8")
        let response: HTTPResponse
        do {
            response = try http.post(url: signedURL(method: method, body: bodyBytes, at: clock()),
                                     headers: headers, body: bodyBytes, timeout: timeout)
        } catch let error as HTTPClientError {
            throw QimenClientError.transport(error)
        }
        guard response.status == 200 else { throw QimenClientError.httpStatus(response.status) }
        return response.body
    }
}
