import Glibc

/// Thin wrappers over the POSIX socket calls both the server and the client use.
/// Everything here works on raw descriptors; ownership (who closes) stays with the caller.
/// Linux only (Glibc): the customer runs busops on Linux servers.
enum Socket {
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call): \(String(cString: strerror(code)))" }
    }

    static let streamType = Int32(SOCK_STREAM.rawValue)
    /// Suppresses SIGPIPE per call, so a peer that vanished never kills the process.
    static let sendFlags = Int32(MSG_NOSIGNAL)

    static func ipv4Address(_ host: String, port: UInt16) throws -> sockaddr_in {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        let text = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, text, &addr.sin_addr) == 1 else {
            throw Failure(call: "inet_pton(\(host))", code: EINVAL)
        }
        return addr
    }

    /// Resolves a host name to an IPv4 address (numeric addresses skip the resolver).
    static func resolve(_ host: String, port: UInt16) throws -> sockaddr_in {
        if let addr = try? ipv4Address(host, port: port) { return addr }
        var hints = addrinfo()
        hints.ai_family = AF_INET
        hints.ai_socktype = streamType
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, nil, &hints, &result)
        guard rc == 0, let info = result, let sa = info.pointee.ai_addr else {
            throw Failure(call: "getaddrinfo(\(host))", code: EHOSTUNREACH)
        }
        defer { freeaddrinfo(result) }
        var addr = sa.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee }
        addr.sin_port = port.bigEndian
        return addr
    }

    static func makeNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32 = 1) {
        var v = value
        _ = setsockopt(fd, level, name, &v, socklen_t(MemoryLayout<Int32>.size))
    }

    static func noDelay(_ fd: Int32) {
        setOption(fd, Int32(IPPROTO_TCP), TCP_NODELAY)
    }

    /// Opens, binds and listens; returns the descriptor and the port actually bound.
    static func listen(host: String, port: UInt16, backlog: Int32 = 1024) throws -> (Int32, UInt16) {
        var addr = try ipv4Address(host, port: port)
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw Failure(call: "socket", code: errno) }
        setOption(fd, SOL_SOCKET, SO_REUSEADDR)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw Failure(call: "bind \(host):\(port)", code: code)
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw Failure(call: "listen", code: code)
        }
        makeNonBlocking(fd)
        return (fd, boundPort(fd))
    }

    static func boundPort(_ fd: Int32) -> UInt16 {
        var addr = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        return UInt16(bigEndian: addr.sin_port)
    }

    static func describe(_ addr: sockaddr_in) -> String {
        var a = addr.sin_addr
        var buf = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
        inet_ntop(AF_INET, &a, &buf, socklen_t(buf.count))
        let host = buf.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return "\(host):\(UInt16(bigEndian: addr.sin_port))"
    }

    /// Accepts one pending connection (non-blocking), or nil when none is waiting.
    static func accept(_ listener: Int32) -> (Int32, String)? {
        guard case .accepted(let fd, let remote, _) = acceptConnection(listener) else { return nil }
        return (fd, remote)
    }

    enum Accepted {
        /// The descriptor, "ip:port", and the ip alone.
        case accepted(Int32, remote: String, host: String)
        case noneWaiting
        /// accept(2) failed with this errno (EMFILE/ENFILE: out of descriptors).
        case failed(Int32)
    }

    static func acceptConnection(_ listener: Int32) -> Accepted {
        var addr = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.accept(listener, $0, &len) }
        }
        guard fd >= 0 else {
            let code = errno
            return code == EAGAIN || code == EWOULDBLOCK ? .noneWaiting : .failed(code)
        }
        makeNonBlocking(fd)
        noDelay(fd)
        let remote = describe(addr)
        return .accepted(fd, remote: remote, host: String(remote.prefix { $0 != ":" }))
    }

    /// Milliseconds on a monotonic clock, for deadlines and durations.
    static func nowMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }

    static func nowMicros() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
    }
}
