import Glibc

/// The I/O thread: one poll() over the listener, a wake pipe and every connection that is
/// waiting for bytes or for room to write. It never runs handler code, so a slow handler
/// or a silent client cannot stall anybody else; complete requests go to the worker pool
/// and come back through `complete(_:)`.
///
/// Starvation defences (docs/HARDENING.md): deadlines that bytes do not extend, the oldest
/// idle connection shed first when connections run short, a per-address cap, and a spare
/// descriptor to refuse politely when the process is out of them (ServerLoopAdmission.swift).
final class ServerLoop: @unchecked Sendable {
    let listener: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// The server's limits and deadlines (docs/HARDENING.md).
    let options: HTTPServer.Options
    /// `options.maxConnections` as the descriptor limit allowed it at start.
    let maxConnections: Int
    private let dispatch: @Sendable (ServerConnection, HTTPRequest) -> Void
    private let onAccess: (@Sendable (AccessRecord) -> Void)?
    var connections: [Int32: ServerConnection] = [:]
    /// Open connections per peer address (only for addresses the cap applies to).
    var perAddress: [String: Int] = [:]
    var listenerOpen = true
    /// After running out of descriptors with nothing to shed, the listener rests until then.
    var listenerPausedUntil: Int64 = 0
    /// Held open only to be closed when accept(2) says EMFILE, so one refusal can still be
    /// accepted, answered 503 and closed instead of the listener spinning on a full backlog.
    var spareDescriptor: Int32 = -1
    /// Changed only on the I/O thread and rarely (a shed, a refusal, a timeout), so each
    /// change is published under the lock at once.
    var counters = ServerCounters() {
        didSet { let snapshot = counters; lock.withLock { published = snapshot } }
    }

    // Shared with other threads, guarded by `lock`.
    private let lock = Lock()
    private var completed: [ServerConnection] = []
    private var wakePending = false
    private var stopRequested = false
    private var graceDeadline: Int64 = 0
    private var finished = false
    private var published = ServerCounters()

