import Foundation
import Store

/// Personal data inside callback parameters and requests, masked by field name as the lists mask it (`Masking`):
/// the callback page has no reveal, so names, certificate numbers and phones never show there in full (issue 12).
public enum PersonalFields {
    public static func mask(_ key: String, _ value: String) -> String {
        let k = key.lowercased()
        if isSecret(k) { return Masking.secret(value) }
        if k.contains("cert") || k.contains("id_card") { return Masking.certificate(value) }
        if k.contains("phone") || k.contains("mobile") { return Masking.phone(value) }
        if k.contains("name"), k == "name" || ["passenger", "contact", "buyer", "user", "holder"].contains(where: k.contains) {
            return Masking.name(value)
        }
        return value
    }

    /// A credential's key (bookticket.confirm's `fetch_tickets_pwd`, Qimen's `ticketPwd`): whoever reads the
    /// ticket password can collect the tickets, so it is masked wherever it is shown without a reveal.
    public static func isSecret(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.hasSuffix("pwd") || k.contains("password")
    }

    /// The same JSON with only its credentials masked (the CLI's preview prints the rest as it will be signed).
    public static func maskSecrets(_ json: JSON, key: String = "") -> JSON {
        switch json {
        case .object(let fields): return .object(fields.map { ($0.0, maskSecrets($0.1, key: $0.0)) })
        case .array(let items): return .array(items.map { maskSecrets($0, key: key) })
        case .string(let s) where isSecret(key): return .string(Masking.secret(s))
        default: return json
        }
    }

    /// The same JSON with personal fields masked, however deep (a ticket list holds a passenger each).
    public static func mask(_ json: JSON, key: String = "") -> JSON {
        switch json {
        case .object(let fields): return .object(fields.map { ($0.0, mask($0.1, key: $0.0)) })
        case .array(let items): return .array(items.map { mask($0, key: key) })
        case .string(let s): return .string(mask(key, s))
        default: return json
        }
    }

    /// A form body (`a=1&b=%7B…%7D`) as `key: value` lines, decoded, personal fields masked (JSON values inside too).
    public static func formLines(_ body: String) -> [String]? {
        let pairs = body.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) }
        guard pairs.count > 1, pairs.allSatisfy({ $0.count == 2 }) else { return nil }
        return pairs.map { p in
            let key = String(p[0]), raw = String(p[1]).replacingOccurrences(of: "+", with: " ")
            let value = raw.removingPercentEncoding ?? raw
            if let json = try? JSON.parse(value), json.objectValue != nil || json.arrayValue != nil { return key + ": " + mask(json).compactText }
            return key + ": " + mask(key, value)
        }
    }
}
