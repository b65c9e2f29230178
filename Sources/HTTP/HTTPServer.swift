import Foundation
import Glibc

/// Our own HTTP/1.1 server (the customer allows no packages): one poll() I/O thread plus a
/// fixed pool of worker threads running the handler. See `ServerLoop` for the I/O side.
///
/// Usage: create, optionally set `onAccess`, `start()`, read `port`, later `stop()`.
public final class HTTPServer: @unchecked Sendable {
    /// Limits and deadlines; docs/HARDENING.md explains each, and what nginx in front adds.
    public struct Options: Sendable {
        /// The whole request head must arrive within this of the connection's accept (a new
        /// connection) or of its first byte (a kept-alive one), else 408 and close. Bytes do
        /// not extend it: a client sending one byte a second is out after this long.
        public var headTimeout: TimeInterval = 10
        /// The whole body must arrive within this of the end of the head, else 408 and close.
        public var bodyTimeout: TimeInterval = 10
        /// An idle keep-alive connection is closed after this long.
        public var idleTimeout: TimeInterval = 30
        /// A client that does not take its response within this long is dropped.
        public var writeTimeout: TimeInterval = 30
        /// Connections held at once. At the limit a new connection still gets in: the oldest
        /// idle connection is closed for it, else the slowest request in progress, else it is
        /// answered 503. Capped at start by the descriptor limit less `reservedDescriptors`.
        public var maxConnections = 4096
        /// Connections one peer address may hold (0: no cap); more are answered 503 and closed.
        public var maxConnectionsPerAddress = 128
        /// Peers the per-address cap skips: nginx on the same host connects from 127.0.0.1
        /// for every client, and limits each client itself (limit_conn, docs/HARDENING.md).
        public var exemptAddresses: Set<String> = ["127.0.0.1"]
        /// Descriptors kept free below RLIMIT_NOFILE for the store, its WAL, logs and pipes.
        public var reservedDescriptors = 64
        /// Behind nginx on the same host every peer is 127.0.0.1; when true, a loopback
        /// peer's `X-Real-IP` (else the last `X-Forwarded-For` entry) becomes
        /// `remoteAddress`. Only logs use it, never a security decision.
        public var trustLoopbackProxy = true
        public var limits = HTTPParser.Limits()

        public init() {}

        /// Sets both the head and the body timeout (the single read timeout of old).
        public var readTimeout: TimeInterval {
            get { headTimeout }
            set { headTimeout = newValue; bodyTimeout = newValue }
        }

        /// `maxConnections` as the descriptor limit allows it right now.
        public var effectiveMaxConnections: Int {
            max(1, min(maxConnections, FileLimit.current - reservedDescriptors))
        }
    }

    public let host: String
    private let requestedPort: UInt16
    private let workers: Int
    private let options: Options
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse

    private let lock = Lock()
    private var boundPort: UInt16 = 0
    private var loop: ServerLoop?
    private var lastLoop: ServerLoop?
    private var pool: WorkerPool?
    private var loopDone: DispatchSemaphore?
    private var accessHook: (@Sendable (AccessRecord) -> Void)?

    public init(host: String = "127.0.0.1", port: UInt16, workers: Int, options: Options = Options(),
                handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.host = host
        self.requestedPort = port
        self.workers = max(1, workers)
        self.options = options
        self.handler = handler
    }

    /// Called once per response (on a worker or the I/O thread). Set before `start()`.
    public var onAccess: (@Sendable (AccessRecord) -> Void)? {
        get { lock.withLock { accessHook } }
        set { lock.withLock { accessHook = newValue } }
    }

    /// The port actually bound (useful with port 0); 0 before `start()`.
    public var port: UInt16 { lock.withLock { boundPort } }

    /// Connections timed out, shed and refused so far (kept after `stop()`).
    public var counters: ServerCounters {
        lock.withLock { loop ?? lastLoop }?.counterSnapshot ?? ServerCounters()
    }

