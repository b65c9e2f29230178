// One signed TOP call, ready for the wire: the ordered parameters, their signature and the
// exact form body. Built once per attempt (the timestamp changes); the business JSON and the
// idempotency key stay the same on every retry.

import Foundation

public struct TopRequest: Sendable {
    public static let contentType = "application/x-www-form-urlencoded;charset=utf-8"

    public let method: String
    /// Every parameter in send order, `sign` last.
    public let params: [(String, String)]
    public let sign: String
    /// The exact POST body.
    public let body: [UInt8]
    public let idempotencyKey: String?

    /// Signs `callback` with `config` at `timestamp`. Throws when the configuration cannot sign
    /// (no app key or secret); does not check the gateway, which only the sender needs.
    public static func build(_ callback: some TopCallback, config: TopConfig, timestamp: Date) throws -> TopRequest {
        try build(method: callback.method, paramName: callback.paramName, businessJSON: callback.businessJSON().compactText,
                  idempotencyKey: callback.idempotencyKey, config: config, timestamp: timestamp)
    }

    /// Signs a business object already encoded, byte for byte as stored in the outbox: the
    /// dispatcher must send exactly what the action committed, never a re-encoding of it.
    public static func build(method: String, paramName: String, businessJSON: String, idempotencyKey: String?,
                             config: TopConfig, timestamp: Date) throws -> TopRequest {
        guard let appKey = config.appKey else { throw TopConfigError("BUSOPS_TOP_APP_KEY is not set") }
        guard let secret = config.secret else {
            throw TopConfigError("BUSOPS_TOP_SECRET or BUSOPS_TOP_SECRET_FILE is not set")
        }
        var params: [(String, String)] = [
            ("method", method),
            ("app_key", appKey),
            ("timestamp", TopClock.format(timestamp)),
            ("v", "2.0"),
            ("sign_method", config.signMethod.rawValue),
            ("format", "json"),
        ]
        // Optional parameters are left out entirely when empty: an empty value is not signed,
        // so sending one would only confuse a verifier.
        if let session = config.session, !session.isEmpty { params.append(("session", session.revealForSigning())) }
        if config.simplify { params.append(("simplify", "true")) }
        if let partner = config.partnerId, !partner.isEmpty { params.append(("partner_id", partner)) }
        params.append((paramName, businessJSON))

        let sign = TopSigner.sign(params, secret: secret.revealForSigning(), method: config.signMethod)
        params.append(("sign", sign))
        return TopRequest(method: method, params: params, sign: sign,
                          body: FormEncoding.encodeBytes(params), idempotencyKey: idempotencyKey)
    }

    /// Parameter names whose values are credentials; they never leave this type unredacted.
    static let redactedNames: Set<String> = ["session"]

    /// The parameters as a compact JSON object, `session` replaced by `<redacted>`, for the
    /// audit trail and dead letters. The signature stays: it is not a secret and helps diagnose.
    public var redactedDescription: String {
        JSON.object(params.map { ($0.0, .string(Self.redactedNames.contains($0.0) ? "<redacted>" : $0.1)) }).compactText
    }
}

extension TopRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { redactedDescription }
    public var debugDescription: String { "TopRequest(\(redactedDescription))" }
    // `dump` and mirrors would otherwise walk into `params` and the body, which hold the session.
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method, "redacted": redactedDescription], displayStyle: .struct)
    }
}