    init(listener: Int32, options: HTTPServer.Options, onAccess: (@Sendable (AccessRecord) -> Void)?,
         dispatch: @escaping @Sendable (ServerConnection, HTTPRequest) -> Void) throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw Socket.Failure(call: "pipe", code: errno) }
        wakeRead = fds[0]
        wakeWrite = fds[1]
        Socket.makeNonBlocking(wakeRead)
        Socket.makeNonBlocking(wakeWrite)
        self.listener = listener
        self.options = options
        maxConnections = options.effectiveMaxConnections
        self.onAccess = onAccess
        self.dispatch = dispatch
        spareDescriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
    }

    /// A deadline's length in the loop's clock unit (milliseconds).
    static func millis(_ seconds: Double) -> Int64 { Int64(seconds * 1000) }

    /// What the loop has shed, timed out and refused so far.
    var counterSnapshot: ServerCounters { lock.withLock { published } }

    /// True once `stop` was called; workers then answer with `Connection: close`.
    var isStopping: Bool { lock.withLock { stopRequested } }

    /// A worker is done with a connection. If the loop is gone, the worker closes it.
    func complete(_ connection: ServerConnection) {
        // Wake under the lock: the loop closes the pipe under the same lock when it ends,
        // so a late worker can never write into a descriptor number reused by then.
        let closeHere: Bool = lock.withLock {
            if finished { return true }
            completed.append(connection)
            if !wakePending {
                wakePending = true
                wake()
            }
            return false
        }
        if closeHere { close(connection.fd) }
    }

    func requestStop(graceMs: Int64) {
        lock.withLock {
            stopRequested = true
            graceDeadline = Socket.nowMillis() + graceMs
            if !finished { wake() }
        }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    func run() {
        var pollSet: [pollfd] = []
        var owners: [ServerConnection?] = []
        var nextExpiryScan: Int64 = 0
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        while true {
            let (stopping, grace) = lock.withLock { (stopRequested, graceDeadline) }
            let now = Socket.nowMillis()
            if stopping {
                beginShutdown()
                if connections.isEmpty || now >= grace { break }
            }
            pollSet.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            pollSet.append(pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0))
            owners.append(nil)
            // The listener is always watched (shedding and refusals happen at accept), unless
            // the process ran out of descriptors with nothing left to shed.
            if listenerOpen && now >= listenerPausedUntil {
                pollSet.append(pollfd(fd: listener, events: Int16(POLLIN), revents: 0))
                owners.append(nil)
            }
            var nextDeadline = now + 1000
            for connection in connections.values where connection.state != .processing {
                let events = connection.state == .writing ? POLLOUT : POLLIN
                pollSet.append(pollfd(fd: connection.fd, events: Int16(events), revents: 0))
                owners.append(connection)
                nextDeadline = min(nextDeadline, connection.deadline)
            }
            if listenerPausedUntil > now { nextDeadline = min(nextDeadline, listenerPausedUntil) }
            if stopping { nextDeadline = min(nextDeadline, grace) }
            let timeout = Int32(max(0, min(1000, nextDeadline - now)))
            let ready = poll(&pollSet, nfds_t(pollSet.count), timeout)
            if ready < 0 && errno != EINTR { break }

            for i in 0..<pollSet.count where pollSet[i].revents != 0 {
                let entry = pollSet[i]
                if let connection = owners[i] {
                    serviceSocket(connection, revents: entry.revents, scratch: scratch)
                } else if entry.fd == wakeRead {
                    drainWakePipe()
                } else if entry.fd == listener {
                    acceptAll()
                }
            }
            // Deadlines are coarse (seconds), so scanning every connection ~20 times a
            // second is plenty and keeps the busy path free of that O(n) walk.
            let after = Socket.nowMillis()
            if after >= nextExpiryScan {
                expireDeadlines(now: after)
                nextExpiryScan = after + 50
            }
        }
        shutdownRemaining()
    }

    private func drainWakePipe() {
        var sink = [UInt8](repeating: 0, count: 256)
        while read(wakeRead, &sink, sink.count) > 0 {}
        let handed: [ServerConnection] = lock.withLock {
            wakePending = false
            defer { completed.removeAll(keepingCapacity: true) }
            return completed
        }
        for connection in handed { resume(connection) }
    }

    /// A connection back from a worker, its response written or partly written.
    private func resume(_ connection: ServerConnection) {
        if connection.hasPendingOutput {
            connection.state = .writing
            connection.deadline = Socket.nowMillis() + Self.millis(options.writeTimeout)
        } else if connection.closeAfterWrite || isStopping {
            drop(connection)
        } else {
            let now = Socket.nowMillis()
            connection.state = .reading
            connection.headStarted = nil
            connection.bodyStarted = nil
            connection.idleSince = now
            connection.deadline = now + Self.millis(options.idleTimeout)
            // Pipelined requests may already sit in the buffer.
            if connection.hasBufferedInput { parseBuffered(connection) }
        }
    }

    /// A new connection passed admission: its first head must arrive within the head timeout
    /// of now (nginx's client_header_timeout works the same way).
    func register(_ connection: ServerConnection) {
        let now = Socket.nowMillis()
        connection.idleSince = now
        connection.headStarted = now
        connection.deadline = now + Self.millis(options.headTimeout)
        connections[connection.fd] = connection
        if options.maxConnectionsPerAddress > 0 && !options.exemptAddresses.contains(connection.peerHost) {
            perAddress[connection.peerHost, default: 0] += 1
        }
    }

    private func serviceSocket(_ connection: ServerConnection, revents: Int16,
                               scratch: UnsafeMutableRawBufferPointer) {
        switch connection.state {
        case .reading:
            switch connection.readAvailable(into: scratch) {
            case .closed: drop(connection)
            case .wouldBlock: break
            case .data: parseBuffered(connection)
            }
        case .writing:
            finishWriting(connection)
        case .processing:
            break
        }
    }

    private func finishWriting(_ connection: ServerConnection) {
        switch connection.flush() {
        case .failed: drop(connection)
        case .wouldBlock: break
        case .done: resume(connection)
        }
    }

    private func parseBuffered(_ connection: ServerConnection) {
        let outcome = connection.parser.parse(connection.buffer, from: connection.readIndex,
                                              remoteAddress: connection.remoteAddress)
        switch outcome {
        case .incomplete:
            // Deadlines start once and are never pushed back by later bytes: one byte a second
            // must not hold a connection forever (issue 15's slowloris, docs/HARDENING.md).
            let now = Socket.nowMillis()
            if connection.parser.isReadingBody {
                let started = connection.bodyStarted ?? now
                connection.bodyStarted = started
                connection.deadline = started + Self.millis(options.bodyTimeout)
            } else if connection.isMidRequest {
                let started = connection.headStarted ?? now
                connection.headStarted = started
                connection.deadline = started + Self.millis(options.headTimeout)
            }
            if connection.parser.awaitingBodyWithContinue && !connection.continueSent {
                connection.continueSent = true
                connection.output = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
                if connection.flush() == .failed { drop(connection) }
            }
        case .request(let request, let consumed):
            connection.headStarted = nil
            connection.bodyStarted = nil
            connection.readIndex += consumed
            connection.compactInput()
            connection.continueSent = false
            connection.state = .processing
            dispatch(connection, request)
        case .failure(let status, let reason):
            refuse(connection, status: status, reason: reason)
        }
    }

    /// Answers a request the parser rejected, then closes: its framing is unknown.
    private func refuse(_ connection: ServerConnection, status: Int, reason: String) {
        let response = HTTPResponse.text(status, reason + "\n")
        connection.output = ResponseEncoder.encode(response, version: .http11, keepAlive: false)
        connection.outputIndex = 0
        connection.closeAfterWrite = true
        connection.state = .writing
        connection.deadline = Socket.nowMillis() + Self.millis(options.writeTimeout)
        onAccess?(AccessRecord(method: "-", path: "-", status: status, durationMs: 0,
                               bytes: response.body.count, remoteAddress: connection.remoteAddress))
        finishWriting(connection)
    }

    private func expireDeadlines(now: Int64) {
        for connection in Array(connections.values) where connection.state != .processing && now >= connection.deadline {
            if connection.state == .reading && connection.isMidRequest {
                // Best effort 408 so a merely slow client learns why; then close.
                connection.output = ResponseEncoder.encode(.text(408, "request timeout\n"), version: .http11,
                                                           keepAlive: false)
                _ = connection.flush()
                counters.timedOut += 1
            } else if connection.state == .reading {
                counters.idleClosed += 1
            } else {
                counters.timedOut += 1
            }
            drop(connection)
        }
    }

    /// Stop accepting and close every connection that is not mid-response.
    private func beginShutdown() {
        if listenerOpen {
            close(listener)
            listenerOpen = false
        }
        for connection in Array(connections.values) where connection.state == .reading {
            drop(connection)
        }
    }

    func drop(_ connection: ServerConnection) {
        connections[connection.fd] = nil
        close(connection.fd)
        if let n = perAddress[connection.peerHost] {
            perAddress[connection.peerHost] = n > 1 ? n - 1 : nil
        }
    }

    /// Grace expired or loop ended: close what the loop owns; connections still with a
    /// worker are shut down (not closed: the worker still holds the descriptor) and the
    /// worker closes them in `complete`.
    private func shutdownRemaining() {
        let late: [ServerConnection] = lock.withLock {
            finished = true
            close(wakeRead)
            close(wakeWrite)
            return completed
        }
        for connection in connections.values {
            if connection.state == .processing {
                Glibc.shutdown(connection.fd, Int32(SHUT_RDWR))
            } else {
                close(connection.fd)
            }
        }
        connections.removeAll()
        for connection in late { close(connection.fd) }
        if listenerOpen { close(listener) }
        if spareDescriptor >= 0 { close(spareDescriptor) }
    }
}
