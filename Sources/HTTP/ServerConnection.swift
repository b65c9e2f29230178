import Glibc

/// One accepted socket and its buffers.
///
/// Ownership moves, it is never shared: the I/O loop owns a connection while it is
/// `.reading` or `.writing`; a worker owns it while `.processing`, and hands it back through
/// the loop's completion queue (whose lock orders the memory accesses). That is why the
/// class can be `@unchecked Sendable` without a lock of its own.
final class ServerConnection: @unchecked Sendable {
    enum State { case reading, processing, writing }

    let fd: Int32
    let remoteAddress: String
    /// The peer's IP address alone: the key of the per-address connection limit.
    let peerHost: String
    var state: State = .reading
    var parser: HTTPParser
    /// Received bytes; `readIndex` marks where the next request starts.
    var buffer: [UInt8] = []
    var readIndex = 0
    /// Bytes still to send, from `outputIndex` on.
    var output: [UInt8] = []
    var outputIndex = 0
    var closeAfterWrite = false
    var continueSent = false
    /// Monotonic ms after which the loop gives up on this connection in its current state.
    var deadline: Int64 = 0
    /// When the current request's head clock started: at accept for a new connection, at the
    /// first byte for a kept-alive one; nil while idle between requests. The whole head must
    /// arrive within the head timeout of it, however the bytes trickle in (docs/HARDENING.md).
    var headStarted: Int64?
    /// When the head was complete; the whole body must arrive within the body timeout of it.
    var bodyStarted: Int64?
    /// When the connection last became idle (accepted, or its response finished): the oldest
    /// idle connection is the first one closed when connections run short.
    var idleSince: Int64 = 0

    init(fd: Int32, remoteAddress: String, peerHost: String, limits: HTTPParser.Limits) {
        self.fd = fd
        self.remoteAddress = remoteAddress
        self.peerHost = peerHost
        self.parser = HTTPParser(limits: limits)
        buffer.reserveCapacity(4096)
    }

    var hasBufferedInput: Bool { readIndex < buffer.count }
    /// Some bytes of a request arrived (even just blank lines) and it is not complete yet.
    var isMidRequest: Bool { hasBufferedInput || parser.isMidRequest }
    /// Waiting for a request with none of it received: what the idle-first shedding closes.
    var isIdle: Bool { state == .reading && !isMidRequest }
    var hasPendingOutput: Bool { outputIndex < output.count }

    /// Drops consumed request bytes; cheap when everything was consumed (the common case).
    func compactInput() {
        if readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex > 64 * 1024 {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
    }

    enum ReadResult { case data, wouldBlock, closed }

    /// Reads what the kernel has, at most one scratch buffer's worth.
    func readAvailable(into scratch: UnsafeMutableRawBufferPointer) -> ReadResult {
        let n = recv(fd, scratch.baseAddress, scratch.count, 0)
        if n > 0 {
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[0..<n]))
            return .data
        }
        if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return .wouldBlock }
        return .closed
    }

    enum WriteResult { case done, wouldBlock, failed }

    /// Sends as much pending output as the socket takes without blocking.
    func flush() -> WriteResult {
        while outputIndex < output.count {
            let n = output.withUnsafeBytes { p in
                send(fd, p.baseAddress! + outputIndex, output.count - outputIndex, Socket.sendFlags)
            }
            if n > 0 {
                outputIndex += n
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                return .wouldBlock
            } else {
                return .failed
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputIndex = 0
        return .done
    }
}
