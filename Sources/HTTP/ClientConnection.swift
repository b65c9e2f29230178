import Glibc

/// One client socket with deadline-bounded connect, send and receive (poll based).
final class ClientConnection {
    let fd: Int32
    let endpoint: (host: String, port: UInt16)
    /// Bytes received beyond the last response (a server should not send any, but be safe).
    var buffer: [UInt8] = []
    /// Bytes received since the last `sendAll`: zero means the server never started to
    /// answer, which makes a resend on a fresh connection safe.
    private(set) var receivedSinceSend = 0

    private init(fd: Int32, host: String, port: UInt16) {
        self.fd = fd
        self.endpoint = (host, port)
    }

    deinit { close(fd) }

    static func open(host: String, port: UInt16, deadline: Int64) throws -> ClientConnection {
        var addr: sockaddr_in
        do { addr = try Socket.resolve(host, port: port) } catch {
            throw HTTPClientError.other("cannot resolve host \(host)")
        }
        let fd = socket(AF_INET, Socket.streamType, 0)
        guard fd >= 0 else { throw HTTPClientError.other("socket: errno \(errno)") }
        let connection = ClientConnection(fd: fd, host: host, port: port)
        Socket.makeNonBlocking(fd)
        Socket.noDelay(fd)
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if rc != 0 {
            guard errno == EINPROGRESS else { throw mapErrno(errno) }
            try connection.wait(for: POLLOUT, until: deadline)
            var err: Int32 = 0
            var len = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
            if err != 0 { throw mapErrno(err) }
        }
        return connection
    }

    func sendAll(_ bytes: [UInt8], deadline: Int64) throws {
        var sent = 0
        receivedSinceSend = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Socket.sendFlags) }
            if n > 0 {
                sent += n
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                try wait(for: POLLOUT, until: deadline)
            } else if n < 0 && errno == EINTR {
                continue
            } else {
                throw Self.mapErrno(errno)
            }
        }
    }

    /// Appends at least one byte to `buffer`; returns false on orderly end of stream.
    func receiveMore(deadline: Int64) throws -> Bool {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n > 0 {
                buffer.append(contentsOf: scratch[0..<n])
                receivedSinceSend += n
                return true
            }
            if n == 0 { return false }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                try wait(for: POLLIN, until: deadline)
            } else if errno != EINTR {
                throw Self.mapErrno(errno)
            }
        }
    }

    /// True when the server closed this idle connection (readable with EOF) or sent junk.
    var looksStale: Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 0) != 0
    }

    private func wait(for events: Int32, until deadline: Int64) throws {
        while true {
            let remaining = deadline - Socket.nowMillis()
            if remaining <= 0 { throw HTTPClientError.timeout }
            var p = pollfd(fd: fd, events: Int16(events), revents: 0)
            let rc = poll(&p, 1, Int32(min(remaining, Int64(Int32.max))))
            if rc > 0 { return }
            if rc == 0 { throw HTTPClientError.timeout }
            if errno != EINTR { throw HTTPClientError.other("poll: errno \(errno)") }
        }
    }

    static func mapErrno(_ code: Int32) -> HTTPClientError {
        switch code {
        case ECONNREFUSED: return .connectionRefused
        case ECONNRESET, EPIPE, ECONNABORTED: return .connectionReset
        case ETIMEDOUT: return .timeout
        default: return .other(String(cString: strerror(code)))
        }
    }
}
