import Foundation
import HTTP
import TOP

/// Qimen request signatures, docs/PROTOCOL.md (Qimen) "Verifying the signature":
/// MD5(secret + sorted key/value pairs + raw body + secret), upper-case hex.
///
/// Unlike TOP signing, empty values are kept and the raw body is part of the digest, so
/// this cannot reuse `TopSigner`. The pairs come from the query string (form-decoded),
/// the headers named in `top-sign-list`, and the fields of a form-encoded body.
public enum QimenSignature {
    /// The pairs that enter the signature, `sign` excluded, first occurrence of a key wins
    /// (the gateway's servlet reads parameters into a map the same way).
    public static func parameters(query: [(name: String, value: String)], headers: HTTPHeaders,
                                  formFields: [(name: String, value: String)]) -> [(String, String)] {
        var seen = Set<String>()
        var pairs: [(String, String)] = []
        func add(_ key: String, _ value: String) {
            guard key != "sign", seen.insert(key).inserted else { return }
            pairs.append((key, value))
        }
        for item in query { add(item.name, item.value) }
        if let list = headers["top-sign-list"] {
            for rawName in list.split(separator: ",") {
                let name = String(rawName.trimmingCharacters(in: .whitespaces))
                guard !name.isEmpty else { continue }
                // A listed header that is missing signs as the empty value.
                add(name, FormDecoding.percentDecode(Array((headers[name] ?? "").utf8)))
            }
        }
        for field in formFields { add(field.name, field.value) }
        return pairs
    }

    /// The signed text without the secret: sorted `keyvalue...` then the body (if signed).
    /// Holds no secret, so it may be shown when diagnosing a mismatch.
    public static func signingBytes(_ pairs: [(String, String)], body: [UInt8]) -> [UInt8] {
        let sorted = sortedBytes(pairs)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + sorted.reduce(0) { $0 + $1.0.count + $1.1.count })
        for (key, value) in sorted {
            out.append(contentsOf: key)
            out.append(contentsOf: value)
        }
        out.append(contentsOf: body)
        return out
    }

    /// The canonical string of §2 step 2 (`key+value`, sorted, `sign` already dropped), without
    /// the body: what `busops selftest --explain-sign` shows.
    public static func canonicalString(_ pairs: [(String, String)]) -> String {
        String(decoding: signingBytes(pairs, body: []), as: UTF8.self)
    }

    /// The pairs in signing order: by key, byte order, not String order (keys are unique
    /// once `parameters` has kept the first of each).
    public static func sorted(_ pairs: [(String, String)]) -> [(String, String)] {
        sortedBytes(pairs).map { (String(decoding: $0.0, as: UTF8.self), String(decoding: $0.1, as: UTF8.self)) }
    }

    private static func sortedBytes(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
        pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }  // byte order, not String order
    }

    /// Upper-case hex MD5 over secret + pairs + body + secret.
    public static func sign(_ pairs: [(String, String)], body: [UInt8], secret: Secret) -> String {
        let key = Array(secret.revealForSigning().utf8)
        var hash = MD5()
        hash.update(key)
        hash.update(signingBytes(pairs, body: body))
        hash.update(key)
        return Digest.hexUpper(hash.finalize())
    }

    /// Signs what a client is about to send: query pairs and a JSON (or text) body.
    public static func sign(query: [(String, String)], body: [UInt8], secret: Secret) -> String {
        sign(query.filter { $0.0 != "sign" }, body: body, secret: secret)
    }

    /// Checks a received request against one secret (constant-time on the hex digest).
    public static func verify(_ request: HTTPRequest, secret: Secret) -> Bool {
        guard !secret.isEmpty, let given = request.query("sign"), !given.isEmpty else { return false }
        let form = isFormBody(request.headers["Content-Type"])
        let pairs = parameters(query: request.queryItems, headers: request.headers,
                               formFields: form ? FormDecoding.decode(request.body) : [])
        let expected = sign(pairs, body: form ? [] : request.body, secret: secret)
        return Digest.constantTimeEqual(Array(expected.utf8), Array(given.uppercased().utf8))
    }

    /// Form bodies are signed field by field; JSON, XML and text bodies as raw bytes.
    static func isFormBody(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        return contentType.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }
}