    /// Binds and listens, starts the threads, and returns.
    public func start() throws {
        guard lock.withLock({ self.loop == nil }) else { throw Socket.Failure(call: "start (already running)", code: EALREADY) }
        let (fd, actualPort) = try Socket.listen(host: host, port: requestedPort)
        let pool = WorkerPool(threads: workers, name: "http-worker")
        let handler = self.handler
        let access = onAccess
        let trustProxy = options.trustLoopbackProxy
        let loopBox = LoopBox()
        let loop: ServerLoop
        do {
            loop = try ServerLoop(listener: fd, options: options, onAccess: access) { connection, parsed in
                let received = Socket.nowMicros()
                var copy = parsed
                if trustProxy { copy.remoteAddress = Self.clientAddress(parsed) }
                let request = copy
                pool.submit {
                    guard let loop = loopBox.loop else { return }
                    Self.serve(request, on: connection, received: received, handler: handler,
                               stopping: { loop.isStopping }, onAccess: access)
                    loop.complete(connection)
                }
            }
        } catch {
            close(fd)
            pool.shutdown(timeout: 1)
            throw error
        }
        loopBox.loop = loop
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            loop.run()
            done.signal()
        }
        thread.name = "http-io"
        lock.withLock {
            self.boundPort = actualPort
            self.loop = loop
            self.pool = pool
            self.loopDone = done
        }
        thread.start()
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish for up to
    /// `graceTimeout` seconds, then closes everything. Blocks until done.
    public func stop(graceTimeout: TimeInterval = 5) {
        let (loop, pool, done): (ServerLoop?, WorkerPool?, DispatchSemaphore?) = lock.withLock {
            defer { self.lastLoop = self.loop; self.loop = nil; self.pool = nil; self.loopDone = nil }
            return (self.loop, self.pool, self.loopDone)
        }
        guard let loop, let pool, let done else { return }
        let started = Date()
        loop.requestStop(graceMs: Int64(graceTimeout * 1000))
        _ = done.wait(timeout: .now() + graceTimeout + 2)
        pool.shutdown(timeout: max(0.1, graceTimeout - Date().timeIntervalSince(started)))
    }

    /// Runs on a worker: handler, encoding, and a first non-blocking send. Whatever the
    /// socket does not take at once the I/O loop sends, so a slow reader holds no worker.
    private static func serve(_ request: HTTPRequest, on connection: ServerConnection, received: Int64,
                              handler: @Sendable (HTTPRequest) -> HTTPResponse, stopping: () -> Bool,
                              onAccess: (@Sendable (AccessRecord) -> Void)?) {
        let response = handler(request)
        // Asked after the handler: a stop that began meanwhile must still close this one.
        let keepAlive = request.wantsKeepAlive && !stopping()
        connection.output = ResponseEncoder.encode(response, version: request.version, keepAlive: keepAlive,
                                                   headRequest: request.method == "HEAD")
        connection.outputIndex = 0
        connection.closeAfterWrite = !keepAlive
        if connection.flush() == .failed { connection.closeAfterWrite = true; connection.output = [] }
        if let onAccess {
            let ms = Double(Socket.nowMicros() - received) / 1000
            onAccess(AccessRecord(method: request.method, path: request.path, status: response.status,
                                  durationMs: ms, bytes: response.body.count, tag: response.tag,
                                  remoteAddress: request.remoteAddress))
        }
    }
}

extension HTTPServer {
    static func clientAddress(_ request: HTTPRequest) -> String {
        guard request.remoteAddress.hasPrefix("127.") else { return request.remoteAddress }
        if let real = request.headers["X-Real-IP"]?.trimmingSpaces(), !real.isEmpty {
            return String(real.prefix(64))
        }
        if let forwarded = request.headers.values("X-Forwarded-For").last?.split(separator: ",").last?.trimmingSpaces(),
           !forwarded.isEmpty {
            return String(forwarded.prefix(64))
        }
        return request.remoteAddress
    }
}

/// Breaks the init-time cycle: the dispatch closure needs the loop it is passed to.
private final class LoopBox: @unchecked Sendable {
    var loop: ServerLoop?
}
