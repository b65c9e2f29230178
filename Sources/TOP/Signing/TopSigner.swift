// TOP request signing, docs/PROTOCOL.md (TOP callbacks) "Signing". The gateway recomputes this over the
// parameters it received, so every byte (order, encoding, empty values) must match.

public enum SignMethod: String, Sendable, CaseIterable {
    case md5
    case hmac
    case hmacSHA256 = "hmac-sha256"
}

public enum TopSigner {
    /// Upper-case hex signature of `params` (the `sign` parameter itself is ignored).
    public static func sign(_ params: [(String, String)], secret: String, method: SignMethod) -> String {
        let text = signingBytes(params)
        let key = Array(secret.utf8)
        let digest: [UInt8]
        switch method {
        case .md5:
            var h = MD5()
            h.update(key)
            h.update(text)
            h.update(key)
            digest = h.finalize()
        case .hmac:
            digest = Digest.hmacMD5(key: key, message: text)
        case .hmacSHA256:
            digest = Digest.hmacSHA256(key: key, message: text)
        }
        return Digest.hexUpper(digest)
    }

    /// `key1value1key2value2...` over the sorted, non-empty parameters other than `sign`.
    /// Exposed so a signature mismatch can be diagnosed by comparing this text (it holds no secret).
    public static func signingBytes(_ params: [(String, String)]) -> [UInt8] {
        let kept = params
            .filter { $0.0 != "sign" && !$0.1.isEmpty }
            .map { (Array($0.0.utf8), Array($0.1.utf8)) }
            // Byte order, not Swift's String order (which follows Unicode canonical equivalence).
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
        var out = [UInt8]()
        out.reserveCapacity(kept.reduce(0) { $0 + $1.0.count + $1.1.count })
        for (k, v) in kept {
            out.append(contentsOf: k)
            out.append(contentsOf: v)
        }
        return out
    }

    /// Constant-time check of a received signature (hex case is ignored, as TOP does).
    public static func verify(_ params: [(String, String)], secret: String, method: SignMethod, sign: String) -> Bool {
        let expected = Array(self.sign(params, secret: secret, method: method).utf8)
        return Digest.constantTimeEqual(expected, Array(sign.uppercased().utf8))
    }
}
