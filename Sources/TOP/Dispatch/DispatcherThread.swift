// The dispatcher on a thread of its own, as the console runs it. SQLite connections are not
// shared between threads, so the thread opens its own Store on the same file.

import Foundation
import Store

public final class DispatcherThread: @unchecked Sendable {
    private let lock = NSLock()
    private var stopRequested = false
    private var problem: String?
    private let finished = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts sending from the store at `storePath`. `log` receives problems (a refused
    /// configuration, a pause, store errors) once each as they appear, from the dispatcher thread.
    public static func start(storePath: String, config: TopConfig, settings: DispatcherSettings = DispatcherSettings(),
                             transport: TopTransport = GatewayTransport(),
                             log: @escaping @Sendable (String) -> Void = { _ in }) -> DispatcherThread {
        let handle = DispatcherThread()
        let thread = Thread {
            defer { handle.finished.signal() }
            let store: Store
            do {
                store = try Store(path: storePath, create: false)
            } catch {
                handle.note("dispatcher cannot open the store: \(error)", log: log)
                return
            }
            let dispatcher = OutboxDispatcher(store: store, config: config, transport: transport, settings: settings)
            dispatcher.run(until: { handle.isStopping }, log: { handle.note($0, log: log) })
        }
        thread.name = "outbox-dispatcher"
        thread.start()
        return handle
    }

    /// Asks the thread to finish after its current call and waits up to `timeout` seconds for
    /// it (a call in flight ends within the request timeout). True when it finished.
    @discardableResult
    public func stop(timeout: TimeInterval = 15) -> Bool {
        lock.withLock { stopRequested = true }
        guard finished.wait(timeout: .now() + timeout) == .success else { return false }
        finished.signal()  // a second stop() returns at once
        return true
    }

    /// What keeps the dispatcher from sending right now (a pause, a refused configuration, a
    /// store error), for a status line; nil while it sends normally.
    public var lastProblem: String? { lock.withLock { problem } }

    var isStopping: Bool { lock.withLock { stopRequested } }

    private func note(_ text: String, log: @Sendable (String) -> Void) {
        lock.withLock { problem = text == OutboxDispatcher.resumedMessage ? nil : text }
        log(text)
    }
}
