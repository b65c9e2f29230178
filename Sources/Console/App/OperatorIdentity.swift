import Foundation

/// Who is acting, for the audit trail: $BUSOPS_OPERATOR or the login name, and where from (the SSH client).
enum OperatorIdentity {
    static func name(env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let n = env["BUSOPS_OPERATOR"], !n.isEmpty { return n }
        if let n = env["USER"] ?? env["LOGNAME"], !n.isEmpty { return n }
        if let p = getpwuid(getuid()), let n = p.pointee.pw_name { return String(cString: n) }
        return "uid\(getuid())"
    }

    static func source(env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for key in ["SSH_CONNECTION", "SSH_CLIENT"] {
            if let v = env[key], let ip = v.split(separator: " ").first { return "ssh:" + ip }
        }
        return "local"
    }
}
