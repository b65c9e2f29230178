// The dispatcher as the console runs it: a BackgroundWorker with its own Store on the same file (SQLite
// connections are not shared between threads), one batch a round.

import Foundation
import Store

public final class DispatcherThread: @unchecked Sendable {
    private let lock = NSLock()
    private var problem: String?
    private var gateway = GatewayHealth()
    private var worker: BackgroundWorker?

    private init() {}

    /// Starts sending from the store at `storePath`. `log` receives problems (a refused configuration, a pause,
    /// store errors) once each as they appear, from the dispatcher's thread.
    public static func start(storePath: String, config: TopConfig, settings: DispatcherSettings = DispatcherSettings(),
                             transport: TopTransport = GatewayTransport(),
                             log: @escaping @Sendable (String) -> Void = { _ in }) -> DispatcherThread {
        let handle = DispatcherThread()
        nonisolated(unsafe) let opened: Result<Store, Error> = Result { try Store(path: storePath, create: false) }
        nonisolated(unsafe) var dispatcher: OutboxDispatcher?   // the worker's thread is its only user
        nonisolated(unsafe) var state = OutboxDispatcher.LoopState()
        if case .success(let store) = opened {
            dispatcher = OutboxDispatcher(store: store, config: config, transport: transport, settings: settings)
        }
        let worker = BackgroundWorker(name: "outbox-dispatcher", period: settings.idleSleep) { _ in
            guard let d = dispatcher else {
                if case .failure(let error) = opened { handle.note("dispatcher cannot open the store: \(error)", log: log) }
                return .finish
            }
            state.lastBatch = DispatchReport()
            let next = d.step(&state, log: { handle.note($0, log: log) })
            handle.lock.withLock { handle.gateway.observe(state.lastBatch, now: Int(Date().timeIntervalSince1970)) }
            return next
        }
        handle.worker = worker
        worker.start()
        return handle
    }

    /// Asks the worker to finish after its current call and waits up to `timeout` seconds for it (a call in flight
    /// ends within the request timeout). True when it finished.
    @discardableResult
    public func stop(timeout: TimeInterval = 15) -> Bool {
        worker?.stop(timeout: timeout) ?? true
    }

    /// What keeps the dispatcher from sending right now (a pause, a refused configuration, a store error), for a
    /// status line; nil while it sends normally.
    public var lastProblem: String? { lock.withLock { problem } }

    /// How the gateway answered lately (the status line shows it all the time, not once).
    public var gatewayHealth: GatewayHealth { lock.withLock { gateway } }

    private func note(_ text: String, log: @Sendable (String) -> Void) {
        lock.withLock { problem = text == OutboxDispatcher.resumedMessage ? nil : text }
        log(text)
    }
}
