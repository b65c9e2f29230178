// A listener that accepts and at once resets connections (SO_LINGER 0 sends RST): the client
// sees its call fail before any answer, as when a gateway process dies or a balancer drops it.

import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class RefusingListener: @unchecked Sendable {
    let port: UInt16
    private let fd: Int32
    private let lock = NSLock()
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    init(host: String, port: UInt16) throws {
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &addr.sin_addr) == 1 else { throw TopConfigError("not an IPv4 address: \(host)") }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TopConfigError("socket: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw TopConfigError("cannot listen on \(host):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        self.fd = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    /// Accepts on a thread and resets each connection that `shouldRefuse()` counts. Once
    /// `spent()` says the budget is used up, the listener closes and `handOver` runs; a
    /// connection that arrives uncounted is reset too (the client retries as after any refusal).
    func start(shouldRefuse: @escaping @Sendable () -> Bool, spent: @escaping @Sendable () -> Bool,
               handOver: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            while !isStopping {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 100) > 0 else { continue }
                let conn = accept(fd, nil, nil)
                if conn < 0 { continue }
                let refuse = shouldRefuse()
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(conn, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(conn)
                if !refuse || spent() {
                    closeListener()
                    handOver()
                    return
                }
            }
            closeListener()
        }
        thread.name = "fake-top-refuser"
        thread.start()
    }

    func stop() {
        lock.withLock { stopping = true }
        _ = finished.wait(timeout: .now() + 2)
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private var closed = false
    private func closeListener() {
        lock.withLock {
            if !closed { close(fd); closed = true }
        }
    }
}
