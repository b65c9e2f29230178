import Glibc

/// What the I/O loop did to protect itself; `HTTPServer.counters` reads a snapshot and
/// `busops serve` prints it at shutdown.
public struct ServerCounters: Sendable, Equatable {
    /// Requests whose head or body missed its deadline (answered 408), and responses a
    /// client would not take in time.
    public var timedOut = 0
    /// Idle connections closed at their idle deadline.
    public var idleClosed = 0
    /// Connections closed early to make room for a new one (idle first, then the slowest
    /// request in progress).
    public var shed = 0
    /// New connections answered 503 and closed: over the per-address cap.
    public var refusedPerAddress = 0
    /// New connections answered 503 and closed: no room and nothing to shed, or no descriptor.
    public var refusedBusy = 0

    public init() {}

    public var summary: String {
        "connections: \(timedOut) timed out, \(idleClosed) idle closed, \(shed) shed, "
            + "\(refusedPerAddress) refused per address, \(refusedBusy) refused busy"
    }
}

/// Admission at accept time (docs/HARDENING.md "Qimen listener"): who gets in, and who makes
/// room. All of it runs on the I/O thread.
extension ServerLoop {
    /// Accepts what is waiting, at most a few hundred per round so open connections keep
    /// being served while a flood of new ones arrives.
    func acceptAll() {
        for _ in 0..<256 {
            switch Socket.acceptConnection(listener) {
            case .noneWaiting:
                return
            case .accepted(let fd, let remote, let host):
                admit(fd, remote: remote, host: host)
            case .failed(let code) where code == EMFILE || code == ENFILE:
                // Out of descriptors despite the reserve below the limit (HTTPServer.start):
                // free one by shedding, else refuse one through the spare descriptor.
                if shedOne() { continue }
                if !refuseWithSpare() {
                    listenerPausedUntil = Socket.nowMillis() + 100
                    return
                }
            case .failed:
                // ECONNABORTED and the like: that one client is gone; try the next.
                continue
            }
        }
    }

    private func admit(_ fd: Int32, remote: String, host: String) {
        let capped = options.maxConnectionsPerAddress > 0 && !options.exemptAddresses.contains(host)
        if capped && perAddress[host, default: 0] >= options.maxConnectionsPerAddress {
            counters.refusedPerAddress += 1
            refuse(fd, "too many connections from your address\n")
            return
        }
        if connections.count >= maxConnections && !shedOne() {
            counters.refusedBusy += 1
            refuse(fd, "server busy, try again\n")
            return
        }
        register(ServerConnection(fd: fd, remoteAddress: remote, peerHost: host, limits: options.limits))
    }

    /// Closes one connection to make room: the longest idle one first (a kept-alive or fresh
    /// connection that has sent nothing costs its client nothing to reopen); failing that,
    /// the connection waiting longest for its request to complete, which is the slowest
    /// sender and the closest to its own head deadline anyway. A connection idle for less
    /// than `idleGraceMs` is not "idle" yet: it was likely accepted a moment ago and its
    /// request is in the kernel, unread. Never one a worker holds or one being answered.
    @discardableResult
    func shedOne() -> Bool {
        let idleGraceMs: Int64 = 250
        let now = Socket.nowMillis()
        var idle: (ServerConnection, Int64)?
        var other: (ServerConnection, Int64)?
        for connection in connections.values where connection.state == .reading {
            let mid = connection.isMidRequest
            let since = mid ? (connection.headStarted ?? connection.idleSince) : connection.idleSince
            if !mid && now - since >= idleGraceMs {
                if idle == nil || since < idle!.1 { idle = (connection, since) }
            } else if idle == nil {
                if other == nil || since < other!.1 { other = (connection, since) }
            }
        }
        guard let victim = (idle ?? other)?.0 else { return false }
        if victim.isMidRequest {
            victim.output = ResponseEncoder.encode(.text(503, "server busy, connection closed\n"), version: .http11,
                                                   keepAlive: false)
            _ = victim.flush()
        }
        counters.shed += 1
        drop(victim)
        return true
    }

    /// A short 503 on a connection we will not keep, best effort (non-blocking), then close.
    private func refuse(_ fd: Int32, _ reason: String) {
        let bytes = ResponseEncoder.encode(.text(503, reason), version: .http11, keepAlive: false)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Socket.sendFlags) }
        close(fd)
    }

    /// Out of descriptors: give up the spare, accept and refuse one client, take the spare
    /// back. False when that did not work (the listener then rests briefly instead of spinning).
    private func refuseWithSpare() -> Bool {
        guard spareDescriptor >= 0 else { return false }
        close(spareDescriptor)
        spareDescriptor = -1
        var refused = false
        if case .accepted(let fd, _, _) = Socket.acceptConnection(listener) {
            counters.refusedBusy += 1
            refuse(fd, "server out of connections, try again\n")
            refused = true
        }
        spareDescriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
        return refused
    }
}
