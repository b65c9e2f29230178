import Foundation
import HTTP
import TOP

/// One handler per interface lives behind this protocol; the real ones use the Store.
/// Called only for requests whose signature and timestamp checked out.
public protocol QimenHandling: Sendable {
    func handle(_ interface: QimenInterface, body: JSON, now: Date) -> QimenResult
}

/// `HTTPRequest → HTTPResponse` for the Qimen endpoint. The order of checks is the
/// security contract: signature, then timestamp, and only then is the body parsed or any
/// handler reached. A refused request changes nothing.
public final class QimenRouter: Sendable {
    public let config: QimenConfig
    private let handler: QimenHandling
    private let clock: @Sendable () -> Date
    private let secrets: [(QimenEnvironment, Secret)]

    /// `environments` limits which secrets are accepted (e.g. `[.test]` for a self-test
    /// instance); by default every configured one, production tried first.
    public init(config: QimenConfig, handler: QimenHandling, environments: Set<QimenEnvironment>? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.config = config
        self.handler = handler
        self.clock = clock
        self.secrets = config.orderedSecrets.filter { environments?.contains($0.0) ?? true }
    }

    /// For `HTTPServer(handler:)`.
    public var httpHandler: @Sendable (HTTPRequest) -> HTTPResponse {
        { [self] request in self.respond(to: request) }
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let method = request.query("method") ?? ""
        guard request.method == "POST" else {
            var response = HTTPResponse.text(405, "Qimen requests are POST\n")
            response.headers.add("Allow", "POST")
            return response
        }
        guard let environment = secrets.first(where: { QimenSignature.verify(request, secret: $0.1) })?.0 else {
            return refuse(.signCheckFailure, method: method)
        }
        let now = clock()
        guard let stamp = request.query("timestamp"), let sent = Self.parseTimestamp(stamp),
              abs(sent.timeIntervalSince(now)) <= config.timestampWindow else {
            return refuse(.timestampExpired, method: method, environment: environment)
        }
        let body: JSON
        if request.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            body = .object([])  // an empty body is an empty query (e.g. all departure cities)
        } else {
            guard let parsed = try? JSON.parse(request.body) else {
                return refuse(.responseBodyParseError, method: method, environment: environment)
            }
            guard case .object = parsed else {
                return refuse(.paramInvalid, "request body must be a JSON object", method: method,
                              environment: environment)
            }
            body = parsed
        }
        guard let interface = config.methods.interface(forMethod: method) else {
            return refuse(.methodNotFound, "unknown method", method: method, environment: environment)
        }
        let result = handler.handle(interface, body: body, now: now)
        let code: String
        if case .failure(let failure, _) = result { code = failure.rawValue } else { code = "0" }
        return QimenEnvelope.response(result, tag: Self.tag(method, code, environment))
    }

    private func refuse(_ code: QimenErrorCode, _ description: String? = nil, method: String,
                        environment: QimenEnvironment? = nil) -> HTTPResponse {
        QimenEnvelope.response(.failure(code, description ?? code.defaultDescription),
                               tag: Self.tag(method, code.rawValue, environment))
    }

    /// Access-log tag: `method retCode [test]`. The method comes from the caller, so it is
    /// cut to a safe alphabet and length before it reaches a log line or a terminal.
    static func tag(_ method: String, _ code: String, _ environment: QimenEnvironment?) -> String {
        let safe = String(method.unicodeScalars.prefix(80).map { scalar -> Character in
            let ok = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return ok ? Character(scalar) : "?"
        })
        let name = safe.isEmpty ? "-" : safe
        return environment == .test ? "\(name) \(code) test" : "\(name) \(code)"
    }

    /// `yyyy-MM-dd HH:mm:ss` in GMT+8 (the documented form); epoch seconds or milliseconds
    /// are accepted too, since the scene's final format is not public.
    static func parseTimestamp(_ text: String) -> Date? {
        if let date = TopClock.parse(text) { return date }
        guard !text.isEmpty, text.allSatisfy(\.isASCII), let number = Int64(text), number > 0 else { return nil }
        switch text.count {
        case 10: return Date(timeIntervalSince1970: TimeInterval(number))
        case 13: return Date(timeIntervalSince1970: TimeInterval(number) / 1000)
        default: return nil
        }
    }
}
