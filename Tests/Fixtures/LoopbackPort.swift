import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A loopback port nobody listens on: bound to 127.0.0.1 port 0, read back, closed. A call to it is refused at
/// once; a test's own server may bind it a moment later.
public enum LoopbackPort {
    public static func unused() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket: errno \(errno)") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok else { throw FixtureError("no free loopback port: errno \(errno)") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}
