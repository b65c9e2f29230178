// FakeTopGateway on a socket: our HTTPServer answers calls; the `refuse` fault is played by a
// bare listener that resets every connection it accepts, handing the port to the HTTP server
// once a counted refusal budget (`refuse:N`) is spent.

import Foundation
import HTTP

public final class FakeTopServer: @unchecked Sendable {
    public let gateway: FakeTopGateway
    public let host: String
    private let requestedPort: UInt16
    private let workers: Int
    /// Longest a `timeout` fault holds a worker: the caller has given up long before.
    private let hangCapMillis: Int
    private let lock = NSLock()
    private var server: HTTPServer?
    private var refuser: RefusingListener?
    private var boundPort: UInt16 = 0

    public init(gateway: FakeTopGateway, host: String = "127.0.0.1", port: UInt16 = 0, workers: Int = 8,
                hangCapMillis: Int = 30_000) {
        self.gateway = gateway
        self.host = host
        self.requestedPort = port
        self.workers = workers
        self.hangCapMillis = hangCapMillis
    }

    public var port: UInt16 { lock.withLock { boundPort } }
    /// The gateway URL for `BUSOPS_TOP_GATEWAY`.
    public var url: URL { URL(string: "http://\(host):\(port)/router/rest")! }

    public func start() throws {
        if gateway.faultKind == .refuse {
            let refuser = try RefusingListener(host: host, port: requestedPort)
            lock.withLock {
                self.refuser = refuser
                boundPort = refuser.port
            }
            let gateway = self.gateway
            refuser.start(shouldRefuse: { gateway.takeConnectionRefusal() }, spent: { gateway.faultExhausted }, handOver: { [weak self] in
                // The budget is spent: from now on the port answers like a healthy gateway.
                try? self?.startHTTP(port: refuser.port)
            })
        } else {
            try startHTTP(port: requestedPort)
        }
    }

    private func startHTTP(port: UInt16) throws {
        let gateway = self.gateway
        let cap = hangCapMillis
        let server = HTTPServer(host: host, port: port, workers: workers) { request in
            // TOP takes the parameters from the form body, or from the query of a GET.
            let form = request.body.isEmpty ? Array(request.rawQuery.utf8) : request.body
            let reply = gateway.handle(formBody: form, now: Date())
            if reply.delayMillis > 0 { usleep(UInt32(min(reply.delayMillis, cap)) * 1000) }
            return HTTPResponse(status: reply.status, contentType: "application/json;charset=utf-8", body: reply.body)
        }
        try server.start()
        lock.withLock {
            self.server = server
            boundPort = server.port
        }
    }

    public func stop() {
        let (server, refuser) = lock.withLock { (self.server, self.refuser) }
        refuser?.stop()
        server?.stop(graceTimeout: 1)
        lock.withLock {
            self.server = nil
            self.refuser = nil
        }
    }
}
