import Foundation
import HTTP
import TOP

/// `busops selftest --explain-sign`: a captured Qimen request (URL with its query, raw body)
/// taken apart the way docs/PROTOCOL.md (Qimen) "Verifying the signature" signs it, to find why a
/// signature does not match. Shows the canonical string and both signs, never the secret.
public struct SignatureExplanation: Sendable {
    /// Parameters in signing order (form-decoded, `sign` dropped).
    public let pairs: [(String, String)]
    public let canonical: String
    public let body: [UInt8]
    public let expected: String
    public let given: String?
    public let timestamp: String?
    private let now: Date

    /// `headers` are the request's headers, for a `top-sign-list` naming some of them.
    public init(url: String, body: [UInt8], secret: Secret, headers: HTTPHeaders = HTTPHeaders(), now: Date = Date()) {
        let query = Self.rawQuery(url)
        let items = FormDecoding.decode(query)
        let signed = QimenSignature.parameters(query: items, headers: headers, formFields: [])
        pairs = QimenSignature.sorted(signed)
        canonical = QimenSignature.canonicalString(signed)
        self.body = body
        expected = QimenSignature.sign(signed, body: body, secret: secret)
        given = items.first { $0.name == "sign" }?.value
        timestamp = items.first { $0.name == "timestamp" }?.value
        self.now = now
    }

    /// The query part of a URL (or of a bare `a=b&c=d` string), without any `#fragment`.
    static func rawQuery(_ url: String) -> String {
        var text = Substring(url)
        if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
        if let mark = text.firstIndex(of: "?") { return String(text[text.index(after: mark)...]) }
        return text.contains("=") && !text.contains("://") ? String(text) : ""
    }

    /// Verification compares upper-case hex, so a lower-case sign still matches.
    public var matches: Bool { given.map { $0.uppercased() == expected } ?? false }

    /// 1-based position of the first character where the given sign differs, nil when equal.
    public var firstDifference: Int? {
        guard let given else { return 1 }
        let a = Array(given.uppercased()), b = Array(expected)
        for i in 0..<max(a.count, b.count) where i >= a.count || i >= b.count || a[i] != b[i] { return i + 1 }
        return nil
    }

    public var lines: [String] {
        var out = ["query parameters (form-decoded, sign dropped, sorted by key bytes):"]
        out += pairs.map { "  " + TerminalSafe.text($0.0) + " = " + TerminalSafe.text($0.1) }
        out.append("canonical string: " + TerminalSafe.text(canonical, limit: 4000))
        out.append("body: \(body.count) bytes, signed exactly as sent: " + TerminalSafe.text(String(decoding: body, as: UTF8.self), limit: 4000))
        out.append("signature: upper-case hex MD5(secret + canonical string + body + secret); the secret is not shown")
        out.append("expected sign: " + expected)
        out.append("given sign:    " + (given.map { TerminalSafe.text($0) } ?? "(none: the URL has no sign parameter)"))
        out.append("result: " + verdict)
        if let note = timestampNote { out.append(note) }
        return out
    }

    var verdict: String {
        guard let given else { return "no sign to compare" }
        if given == expected { return "match" }
        if matches { return "match (the given sign is lower case; the check ignores case)" }
        let position = firstDifference ?? 1
        let g = Array(given.uppercased()), e = Array(expected)
        let shown = position <= g.count ? "'\(TerminalSafe.text(String(g[position - 1])))'" : "nothing"
        var text = "differs at character \(position) (given \(shown), expected '\(e[min(position, e.count) - 1])')"
        if g.count != e.count { text += "; given has \(g.count) characters, a sign has \(e.count)" }
        return text + " — check the secret (test or production), that the body is signed byte for byte as sent, "
            + "and that values are form-decoded before signing"
    }

    /// serve refuses a timestamp outside its window (BUSOPS_QIMEN_TIMESTAMP_WINDOW, 600 s by default; docs/PROTOCOL.md "Qimen: requests and answers").
    var timestampNote: String? {
        guard let timestamp else { return "note: no timestamp parameter (serve refuses the request)" }
        guard let sent = TopClock.parse(timestamp) else {
            return "note: timestamp '\(TerminalSafe.text(timestamp))' is not yyyy-MM-dd HH:mm:ss (GMT+8)"
        }
        let skew = Int(sent.timeIntervalSince(now))
        return abs(skew) <= 600 ? nil
            : "note: timestamp is \(abs(skew)) s in the \(skew < 0 ? "past" : "future"); serve refuses beyond its window (600 s by default)"
    }
}
